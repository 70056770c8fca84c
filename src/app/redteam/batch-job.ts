import { z } from 'zod';
import { defineJob, type JobHandler } from '../../queue/registry.js';
import { ATTACKS } from '../../redteam/attacks/types.js';
import { BankItem } from '../../redteam/banks/schema.js';
import { GUARD_FORMATS } from '../../redteam/judges/guard.js';
import { TargetConfig } from '../../redteam/targets/config.js';
import type { BatchOptions, ExecOutcome, RunDeps } from './run.js';

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

/**
 * The worker side of `redteam-batch`: runs the batch through the use case a local run uses. The
 * worker passes `gateFor` over its Redis connection, so every target's limits are shared by all
 * workers (unless the batch says otherwise, for the benchmark).
 */
export function redteamBatchJob(deps: Omit<RunDeps, 'onProgress'>): JobHandler {
  return defineJob<RedteamBatchPayload, ExecOutcome>({
    kind: REDTEAM_BATCH,
    payload: RedteamBatchPayload,
    async run(payload, ctx) {
      const { runBatch } = await import('./run.js');
      const { gateFor, ...rest } = deps;
      let last = 0;
      const outcome = await runBatch(payload, {
        ...rest,
        signal: ctx.signal,
        ...(payload.sharedLimits && gateFor ? { gateFor } : {}),
        onProgress: (p) => {
          // progress goes to Redis: a few times a second at most
          const now = Date.now();
          if (now - last < 250 && p.done < p.total) return;
          last = now;
          ctx.progress({ items: p.done });
        },
      });
      // stopped early by a shutdown: fail this attempt so the batch is retried (stored cases are skipped)
      if (ctx.signal.aborted) throw new Error('worker stopping: batch handed back');
      return outcome;
    },
  });
}
