import type SQLite from 'better-sqlite3';
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import { wellFormedRow } from '../../util/well-formed.js';
import { type AuditInput, appendAudit, withAuditRetry } from '../filings/audit.js';
import type { Database } from '../schema.js';
import type { RedteamTables } from '../tables/redteam.js';

export type ResultRow = Insertable<RedteamTables['redteam_results']>;
export type StoredResult = Selectable<RedteamTables['redteam_results']>;
export type RunRow = Selectable<RedteamTables['redteam_runs']>;
export type OverrideRow = Selectable<RedteamTables['redteam_overrides']>;

const CHUNK = 400;

type CacheRow = Insertable<RedteamTables['redteam_cache']>;

/** Every column of a result row, in table order (the prepared insert binds them by name). */
const RESULT_COLUMNS = [
  'run_id',
  'case_key',
  'target_id',
  'item_id',
  'parent_id',
  'variant',
  'kind',
  'category',
  'prompt',
  'messages_json',
  'answer',
  'status',
  'error',
  'attempts',
  'latency_ms',
  'cached',
  'verdict',
  'reason',
  'judge',
  'created_at',
] as const satisfies readonly (keyof ResultRow)[];
/** What a new try of a case replaces in its earlier row (an error retried, a resumed batch). */
const RESULT_UPDATED = [
  'answer',
  'status',
  'error',
  'attempts',
  'latency_ms',
  'cached',
  'verdict',
  'reason',
  'judge',
  'messages_json',
  'created_at',
] as const satisfies readonly (typeof RESULT_COLUMNS)[number][];
const CACHE_COLUMNS = [
  'key',
  'target_id',
  'model',
  'answer',
  'created_at',
] as const satisfies readonly (keyof CacheRow)[];

/** A row as named parameters for a prepared statement: every column bound, absent ones as null. */
function bindable<C extends string>(row: object, columns: readonly C[]): Record<C, unknown> {
  const r = wellFormedRow(row) as Record<string, unknown>;
  const out = {} as Record<C, unknown>;
  for (const c of columns) out[c] = r[c] ?? null;
  return out;
}

/**
 * `saveBatch` on SQLite as two statements prepared once per repository: the same upsert as the
 * Kysely path below, at a quarter of its CPU (a run writes one transaction per burst of answers).
 */
function sqliteBatchWriter(raw: SQLite.Database) {
  const insertResult = raw.prepare(
    `insert into redteam_results (${RESULT_COLUMNS.join(', ')}) values (${RESULT_COLUMNS.map((c) => `@${c}`).join(', ')})
     on conflict (run_id, case_key) do update set ${RESULT_UPDATED.map((c) => `${c} = excluded.${c}`).join(', ')}`,
  );
  const insertCache = raw.prepare(
    `insert into redteam_cache (${CACHE_COLUMNS.join(', ')}) values (${CACHE_COLUMNS.map((c) => `@${c}`).join(', ')})
     on conflict (key) do nothing`,
  );
  // BEGIN IMMEDIATE, as every other write transaction of the SQLite store (see sqlite.ts)
  return raw.transaction((rows: readonly ResultRow[], cache: readonly CacheRow[]) => {
    for (const r of rows) insertResult.run(bindable(r, RESULT_COLUMNS));
    for (const c of cache) insertCache.run(bindable(c, CACHE_COLUMNS));
  }).immediate;
}

