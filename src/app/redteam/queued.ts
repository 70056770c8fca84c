import { BeianError, type Issue } from '../../errors.js';
import type { JobEnvelope } from '../../queue/jobs.js';
import {
  createQueueRun,
  finalFailures,
  finishQueueRun,
  latestQueueRun,
  partialProgress,
} from '../../store/repos/queue.js';
import { batchOptions, REDTEAM_BATCH, type RedteamBatchPayload, splitBatches } from './batch-job.js';
import { okKeys, runCounts, storedOutcome } from './progress.js';
import { finishRun, openQueuedRun, type RunDeps, type RunOptions, type RunOutcome } from './run.js';

/**
 * Batches of one queued run by state. `lost`: jobs the queue no longer holds (a Redis restarted
 * without its data) that the store cannot account for either; the submitter, or `--attach`, puts
 * them back on the queue.
 */
export interface JobCounts {
  waiting: number;
  active: number;
  completed: number;
  failed: number;
  lost: number;
}

/** One enqueued batch as the queue reports it; `missing`: the queue no longer has its job. */
export type BatchState =
  | { shard: number; state: 'waiting' | 'active' | 'completed' | 'missing' }
  | { shard: number; state: 'failed'; reason: string };

/** A batch that the queue lost and the store cannot account for either. */
const LOST = 'job no longer on the queue';

/** What the submitter leaves beside the jobs so `--attach RUN` can follow from any machine. */
export interface QueuedRunMeta {
  /** the queue run the batches were enqueued under (one per submission) */
  queueRun: string;
  batches: number;
  pending: number;
  /** answered cases when it was submitted: what the workers answered is counted from there */
  okBefore: number;
  resumed: boolean;
  issues: Issue[];
}

/** The queue as a queued red-team run needs it; `beian` wires the BullMQ shell (queue/bullmq/). */
export interface RedteamQueuePort {
  enqueue(jobs: readonly JobEnvelope[], attempts: number): Promise<void>;
  states(queueRun: string, batches: number): Promise<BatchState[]>;
  saveMeta(runId: string, meta: QueuedRunMeta): Promise<void>;
  loadMeta(runId: string): Promise<QueuedRunMeta | undefined>;
}

export interface QueuedRunDeps extends Omit<RunDeps, 'gateFor'> {
  queue: RedteamQueuePort;
  /** between looks at the jobs while following */
  pollMs?: number;
  /** between re-enqueues of batches the queue lost (a Redis restarted without its data) */
  reenqueueMs?: number;
}

/**
 * What a submission keeps in the database beside its run (queue_runs, id = the queue run): the
 * bookkeeping and every batch's payload, so a Redis that lost its data gets the batches back and
 * `--attach` still finds the run. Keys are NAMES of environment variables, never keys.
 */
interface StoredSubmission {
  meta: QueuedRunMeta;
  attempts: number;
  sharedLimits: boolean;
  options: RedteamBatchPayload['options'];
  batches: RedteamBatchPayload['items'][];
}

export interface Submitted {
  runId: string;
  resumed: boolean;
  batches: number;
  pending: number;
}

/**
 * Plans and opens the run exactly as a local run (so it resumes by the same fingerprint), then
 * enqueues the items that still have a case to run, in batches. Each submission is its own queue
 * run (`<run>_<time>`), so a resubmission enqueues afresh while the earlier jobs are still kept.
 */
