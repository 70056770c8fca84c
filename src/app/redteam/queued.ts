import { BeianError, type Issue } from '../../errors.js';
import type { JobEnvelope } from '../../queue/jobs.js';
import { batchOptions, REDTEAM_BATCH, type RedteamBatchPayload, splitBatches } from './batch-job.js';
import { okKeys, runCounts, storedOutcome } from './progress.js';
import { finishRun, openQueuedRun, type RunDeps, type RunOptions, type RunOutcome } from './run.js';

/** Batches of one queued run by state. */
export interface JobCounts {
  waiting: number;
  active: number;
  completed: number;
  failed: number;
}

/** One enqueued batch as the queue reports it. */
export type BatchState =
  | { shard: number; state: 'waiting' | 'active' | 'completed' }
  | { shard: number; state: 'failed'; reason: string };

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
  const options = batchOptions(opts);
  const jobs: JobEnvelope[] = batches.map((b, shard) => {
    const payload: RedteamBatchPayload = {
      runId: run.runId,
      sharedLimits: o.sharedLimits ?? true,
      options,
      items: b,
    };
    return { run: queueRun, shard, kind: REDTEAM_BATCH, payload };
  });
  // the bookkeeping first: a submitter killed between the two writes leaves a run to attach to
  await deps.queue.saveMeta(run.runId, {
    queueRun,
    batches: jobs.length,
    pending: run.pending,
    okBefore: run.total - run.pending,
    resumed: run.resumed,
    issues: run.issues,
  });
  if (jobs.length) await deps.queue.enqueue(jobs, o.attempts ?? 3);
  return { runId: run.runId, resumed: run.resumed, batches: jobs.length, pending: run.pending };
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
  const jobs = { waiting: 0, active: 0, completed: 0, failed: 0 };
  for (const s of states) jobs[s.state] += 1;
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
  const meta = await deps.queue.loadMeta(runId);
  if (!meta) throw BeianError.of('NOT_FOUND', 'redteam.queue.attachUnknown', { runId });
  const pollMs = deps.pollMs ?? 500;
  for (;;) {
    const states = await deps.queue.states(meta.queueRun, meta.batches);
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
      return { ...outcome, failedBatches };
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** Job counts of one run for the dashboard; undefined when the queue holds none of its batches. */
export async function runJobCounts(queue: RedteamQueuePort, runId: string): Promise<JobCounts | undefined> {
  const meta = await queue.loadMeta(runId);
  return meta ? tally(await queue.states(meta.queueRun, meta.batches)) : undefined;
}