/** All queries of the red-team feature, written once against Kysely (SQLite and PostgreSQL). */
export function redteamRepo(store: {
  readonly db: Kysely<Database> | Transaction<Database>;
  readonly sqlite?: SQLite.Database;
}) {
  const { db } = store;
  let sqliteWrite: ReturnType<typeof sqliteBatchWriter> | undefined;
  return {
    latestRunByFingerprint: (fingerprint: string) =>
      db
        .selectFrom('redteam_runs')
        .selectAll()
        .where('fingerprint', '=', fingerprint)
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst(),

    getRun: (id: string) => db.selectFrom('redteam_runs').selectAll().where('id', '=', id).executeTakeFirst(),

    latestRun: () =>
      db.selectFrom('redteam_runs').selectAll().orderBy('created_at', 'desc').limit(1).executeTakeFirst(),

    listRuns: () => db.selectFrom('redteam_runs').selectAll().orderBy('created_at', 'desc').execute(),

    createRun: (run: Insertable<RedteamTables['redteam_runs']>) =>
      db.insertInto('redteam_runs').values(run).execute(),

    saveSummary: (id: string, summaryJson: string) =>
      db.updateTable('redteam_runs').set({ summary_json: summaryJson }).where('id', '=', id).execute(),

    setRunStatus: (id: string, status: string, at: string) =>
      db.updateTable('redteam_runs').set({ status, updated_at: at }).where('id', '=', id).execute(),

    /** case keys already answered successfully (errors are retried on resume) */
    async okKeys(runId: string): Promise<Set<string>> {
      const rows = await db
        .selectFrom('redteam_results')
        .select('case_key')
        .where('run_id', '=', runId)
        .where('status', '=', 'ok')
        .execute();
      return new Set(rows.map((r) => r.case_key));
    },

    async cacheLookup(keys: readonly string[]): Promise<Map<string, string>> {
      const out = new Map<string, string>();
      for (let i = 0; i < keys.length; i += CHUNK) {
        const rows = await db
          .selectFrom('redteam_cache')
          .select(['key', 'answer'])
          .where('key', 'in', keys.slice(i, i + CHUNK))
          .execute();
        for (const r of rows) out.set(r.key, r.answer);
      }
      return out;
    },

    /**
     * Writes a batch of results (and new cache entries) in one transaction. The (run, case) primary
     * key makes a case impossible to record twice; an earlier error row is replaced by the new try.
     */
    async saveBatch(rows: readonly ResultRow[], cache: readonly CacheRow[]): Promise<void> {
      // better-sqlite3 runs the whole transaction synchronously, so nothing interleaves with it;
      // only while a Kysely transaction is open on the same connection (its statements awaited
      // one by one) does this wait its turn on Kysely's path instead
      if (store.sqlite && !store.sqlite.inTransaction) {
        sqliteWrite ??= sqliteBatchWriter(store.sqlite);
        sqliteWrite(rows, cache);
        return;
      }
      await db.transaction().execute(async (tx) => {
        for (let i = 0; i < rows.length; i += 50) {
          await tx
            .insertInto('redteam_results')
            .values(rows.slice(i, i + 50).map(wellFormedRow))
            .onConflict((oc) =>
              oc
                .columns(['run_id', 'case_key'])
                .doUpdateSet((eb) =>
                  Object.fromEntries(RESULT_UPDATED.map((c) => [c, eb.ref(`excluded.${c}`)])),
                ),
            )
            .execute();
        }
        for (let i = 0; i < cache.length; i += 100)
          await tx
            .insertInto('redteam_cache')
            .values(cache.slice(i, i + 100).map(wellFormedRow))
            .onConflict((oc) => oc.column('key').doNothing())
            .execute();
      });
    },

    results: (runId: string) =>
      db
        .selectFrom('redteam_results')
        .selectAll()
        .where('run_id', '=', runId)
        .orderBy('kind')
        .orderBy('category')
        .orderBy('item_id')
        .execute(),

    /**
     * One page of a run's results, filtered by machine verdict and/or category (risk or aspect),
     * in a stable order, with the number of matching rows: the dashboard never loads a whole run.
     */
    async resultsPage(
      runId: string,
      f: { verdict?: string; category?: string; kind?: string; offset: number; limit: number },
    ): Promise<{ rows: StoredResult[]; total: number }> {
      let q = db.selectFrom('redteam_results').where('run_id', '=', runId);
      if (f.verdict) q = q.where('verdict', '=', f.verdict);
      if (f.category) q = q.where('category', '=', f.category);
      if (f.kind) q = q.where('kind', '=', f.kind);
      const [rows, count] = await Promise.all([
        q
          .selectAll()
          .orderBy('kind')
          .orderBy('category')
          .orderBy('item_id')
          .orderBy('case_key')
          .offset(Math.max(0, f.offset))
          .limit(Math.min(500, Math.max(1, f.limit)))
          .execute(),
        q.select(db.fn.countAll<number>().as('n')).executeTakeFirst(),
      ]);
      return { rows, total: Number(count?.n ?? 0) };
    },

    /** Result counts by bank, category and machine verdict (a run's summary without loading its rows). */
    verdictCounts: (runId: string) =>
      db
        .selectFrom('redteam_results')
        .select(['kind', 'category', 'verdict', db.fn.countAll<number>().as('n')])
        .where('run_id', '=', runId)
        .groupBy(['kind', 'category', 'verdict'])
        .execute(),

    /** kind, category and machine verdict of the given cases (the overridden ones, for a summary). */
    async casesByKeys(
      runId: string,
      keys: readonly string[],
    ): Promise<{ case_key: string; kind: string; category: string; verdict: string }[]> {
      const out: { case_key: string; kind: string; category: string; verdict: string }[] = [];
      for (let i = 0; i < keys.length; i += CHUNK)
        out.push(
          ...(await db
            .selectFrom('redteam_results')
            .select(['case_key', 'kind', 'category', 'verdict'])
            .where('run_id', '=', runId)
            .where('case_key', 'in', keys.slice(i, i + CHUNK))
            .execute()),
        );
      return out;
    },

    /** The verdicts and categories present in a run, with counts (the dashboard's filter choices). */
    async facets(
      runId: string,
    ): Promise<{ verdicts: Record<string, number>; categories: Record<string, number> }> {
      const v = await db
        .selectFrom('redteam_results')
        .select(['verdict', db.fn.countAll<number>().as('n')])
        .where('run_id', '=', runId)
        .groupBy('verdict')
        .execute();
      const c = await db
        .selectFrom('redteam_results')
        .select(['category', db.fn.countAll<number>().as('n')])
        .where('run_id', '=', runId)
        .groupBy('category')
        .execute();
      return {
        verdicts: Object.fromEntries(v.map((r) => [r.verdict, Number(r.n)])),
        categories: Object.fromEntries(c.map((r) => [r.category, Number(r.n)])),
      };
    },

    async counts(runId: string): Promise<{ ok: number; error: number }> {
      const rows = await db
        .selectFrom('redteam_results')
        .select(['status', db.fn.countAll<number>().as('n')])
        .where('run_id', '=', runId)
        .groupBy('status')
        .execute();
      const get = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
      return { ok: get('ok'), error: get('error') };
    },

    overrides: (runId: string) =>
      db
        .selectFrom('redteam_overrides')
        .selectAll()
        .where('run_id', '=', runId)
        .orderBy('created_at')
        .execute(),

    addOverride: (row: Insertable<RedteamTables['redteam_overrides']>) =>
      db.insertInto('redteam_overrides').values(row).execute(),

    /** The override and its audit-log entry commit together or not at all. */
    addOverrideAudited: (row: Insertable<RedteamTables['redteam_overrides']>, audit: AuditInput) =>
      withAuditRetry(db as Kysely<Database>, async (trx) => {
        await trx.insertInto('redteam_overrides').values(row).execute();
        await appendAudit(trx, audit);
      }),

    caseExists: (runId: string, caseKey: string) =>
      db
        .selectFrom('redteam_results')
        .select(['case_key', 'kind', 'verdict'])
        .where('run_id', '=', runId)
        .where('case_key', '=', caseKey)
        .executeTakeFirst(),
  };
}
export type RedteamRepo = ReturnType<typeof redteamRepo>;