export async function submitQueuedRun(
  opts: RunOptions,
  deps: QueuedRunDeps,
  o: { batchSize: number; sharedLimits?: boolean; attempts?: number },
): Promise<Submitted> {
  const run = await openQueuedRun(opts, deps);
  const perItem = new Map<string, number>();
  for (const key of await okKeys(deps.store, run.runId)) {
    const item = key.slice(key.indexOf('|') + 1);
    perItem.set(item, (perItem.get(item) ?? 0) + 1);
  }
  const items = run.items.filter((i) => (perItem.get(i.id) ?? 0) < opts.targets.length);
  const batches = splitBatches(items, o.batchSize);
  const queueRun = `${run.runId}_${deps.now().getTime().toString(36)}`;
  const meta: QueuedRunMeta = {
    queueRun,
    batches: batches.length,
    pending: run.pending,
    okBefore: run.total - run.pending,
    resumed: run.resumed,
    issues: run.issues,
  };
  const submission: StoredSubmission = {
    meta,
    attempts: o.attempts ?? 3,
    sharedLimits: o.sharedLimits ?? true,
    options: batchOptions(opts) as RedteamBatchPayload['options'],
    batches,
  };
  // the bookkeeping first: a submitter killed between the writes leaves a run to attach to
  await createQueueRun(
    deps.store,
    { id: queueRun, kind: REDTEAM_BATCH, shards: batches.length, spec: submission },
    deps.now(),
  );
  await deps.queue.saveMeta(run.runId, meta);
  const jobs = batchJobs(run.runId, submission);
  if (jobs.length) await deps.queue.enqueue(jobs, submission.attempts);
  return { runId: run.runId, resumed: run.resumed, batches: jobs.length, pending: run.pending };
}

/** The jobs of a stored submission, or of the given shards of it. */
function batchJobs(runId: string, s: StoredSubmission, shards?: readonly number[]): JobEnvelope[] {
  return (shards ?? s.batches.map((_, i) => i)).map((shard) => {
    const payload: RedteamBatchPayload = {
      runId,
      sharedLimits: s.sharedLimits,
      options: s.options,
      items: s.batches[shard] as RedteamBatchPayload['items'],
    };
    return { run: s.meta.queueRun, shard, kind: REDTEAM_BATCH, payload };
  });
}

/** The latest submission of a run as the database keeps it (undefined for runs never queued). */
async function storedSubmission(
  deps: Pick<QueuedRunDeps, 'store'>,
  runId: string,
): Promise<StoredSubmission | undefined> {
  const row = await latestQueueRun(deps.store, REDTEAM_BATCH, `${runId}_`);
  return row ? (row.spec as StoredSubmission) : undefined;
}

/**
 * Accounts for batches the queue no longer has (a Redis restarted without persistence, or jobs
 * removed by age): a stored result means completed, a final failure means failed, and anything
 * else is still to run, so it is returned to be enqueued again (its job id is stable).
 */
async function settleMissing(
  deps: QueuedRunDeps,
  queueRun: string,
  states: readonly BatchState[],
  canRequeue: boolean,
): Promise<{ states: BatchState[]; requeue: number[] }> {
  if (!states.some((s) => s.state === 'missing')) return { states: [...states], requeue: [] };
  const requeue: number[] = [];
  const settled = (await storedFates(deps.store, queueRun, states)).map((s): BatchState => {
    if (s.state !== 'missing') return s;
    if (!canRequeue) return { shard: s.shard, state: 'failed', reason: LOST };
    requeue.push(s.shard);
    return { shard: s.shard, state: 'waiting' };
  });
  return { states: settled, requeue };
}

/** Missing batches the store knows the end of: a stored result is completed, a final failure failed. */
async function storedFates(
  store: QueuedRunDeps['store'],
  queueRun: string,
  states: readonly BatchState[],
): Promise<BatchState[]> {
  const done = new Set((await partialProgress(store, queueRun)).map((p) => p.shard));
  const failed = new Map((await finalFailures(store, queueRun)).map((f) => [f.shard, f.message]));
  return states.map((s): BatchState => {
    if (s.state !== 'missing') return s;
    if (done.has(s.shard)) return { shard: s.shard, state: 'completed' };
    const reason = failed.get(s.shard);
    return reason === undefined ? s : { shard: s.shard, state: 'failed', reason };
  });
}

export interface QueueProgress {
  done: number;
  total: number;
  errors: number;
  jobs: JobCounts;
}

