import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { runCounts, storedOutcome } from '../app/redteam/progress.js';
import {
  finishRun,
  openQueuedRun,
  type RunDeps,
  type RunOptions,
  type RunOutcome,
} from '../app/redteam/run.js';
import { BeianError, type Issue } from '../errors.js';
import { batchOptions, REDTEAM_BATCH, type RedteamBatchPayload, splitBatches } from './redteam-batch.js';

export interface QueuedRunDeps extends Omit<RunDeps, 'gateFor'> {
  queue: Queue;
  redis: Redis;
  prefix: string;
  /** between looks at the jobs while following */
  pollMs?: number;
}

/** What the submitter leaves in Redis so `--attach RUN` can follow the run from any machine. */
interface RunMeta {
  jobs: string[];
  pending: number;
  /** answered cases when it was submitted: what the workers answered is counted from there */
  okBefore: number;
  resumed: boolean;
  issues: Issue[];
}

const metaKey = (prefix: string, runId: string) => `${prefix}:redteam-run:${runId}`;
/** a finished run's bookkeeping stays for a week (BullMQ keeps the jobs as long) */
const KEEP_SECONDS = 7 * 24 * 3600;

export interface Submitted {
  runId: string;
  resumed: boolean;
  batches: number;
  pending: number;
}

/**
 * Plans and opens the run exactly as a local run (so it resumes by the same fingerprint), then
 * enqueues the items that still have a case to run, in batches. Job ids carry the submission, so a
 * resubmission (a resume) enqueues afresh while the old jobs are still kept.
 */
export async function submitQueuedRun(
  opts: RunOptions,
  deps: QueuedRunDeps,
  o: { batchSize: number; sharedLimits?: boolean; attempts?: number },
): Promise<Submitted> {
  const run = await openQueuedRun(opts, deps);
  const done = await okItems(deps, run.runId, opts.targets.length);
  const items = run.items.filter((i) => !done.has(i.id));
  const batches = splitBatches(items, o.batchSize);
  const submission = Date.now().toString(36);
  const options = batchOptions(opts);
  const jobs = batches.map((b, i) => {
    const data: RedteamBatchPayload = {
      runId: run.runId,
      batch: i,
      sharedLimits: o.sharedLimits ?? true,
      options,
      items: b,
    };
    return {
      name: REDTEAM_BATCH,
      data,
      opts: {
        // BullMQ forbids ':' in custom ids
        jobId: `${run.runId}.${submission}.${i}`,
        attempts: o.attempts ?? 3,
        backoff: { type: 'exponential', delay: 2_000 },
        removeOnComplete: { age: KEEP_SECONDS },
        removeOnFail: { age: KEEP_SECONDS },
      },
    };
  });
  const meta: RunMeta = {
    jobs: jobs.map((j) => j.opts.jobId),
    pending: run.pending,
    okBefore: run.total - run.pending,
    resumed: run.resumed,
    issues: run.issues,
  };
  // the bookkeeping first: a submitter killed between the two writes leaves a run to attach to
  await deps.redis.set(metaKey(deps.prefix, run.runId), JSON.stringify(meta), 'EX', KEEP_SECONDS);
  if (jobs.length) await deps.queue.addBulk(jobs);
  return { runId: run.runId, resumed: run.resumed, batches: jobs.length, pending: run.pending };
}

/** Items whose every target already answered: nothing of theirs needs enqueueing. */
async function okItems(deps: QueuedRunDeps, runId: string, targets: number): Promise<Set<string>> {
  const { okKeys } = await import('../app/redteam/progress.js');
  const perItem = new Map<string, number>();
  for (const key of await okKeys(deps.store, runId)) {
    const item = key.slice(key.indexOf('|') + 1);
    perItem.set(item, (perItem.get(item) ?? 0) + 1);
  }
  return new Set([...perItem].filter(([, n]) => n >= targets).map(([id]) => id));
}

export interface QueueProgress {
  done: number;
  total: number;
  errors: number;
  jobs: { waiting: number; active: number; completed: number; failed: number };
}

export interface FollowedRun extends RunOutcome {
  /** batches that failed for good (attempts exhausted or a poisoned payload) */
  failedBatches: { id: string; reason: string }[];
}

/**
 * Waits until every batch of the run is completed or failed for good, then closes the run like a
 * local one: the same stored summary, the same JSON. Works after the submitter died (`--attach`).
 */
export async function followQueuedRun(
  runId: string,
  deps: QueuedRunDeps,
  onProgress?: (p: QueueProgress) => void,
): Promise<FollowedRun> {
  const raw = await deps.redis.get(metaKey(deps.prefix, runId));
  if (!raw) throw BeianError.of('NOT_FOUND', 'redteam.queue.attachUnknown', { runId });
  const meta = JSON.parse(raw) as RunMeta;
  const pollMs = deps.pollMs ?? 500;
  for (;;) {
    const states = await Promise.all(meta.jobs.map((id) => jobState(deps.queue, id)));
    const jobs = { waiting: 0, active: 0, completed: 0, failed: 0 };
    for (const s of states) jobs[s.state] += 1;
    const counts = await runCounts(deps.store, runId);
    onProgress?.({ done: counts.ok, total: counts.total, errors: counts.error, jobs });
    if (jobs.waiting === 0 && jobs.active === 0) {
      const failedBatches = states.flatMap((s) =>
        s.state === 'failed' ? [{ id: s.id, reason: s.reason }] : [],
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

type JobState =
  | { id: string; state: 'waiting' | 'active' | 'completed'; reason?: undefined }
  | { id: string; state: 'failed'; reason: string };

async function jobState(queue: Queue, id: string): Promise<JobState> {
  const job = await queue.getJob(id);
  // removed (its age passed, or by hand): nothing to wait for, nothing to add
  if (!job) return { id, state: 'failed', reason: 'job no longer on the queue' };
  const state = await job.getState();
  if (state === 'completed') return { id, state };
  if (state === 'failed') return { id, state, reason: job.failedReason ?? 'failed' };
  return { id, state: state === 'active' ? 'active' : 'waiting' };
}

/** Job counts of one run for the dashboard: waiting (incl. delayed retries), active, completed, failed. */
export async function runJobCounts(
  deps: Pick<QueuedRunDeps, 'queue' | 'redis' | 'prefix'>,
  runId: string,
): Promise<QueueProgress['jobs'] | undefined> {
  const raw = await deps.redis.get(metaKey(deps.prefix, runId));
  if (!raw) return undefined;
  const meta = JSON.parse(raw) as RunMeta;
  const jobs = { waiting: 0, active: 0, completed: 0, failed: 0 };
  for (const s of await Promise.all(meta.jobs.map((id) => jobState(deps.queue, id)))) jobs[s.state] += 1;
  return jobs;
}
