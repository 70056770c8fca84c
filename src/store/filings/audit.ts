import type { Kysely, Transaction } from 'kysely';
import { type AuditEntry, chainEntry, verifyChain } from '../../filings/audit-chain.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

function toEntry(r: Database['audit_log']): AuditEntry {
  return {
    seq: Number(r.seq),
    at: r.at,
    actor: r.actor,
    action: r.action,
    subject: r.subject,
    details: JSON.parse(r.details_json) as Record<string, unknown>,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export interface AuditInput {
  at: string;
  actor: string;
  action: string;
  subject: string;
  details: Record<string, unknown>;
}

/**
 * Appends one entry chained to the last. Call inside the transaction that makes the change, so the
 * change and its record commit together. Two concurrent writers cannot fork the chain: `seq` is the
 * primary key, so the second insert of the same seq fails and its transaction rolls back.
 */
export async function appendAudit(db: Db, input: AuditInput): Promise<AuditEntry> {
  const last = await db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const entry = chainEntry(last ? toEntry(last) : undefined, input);
  await db
    .insertInto('audit_log')
    .values({
      seq: entry.seq,
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      subject: entry.subject,
      details_json: JSON.stringify(entry.details),
      prev_hash: entry.prevHash,
      hash: entry.hash,
    })
    .execute();
  return entry;
}

export async function readAudit(
  db: Db,
  opts: { subject?: string; limit?: number; offset?: number } = {},
): Promise<AuditEntry[]> {
  let q = db.selectFrom('audit_log').selectAll();
  if (opts.subject) q = q.where('subject', '=', opts.subject);
  q = q.orderBy('seq', 'asc');
  if (opts.limit !== undefined) q = q.limit(opts.limit).offset(opts.offset ?? 0);
  return (await q.execute()).map(toEntry);
}

export async function countAudit(db: Db): Promise<number> {
  const r = await db
    .selectFrom('audit_log')
    .select((e) => e.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Re-hashes the whole chain from the database. */
export async function verifyAudit(db: Db) {
  const entries = await readAudit(db);
  return { entries: entries.length, problems: verifyChain(entries), head: entries.at(-1)?.hash ?? null };
}

/**
 * Runs `fn` in a transaction, retrying when a concurrent writer took the same audit seq. With N
 * writers racing, one wins each round, so the last may lose N − 1 times: retry often enough for a
 * busy team, with a short random pause so the racers spread out instead of colliding again.
 */
const AUDIT_RETRIES = 32;

export async function withAuditRetry<T>(
  db: Kysely<Database>,
  fn: (trx: Transaction<Database>) => Promise<T>,
) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction().execute(fn);
    } catch (e) {
      const msg = String((e as Error).message);
      const conflict = /UNIQUE constraint failed: audit_log|duplicate key value.*audit_log/i.test(msg);
      if (!conflict || attempt >= AUDIT_RETRIES) throw e;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 + attempt * 5)));
    }
  }
}
