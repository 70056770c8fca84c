import type { Redis } from 'ioredis';
import type { BatchState, QueuedRunMeta, RedteamQueuePort } from '../../app/redteam/queued.js';
import { BeianError } from '../../errors.js';
import { jobId } from '../jobs.js';
import { DEFAULT_QUEUE, type QueueNames, type RunQueue } from './queue.js';

/** a queued run's bookkeeping stays a week (as BullMQ keeps failed jobs) */
const KEEP_SECONDS = 7 * 24 * 3600;

/** The queued red-team run's port over BullMQ: jobs by stable id, the run's record in Redis. */
export function redteamQueuePort(redis: Redis, queue: RunQueue, names: QueueNames): RedteamQueuePort {
  const metaKey = (runId: string) => `${names.prefix}:redteam-run:${runId}`;
  return {
    enqueue: (jobs, attempts) => queue.enqueue(jobs, { attempts }),
    async states(queueRun, batches) {
      return Promise.all(
        Array.from({ length: batches }, async (_, shard): Promise<BatchState> => {
          const job = await queue.queue.getJob(jobId(queueRun, shard));
          // removed (its age passed, by hand, or a Redis that lost its data): the use case asks the store
          if (!job) return { shard, state: 'missing' };
          const state = await job.getState();
          if (state === 'completed') return { shard, state };
          if (state === 'failed') return { shard, state, reason: job.failedReason ?? 'failed' };
          // delayed (a retry's back-off), prioritized, waiting-children: still to run
          return { shard, state: state === 'active' ? 'active' : 'waiting' };
        }),
      );
    },
    async saveMeta(runId, meta) {
      await redis.set(metaKey(runId), JSON.stringify(meta), 'EX', KEEP_SECONDS);
    },
    async loadMeta(runId) {
      const raw = await redis.get(metaKey(runId));
      return raw ? (JSON.parse(raw) as QueuedRunMeta) : undefined;
    },
  };
}

/**
 * The Redis URL and the queue names of `--queue URL [--queue-prefix NAME]` (as `beian worker` takes
 * them). The prefix namespaces every key beian and BullMQ write, so teams and test runs can share
 * one Redis.
 */
export function queueAddress(url: string, prefix = DEFAULT_QUEUE.prefix): { url: string; names: QueueNames } {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(prefix))
    throw BeianError.of('USAGE', 'redteam.queue.badPrefix', { prefix });
  return { url, names: { name: DEFAULT_QUEUE.name, prefix } };
}
