import type { z } from 'zod';
import { BeianError } from '../errors.js';

/**
 * What a worker knows about the job it runs. `signal` aborts when the worker shuts down, so a
 * long handler can stop early (the job is then released and another worker retries it).
 */
export interface JobContext {
  run: string;
  shard: number;
  /** 1-based attempt number: partial results are keyed by (run, shard, attempt) */
  attempt: number;
  signal: AbortSignal;
  progress: (p: { bytes?: number; items?: number }) => void;
}

/**
 * One job kind: the schema of its payload and the function that runs it. The result must be JSON
 * (it is stored as the shard's partial result and merged by the submitter).
 */
export interface JobHandler<P = unknown, R = unknown> {
  kind: string;
  payload: z.ZodType<P>;
  run: (payload: P, ctx: JobContext) => Promise<R>;
}

/**
 * Declares a handler with its payload type checked against its schema, erased to the registry's
 * type (the registry validates every payload with the schema before calling `run`).
 */
export function defineJob<P, R>(handler: JobHandler<P, R>): JobHandler {
  return handler as unknown as JobHandler;
}

/** Handlers by job kind: the one table a worker dispatches on. */
export type JobRegistry = ReadonlyMap<string, JobHandler>;

/** Builds the registry; two handlers of one kind are a programming error. */
export function jobRegistry(handlers: readonly JobHandler[]): JobRegistry {
  const map = new Map<string, JobHandler>();
  for (const h of handlers) {
    if (map.has(h.kind)) throw new Error(`job kind registered twice: ${h.kind}`);
    map.set(h.kind, h);
  }
  return map;
}

/** The handler and validated payload of a job, or a bad-input error naming the kind or field. */
export function resolveJob(
  registry: JobRegistry,
  kind: string,
  payload: unknown,
): { handler: JobHandler; payload: unknown } {
  const handler = registry.get(kind);
  if (!handler)
    throw BeianError.of('INPUT_INVALID', 'queue.unknownKind', {
      kind,
      known: [...registry.keys()].join(', '),
    });
  const parsed = handler.payload.safeParse(payload);
  if (!parsed.success)
    throw BeianError.of('INPUT_INVALID', 'queue.badPayload', {
      kind,
      message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    });
  return { handler, payload: parsed.data };
}

/** Where a worker puts what a job produced: the store (PostgreSQL) in `beian worker`. */
export interface ResultSink {
  /** the shard's partial result, keyed by (run, shard, attempt) */
  done(job: { run: string; shard: number; kind: string }, attempt: number, result: unknown): Promise<void>;
  /** a shard that failed this attempt; `final`: it will not be retried (bad input, or out of attempts) */
  failed(
    job: { run: string; shard: number; kind: string },
    attempt: number,
    error: { code: string; message: string; final: boolean },
  ): Promise<void>;
}
