import { type Job, UnrecoverableError, WaitingError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { isBeianError } from '../../errors.js';
import { jobEnvelopeSchema } from '../jobs.js';
import { type JobRegistry, type ResultSink, resolveJob } from '../registry.js';
import { DEFAULT_QUEUE, type QueueNames } from './queue.js';

export interface WorkerOptions {
  concurrency: number;
  /** lock time: a killed worker's job returns to the queue after about this long */
  lockMs?: number;
  names?: QueueNames;
  /** this worker's name on its jobs (BullMQ's processedBy), e.g. host:pid */
  name?: string;
}

export interface WorkerState {
  state: 'starting' | 'running' | 'draining' | 'stopped';
  active: number;
  completed: number;
  failed: number;
  retried: number;
  /** jobs handed back unfinished on shutdown (they wait for another worker, no attempt used) */
  released: number;
  redis: 'ready' | 'reconnecting';
  startedAt: string;
}

/** at most one job progress update per job and this many ms */
const PROGRESS_MS = 1000;

/**
 * The worker shell: takes jobs from the queue, dispatches on the registry, hands results to the
 * sink. Bad input (a BeianError of a bad-input code) is unrecoverable: BullMQ does not retry it.
 * Everything else is retried up to the job's attempts, then reported as failed.
 */
export function startWorker(redis: Redis, registry: JobRegistry, sink: ResultSink, options: WorkerOptions) {
  const names = options.names ?? DEFAULT_QUEUE;
  const state: WorkerState = {
    state: 'starting',
    active: 0,
    completed: 0,
    failed: 0,
    retried: 0,
    released: 0,
    redis: 'ready',
    startedAt: new Date().toISOString(),
  };
  const aborts = new Set<AbortController>();
  const lockMs = options.lockMs ?? 30_000;
  const processor = async (job: Job, token?: string): Promise<void> => {
    const envelope = jobEnvelopeSchema.parse(job.data);
    // attemptsStarted counts stalled restarts too (a killed worker's job), attemptsMade does not
    const attempt = Math.max(job.attemptsStarted, job.attemptsMade + 1);
    const abort = new AbortController();
    let lastProgress = 0;
    aborts.add(abort);
    state.active++;
    try {
      const { handler, payload } = resolveJob(registry, envelope.kind, envelope.payload);
      const result = await handler.run(payload, {
        run: envelope.run,
        shard: envelope.shard,
        attempt,
        signal: abort.signal,
        // for the dashboard only (the submitter follows the store): once a second, not per block,
        // which on a 1 GB shard run cost the worker seconds of Redis round trips
        progress: (p) => {
          const now = Date.now();
          if (now - lastProgress < PROGRESS_MS) return;
          lastProgress = now;
          void job.updateProgress(p).catch(() => undefined);
        },
      });
      await sink.done(envelope, attempt, result);
      state.completed++;
    } catch (e) {
      const bad =
        isBeianError(e) && ['USAGE', 'INPUT_INVALID', 'CONFIG_INVALID', 'NOT_FOUND'].includes(e.code);
      // stopped by a shutdown, not failed: back to waiting without using an attempt, so a fleet
      // restarted mid-batch a few times never fails a batch for good
      if (abort.signal.aborted && !bad) {
        await job.moveToWait(token);
        state.released++;
        throw new WaitingError();
      }
      const final = bad || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const message = e instanceof Error ? e.message : String(e);
      await sink
        .failed(envelope, attempt, { code: isBeianError(e) ? e.code : 'INTERNAL', message, final })
        .catch(() => undefined);
      if (final) state.failed++;
      else state.retried++;
      throw bad ? new UnrecoverableError(message) : e;
    } finally {
      state.active--;
      aborts.delete(abort);
    }
  };
  const worker = new Worker(names.name, processor, {
    connection: redis,
    prefix: names.prefix,
    concurrency: options.concurrency,
    lockDuration: lockMs,
    stalledInterval: Math.max(1000, Math.round(lockMs / 2)),
    maxStalledCount: 3,
    autorun: false,
    ...(options.name ? { name: options.name } : {}),
  });
  worker.on('error', () => {
    // connection errors: ioredis reconnects; the state says so
  });
  redis.on('reconnecting', () => {
    state.redis = 'reconnecting';
  });
  redis.on('ready', () => {
    state.redis = 'ready';
  });
  worker.on('ready', () => {
    if (state.state === 'starting') state.state = 'running';
  });
  void worker.run();
  state.state = 'running';
  return {
    state,
    /**
     * Graceful stop: no new jobs; the running ones finish within `graceMs`, else they are aborted
     * and handed back to the queue (waiting, attempt not counted) for another worker.
     */
    async stop(graceMs = 30_000): Promise<void> {
      state.state = 'draining';
      const closing = worker.close();
      const timer = setTimeout(() => {
        for (const a of aborts) a.abort();
      }, graceMs);
      timer.unref();
      await closing;
      clearTimeout(timer);
      state.state = 'stopped';
    },
  };
}
export type RunningWorker = ReturnType<typeof startWorker>;