export interface FollowedRun extends RunOutcome {
  /** batches that failed for good (attempts exhausted, or input that can never work) */
  failedBatches: { shard: number; reason: string }[];
}

const tally = (states: readonly BatchState[]): JobCounts => {
  const jobs = { waiting: 0, active: 0, completed: 0, failed: 0, lost: 0 };
  for (const s of states) jobs[s.state === 'missing' ? 'lost' : s.state] += 1;
  return jobs;
};

/**
 * Waits until every batch of the run is completed or failed for good, then closes the run like a
 * local one: the same stored summary, the same JSON. The outcome is read back from the stored
 * results, so it does not matter which worker ran what, and it works after the submitter died.
 */
export async function followQueuedRun(
  runId: string,
  deps: QueuedRunDeps,
  onProgress?: (p: QueueProgress) => void,
): Promise<FollowedRun> {
  let stored: StoredSubmission | undefined | null = null;
  const submission = async () => {
    if (stored === null) stored = await storedSubmission(deps, runId);
    return stored;
  };
  // Redis first (as any submitter writes it); the database when Redis lost it
  const meta = (await deps.queue.loadMeta(runId)) ?? (await submission())?.meta;
  if (!meta) throw BeianError.of('NOT_FOUND', 'redteam.queue.attachUnknown', { runId });
  const pollMs = deps.pollMs ?? 500;
  const reenqueueMs = deps.reenqueueMs ?? 2000;
  let lastEnqueue = 0;
  for (;;) {
    const raw = await deps.queue.states(meta.queueRun, meta.batches);
    // the payloads are read from the database only once the queue has lost something
    const sub = raw.some((s) => s.state === 'missing') ? await submission() : undefined;
    const { states, requeue } = await settleMissing(
      deps,
      meta.queueRun,
      raw,
      sub?.meta.queueRun === meta.queueRun,
    );
    if (sub && requeue.length && Date.now() - lastEnqueue >= reenqueueMs) {
      lastEnqueue = Date.now();
      // the run's record went with the jobs: put it back, so `--attach` finds the run from Redis
      if (!(await deps.queue.loadMeta(runId))) await deps.queue.saveMeta(runId, meta);
      await deps.queue.enqueue(batchJobs(runId, sub, requeue), sub.attempts);
    }
    const jobs = tally(states);
    const counts = await runCounts(deps.store, runId);
    onProgress?.({ done: counts.ok, total: counts.total, errors: counts.error, jobs });
    if (jobs.waiting === 0 && jobs.active === 0) {
      const failedBatches = states.flatMap((s) =>
        s.state === 'failed' ? [{ shard: s.shard, reason: s.reason }] : [],
      );
      const outcome = await finishRun(
        { runId, resumed: meta.resumed, issues: meta.issues },
        await storedOutcome(deps.store, runId, meta.okBefore),
        meta.pending,
        deps,
      );
      // the submission's row says how it ended (no row: submitted before the row existed)
      await finishQueueRun(deps.store, meta.queueRun, failedBatches.length ? 'failed' : 'done');
      return { ...outcome, failedBatches };
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/**
 * Job counts of one run for the dashboard; undefined for a run never queued. The store accounts for
 * what the queue lost (its results, its final failures, and the run's record itself), so a Redis
 * restarted without its data shows the run as it stands, with only the unaccounted batches `lost`.
 */
export async function runJobCounts(
  deps: Pick<QueuedRunDeps, 'queue' | 'store'>,
  runId: string,
): Promise<JobCounts | undefined> {
  const meta = (await deps.queue.loadMeta(runId)) ?? (await storedSubmission(deps, runId))?.meta;
  if (!meta) return undefined;
  const states = await deps.queue.states(meta.queueRun, meta.batches);
  if (!states.some((s) => s.state === 'missing')) return tally(states);
  return tally(await storedFates(deps.store, meta.queueRun, states));
}
