import { z } from 'zod';
import { GUARD_ACTIONS } from '../../guard/policy.js';

const RiskId = z.string().regex(/^A\.[1-5](\.[0-9]+)?$/, 'a risk id of the standard, e.g. A.1 or A.1.6');

/**
 * `guard:` in beian.yaml — what `beian guard` filters and how. Library paths are relative to the
 * config file; the default library is always loaded first (the same path as `beian scan`).
 *
 * @example
 *   guard:
 *     upstream: http://127.0.0.1:8000/v1
 *     lexicon: [keywords/own.txt]
 *     policy: { default: block, risks: { A.2: mask, A.5.2: flag } }
 *     label: { enabled: true, position: start }
 *     retentionDays: 365
 */
export const GuardSection = z
  .object({
    /** base URL of the OpenAI-compatible model server (the CLI's --upstream wins) */
    upstream: z.string().url().optional(),
    /** the project's own keyword libraries, added to the default library */
    lexicon: z.array(z.string().min(1)).optional(),
    /** exemption phrases: a hit inside one is not counted */
    allow: z.array(z.string().min(1)).optional(),
    policy: z
      .object({
        default: z.enum(GUARD_ACTIONS).default('block'),
        /** a risk id or category (A.1) → action; the most specific wins */
        risks: z.record(RiskId, z.enum(GUARD_ACTIONS)).default({}),
        maskChar: z.string().length(1).default('*'),
      })
      .strict()
      .optional(),
    /** check user input and/or model output (both by default) */
    input: z.boolean().default(true),
    output: z.boolean().default(true),
    /** the explicit AI label of GB 45438 on text answers (on by default) */
    label: z
      .object({
        enabled: z.boolean().default(true),
        position: z.enum(['start', 'end']).default('start'),
        /** the wording (default from data/guard/replies.yaml, in the guard's language) */
        text: z.string().min(1).optional(),
      })
      .strict()
      .optional(),
    /** the abusive-user rule (thresholds from the KB) */
    abuse: z
      .object({
        enabled: z.boolean().default(true),
        /** header naming the end user when the request has no `user` field */
        userHeader: z.string().min(1).default('x-beian-user'),
        suspendHours: z.number().positive().default(24),
      })
      .strict()
      .optional(),
    /** days interception records are kept (default and minimum from the KB: 180) */
    retentionDays: z.number().int().positive().optional(),
    /** replacement replies file (same shape as data/guard/replies.yaml) */
    replies: z.string().min(1).optional(),
    /** largest request body accepted, bytes */
    maxBodyBytes: z
      .number()
      .int()
      .positive()
      .default(4 * 1024 * 1024),
    /** upstream timeout, ms (no answer, or no chunk for this long) */
    timeoutMs: z.number().int().positive().default(120_000),
  })
  .strict();
export type GuardSection = z.infer<typeof GuardSection>;
