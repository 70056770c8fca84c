import { createHash } from 'node:crypto';

/**
 * The append-only audit trail: each entry's hash covers its content and the previous entry's
 * hash, so editing, deleting or reordering any entry breaks every hash after it.
 */
export interface AuditEntryContent {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  details: Readonly<Record<string, unknown>>;
}

export interface AuditEntry extends AuditEntryContent {
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** Canonical JSON: object keys sorted at every level, so the hash does not depend on key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function hashEntry(prevHash: string, content: AuditEntryContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(content)).digest('hex');
}

export function chainEntry(
  prev: AuditEntry | undefined,
  content: Omit<AuditEntryContent, 'seq'>,
): AuditEntry {
  const prevHash = prev?.hash ?? GENESIS_HASH;
  const full: AuditEntryContent = { ...content, seq: (prev?.seq ?? 0) + 1 };
  return { ...full, prevHash, hash: hashEntry(prevHash, full) };
}

export type ChainProblem = { seq: number; problem: 'hash-mismatch' | 'broken-link' | 'gap' };

/** Verifies entries in seq order; returns every problem found (empty = intact). */
export function verifyChain(entries: readonly AuditEntry[]): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let prev: AuditEntry | undefined;
  for (const e of entries) {
    const expectedSeq = (prev?.seq ?? 0) + 1;
    if (e.seq !== expectedSeq) problems.push({ seq: e.seq, problem: 'gap' });
    if (e.prevHash !== (prev?.hash ?? GENESIS_HASH)) problems.push({ seq: e.seq, problem: 'broken-link' });
    const { prevHash, hash, ...content } = e;
    if (hashEntry(prevHash, content) !== hash) problems.push({ seq: e.seq, problem: 'hash-mismatch' });
    prev = e;
  }
  return problems;
}
