import type { Store } from '../index.js';

/**
 * Scale-out runs and their partial results. A partial is keyed by (run, shard, attempt) and
 * written once: a shard that ran twice (a killed worker, a stalled job) leaves two rows, and the
 * submitter takes one per shard (queue/merge.ts), so nothing is counted twice.
 */
export interface QueueRunRecord {
  id: string;
  kind: string;
  shards: number;
  spec: unknown;
}

export async function createQueueRun(store: Store, run: QueueRunRecord, now: Date): Promise<void> {
  await store.db
    .insertInto('queue_runs')
    .values({
      id: run.id,
      kind: run.kind,
      created_at: now.toISOString(),
      shards: run.shards,
      spec_json: JSON.stringify(run.spec),
      status: 'running',
      report_json: null,
    })
    .execute();
}

export async function queueRunById(store: Store, id: string) {
  const row = await store.db.selectFrom('queue_runs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    kind: row.kind,
    shards: Number(row.shards),
    spec: JSON.parse(row.spec_json) as unknown,
    status: row.status,
    report: row.report_json === null ? undefined : (JSON.parse(row.report_json) as unknown),
  };
}

/** The newest run of `kind` whose id starts with `idPrefix` (a red-team run's latest submission). */
export async function latestQueueRun(store: Store, kind: string, idPrefix: string) {
  // LIKE only narrows (its "_" matches any character, and escapes differ by driver); startsWith decides
  const rows = await store.db
    .selectFrom('queue_runs')
    .select(['id', 'created_at'])
    .where('kind', '=', kind)
    .where('id', 'like', `${idPrefix}%`)
    .execute();
  const id = rows
    .filter((r) => r.id.startsWith(idPrefix))
    .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id))[0]?.id;
  return id === undefined ? undefined : queueRunById(store, id);
}

export async function finishQueueRun(store: Store, id: string, status: 'done' | 'failed', report?: unknown) {
  await store.db
    .updateTable('queue_runs')
    .set({ status, report_json: report === undefined ? null : JSON.stringify(report) })
    .where('id', '=', id)
    .execute();
}

export interface PartialRecord {
  run: string;
  shard: number;
  attempt: number;
  bytes: number;
  worker: string;
  result: unknown;
}

/** Records a shard's result; writing the same (run, shard, attempt) again changes nothing. */
export async function savePartial(store: Store, p: PartialRecord, now: Date): Promise<void> {
  await store.db
    .insertInto('queue_partials')
    .values({
      run: p.run,
      shard: p.shard,
      attempt: p.attempt,
      bytes: p.bytes,
      worker: p.worker,
      created_at: now.toISOString(),
      result_json: JSON.stringify(p.result),
    })
    .onConflict((oc) => oc.columns(['run', 'shard', 'attempt']).doNothing())
    .execute();
}

/** Done shards of a run (one row per shard and attempt), without their results: for progress. */
export async function partialProgress(store: Store, run: string) {
  const rows = await store.db
    .selectFrom('queue_partials')
    .select(['shard', 'attempt', 'bytes'])
    .where('run', '=', run)
    .execute();
  return rows.map((r) => ({ shard: Number(r.shard), attempt: Number(r.attempt), bytes: Number(r.bytes) }));
}

/** The results of given (shard, attempt) pairs, streamed in shard order by the caller. */
export async function partialResult(store: Store, run: string, shard: number, attempt: number) {
  const row = await store.db
    .selectFrom('queue_partials')
    .select('result_json')
    .where('run', '=', run)
    .where('shard', '=', shard)
    .where('attempt', '=', attempt)
    .executeTakeFirst();
  return row ? (JSON.parse(row.result_json) as unknown) : undefined;
}

export interface FailureRecord {
  run: string;
  shard: number;
  attempt: number;
  code: string;
  message: string;
  final: boolean;
}

export async function saveFailure(store: Store, f: FailureRecord, now: Date): Promise<void> {
  await store.db
    .insertInto('queue_failures')
    .values({
      run: f.run,
      shard: f.shard,
      attempt: f.attempt,
      code: f.code,
      message: f.message,
      final: f.final ? 1 : 0,
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.columns(['run', 'shard', 'attempt']).doNothing())
    .execute();
}

/** Shards that failed for good (bad input, or out of attempts). */
export async function finalFailures(store: Store, run: string) {
  const rows = await store.db
    .selectFrom('queue_failures')
    .select(['shard', 'attempt', 'code', 'message'])
    .where('run', '=', run)
    .where('final', '=', 1)
    .orderBy('shard')
    .execute();
  return rows.map((r) => ({
    shard: Number(r.shard),
    attempt: Number(r.attempt),
    code: r.code,
    message: r.message,
  }));
}
