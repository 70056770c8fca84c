import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { type JobEnvelope, jobId } from '../jobs.js';

/** Queue name and key prefix shared by submitters and workers (`--prefix` isolates test runs). */
export interface QueueNames {
  name: string;
  prefix: string;
}
export const DEFAULT_QUEUE: QueueNames = { name: 'beian', prefix: 'beian' };

export interface EnqueueOptions {
  /** tries per shard before it is reported failed (a poisoned shard is never retried forever) */
  attempts: number;
}

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
}

/** The submitting side: adds a run's shards (idempotently: job ids are stable) and reads their state. */
export class RunQueue {
  readonly queue: Queue;
  constructor(redis: Redis, names: QueueNames = DEFAULT_QUEUE) {
    this.queue = new Queue(names.name, { connection: redis, prefix: names.prefix });
  }

  async enqueue(jobs: readonly JobEnvelope[], options: EnqueueOptions): Promise<void> {
    const batch = 500;
    for (let i = 0; i < jobs.length; i += batch)
      await this.queue.addBulk(
        jobs.slice(i, i + batch).map((j) => ({
          name: j.kind,
          data: j,
          opts: {
            jobId: jobId(j.run, j.shard),
            attempts: options.attempts,
            backoff: { type: 'exponential', delay: 500 },
            removeOnComplete: { age: 24 * 3600 },
            removeOnFail: { age: 7 * 24 * 3600 },
          },
        })),
      );
  }

  /** Failed jobs of a run with their last error (the worker records the details in the store too). */
  async failed(run: string): Promise<Array<{ shard: number; reason: string; attempts: number }>> {
    const out: Array<{ shard: number; reason: string; attempts: number }> = [];
    for (const j of await this.queue.getFailed(0, 10_000)) {
      const data = j.data as JobEnvelope | undefined;
      if (data?.run === run)
        out.push({ shard: data.shard, reason: j.failedReason, attempts: j.attemptsMade });
    }
    return out;
  }

  async counts(): Promise<QueueCounts> {
    const c = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
    return {
      waiting: c.waiting ?? 0,
      active: c.active ?? 0,
      delayed: c.delayed ?? 0,
      completed: c.completed ?? 0,
      failed: c.failed ?? 0,
    };
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
