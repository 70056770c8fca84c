import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Store } from '../index.js';

/** One interception as stored: the user already hashed, the excerpt already masked. */
export interface InterceptionRecord {
  at: Date;
  direction: string;
  risk: string;
  keyword: string;
  keywordId: string;
  action: string;
  userHash: string | undefined;
  excerpt: string;
}

export async function saveInterceptions(store: Store, rows: readonly InterceptionRecord[]): Promise<void> {
  if (rows.length === 0) return;
  await store.db
    .insertInto('guard_interceptions')
    .values(
      rows.map((r) => ({
        id: randomUUID(),
        created_at: r.at.toISOString(),
        direction: r.direction,
        risk: r.risk,
        keyword: r.keyword,
        keyword_id: r.keywordId,
        action: r.action,
        user_hash: r.userHash ?? null,
        excerpt: r.excerpt,
      })),
    )
    .execute();
}

/** Deletes records older than `before`; returns how many went. */
export async function purgeInterceptions(store: Store, before: Date): Promise<number> {
  const r = await store.db
    .deleteFrom('guard_interceptions')
    .where('created_at', '<', before.toISOString())
    .executeTakeFirst();
  return Number(r.numDeletedRows ?? 0);
}

export interface InterceptionRow {
  at: string;
  direction: string;
  risk: string;
  keyword: string;
  keywordId: string;
  action: string;
  userHash: string | null;
  excerpt: string;
}

/** Records since `since`, newest first, at most `limit`. */
export async function listInterceptions(
  store: Store,
  since: Date,
  limit: number,
): Promise<InterceptionRow[]> {
  const rows = await store.db
    .selectFrom('guard_interceptions')
    .selectAll()
    .where('created_at', '>=', since.toISOString())
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    at: r.created_at,
    direction: r.direction,
    risk: r.risk,
    keyword: r.keyword,
    keywordId: r.keyword_id,
    action: r.action,
    userHash: r.user_hash,
    excerpt: r.excerpt,
  }));
}

/** Counts since `since` by (day, risk, direction, action), grouped in SQL: for the dashboard and the materials. */
export async function interceptionCounts(
  store: Store,
  since: Date,
): Promise<Array<{ day: string; risk: string; direction: string; action: string; n: number }>> {
  const day = sql<string>`substr(created_at, 1, 10)`;
  const rows = await store.db
    .selectFrom('guard_interceptions')
    .select([day.as('day'), 'risk', 'direction', 'action', (eb) => eb.fn.countAll<number>().as('n')])
    .where('created_at', '>=', since.toISOString())
    .groupBy([day, 'risk', 'direction', 'action'])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}
