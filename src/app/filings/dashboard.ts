import type { Kb } from '../../kb/index.js';
import * as repo from '../../store/filings/index.js';
import type { Store } from '../../store/index.js';
import { deadlinesFor, isoDay } from './filings.js';

/**
 * The filing use cases the dashboard calls: each takes the store and plain values, so the routes
 * never see a query. The CLI calls the same store-backed functions through app/filings/index.ts.
 */
export async function overview(store: Store, kb: Kb, now: Date) {
  const [services, filings, evidence] = await Promise.all([
    repo.listServices(store.db),
    repo.listFilings(store.db),
    repo.countEvidenceByFiling(store.db),
  ]);
  return {
    services,
    filings,
    due: deadlinesFor(filings, kb, isoDay(now)),
    /** evidence files per filing id (absent = none) */
    evidence: Object.fromEntries(evidence),
  };
}

/** One service (active or ended) with its filings and their transitions; undefined if unknown. */
export async function serviceDetail(store: Store, kb: Kb, id: string, now: Date) {
  const service = (await repo.listServices(store.db, { includeInactive: true })).find((s) => s.id === id);
  if (!service) return undefined;
  const filings = await repo.listFilings(store.db, { service: id });
  const withTs = await Promise.all(
    filings.map(async (f) => ({ filing: f, transitions: await repo.listTransitions(store.db, f.id) })),
  );
  return { service, filings: withTs, due: deadlinesFor(filings, kb, isoDay(now)) };
}

export async function filingDetail(store: Store, id: string) {
  const filing = await repo.getFiling(store.db, id);
  const [transitions, evidence] = await Promise.all([
    repo.listTransitions(store.db, id),
    repo.listEvidence(store.db, id),
  ]);
  return { filing, transitions, evidence };
}

/** Moves a filing from form or JSON fields (strings trimmed, blanks dropped); returns both states. */
export async function moveFiling(store: Store, kb: Kb, id: string, body: Record<string, unknown>, now: Date) {
  const str = (k: string) =>
    typeof body[k] === 'string' && (body[k] as string).trim() !== '' ? (body[k] as string).trim() : undefined;
  const before = await repo.getFiling(store.db, id);
  const version = str('version');
  const after = await repo.transitionFiling(store.db, kb, {
    filingId: id,
    to: str('to') ?? '',
    actor: str('by') ?? '',
    reason: str('reason'),
    filingNumber: str('number'),
    evidence: Array.isArray(body.evidence) ? (body.evidence as string[]) : undefined,
    expectedVersion: version === undefined ? undefined : Number(version),
    now: now.toISOString(),
  });
  return { before, after };
}

export const uploadEvidence = (store: Store, input: Omit<Parameters<typeof repo.attachEvidence>[1], never>) =>
  repo.attachEvidence(store.db, input);

export const downloadEvidence = (store: Store, sha: string) => repo.readEvidence(store.db, sha);

/** The newest 500 audit entries (newest first), the chain's problems and the total. */
export async function auditTrail(store: Store) {
  const v = await repo.verifyAudit(store.db);
  const total = await repo.countAudit(store.db);
  const entries = await repo.readAudit(store.db, { limit: 500, offset: Math.max(0, total - 500) });
  return { entries: entries.reverse(), problems: v.problems, total };
}

export const verifyTrail = (store: Store) => repo.verifyAudit(store.db);
