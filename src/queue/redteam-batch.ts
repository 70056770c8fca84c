import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { BatchOptions, ExecOutcome, RunDeps } from '../app/redteam/run.js';
import { ATTACKS } from '../redteam/attacks/types.js';
import { BankItem } from '../redteam/banks/schema.js';
import { GUARD_FORMATS } from '../redteam/judges/guard.js';
import { TargetConfig } from '../redteam/targets/config.js';
import { redisGate } from './rate-gate.js';

/** The job kind a red-team batch is enqueued under (the handler registry's key). */
export const REDTEAM_BATCH = 'redteam-batch';

/**
 * What a batch carries: the run it belongs to, the options a worker needs to rebuild targets and
 * judges (environment-variable NAMES for keys, never a key), and the already expanded items, so
 * a worker on another machine needs neither the bank files nor the category maps.
 */
export const RedteamBatchPayload = z
  .object({
    runId: z.string().min(1),
    batch: z.number().int().nonnegative(),
    /** false: every worker enforces the limits on its own (the benchmark's "limiter off") */
    sharedLimits: z.boolean().default(true),
    options: z
      .object({
        targets: z.array(TargetConfig).min(1),
        keywordsFile: z.string().optional(),
        judge: TargetConfig.optional(),
        guard: z.object({ target: TargetConfig, format: z.enum(GUARD_FORMATS).optional() }).optional(),
        attacks: z
          .object({
            kinds: z.array(z.enum(ATTACKS)),
            attacker: TargetConfig,
            maxTurns: z.number().int().positive().optional(),
            maxCalls: z.number().int().positive().optional(),
          })
          .optional(),
        noCache: z.boolean().optional(),
      })
      .strict(),
    items: z.array(BankItem).min(1),
  })
  .strict();
export type RedteamBatchPayload = z.infer<typeof RedteamBatchPayload>;

/** The options of a run as a batch carries them (the bank-reading ones stay with the submitter). */
export function batchOptions(o: BatchOptions): BatchOptions {
  return {
    targets: o.targets,
    ...(o.keywordsFile ? { keywordsFile: o.keywordsFile } : {}),
    ...(o.judge ? { judge: o.judge } : {}),
    ...(o.guard ? { guard: o.guard } : {}),
    ...(o.attacks ? { attacks: o.attacks } : {}),
    ...(o.noCache ? { noCache: true } : {}),
  };
}

/**
 * Batches of `size` items in plan order. An item goes with all its targets, so every case of a
 * batch is `<target>|<item id>`: the run's own idempotent keys.
 */
export function splitBatches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface RedteamBatchContext extends Omit<RunDeps, 'gateFor' | 'onProgress'> {
  /** the connection the shared rate gates run their scripts on */
  redis: Redis;
  /** the deployment's key prefix */
  prefix: string;
}

/** A job as the handler needs it: its data and a way to report progress. */
export interface BatchJob {
  data: unknown;
  updateProgress(progress: { done: number; total: number; errors: number }): Promise<void>;
}

/**
 * The worker side of `redteam-batch`: validates the payload (a malformed one fails the job for good,
 * see `isPoisoned`), then runs the batch through the use case a local run uses, with every target's
 * limits shared across workers through Redis.
 */
export function redteamBatchHandler(ctx: RedteamBatchContext) {
  return async (job: BatchJob): Promise<ExecOutcome> => {
    const payload = RedteamBatchPayload.parse(job.data);
    const { runBatch } = await import('../app/redteam/run.js');
    let last = 0;
    return runBatch(payload, {
      ...ctx,
      ...(payload.sharedLimits
        ? {
            gateFor: (targetId, limits) =>
              redisGate(ctx.redis, {
                prefix: ctx.prefix,
                targetId,
                ...(limits.rpm ? { rpm: limits.rpm } : {}),
                concurrency: limits.concurrency,
                // a slot is held for one attempt at most; a killed worker's slot frees after this
                leaseMs: limits.timeoutMs + 5_000,
              }),
          }
        : {}),
      onProgress: (p) => {
        // BullMQ writes progress to Redis: at most a few times a second
        const now = Date.now();
        if (now - last < 250 && p.done < p.total) return;
        last = now;
        void job.updateProgress(p).catch(() => {});
      },
    });
  };
}

/** A payload that can never succeed: retrying it would only burn attempts. */
export const isPoisoned = (e: unknown): boolean => e instanceof z.ZodError;
