import { z } from 'zod';
import { shardInputSchema } from '../../queue/jobs.js';

/**
 * What every shard of a scale-out scan carries: the options a local `beian scan` would use, so a
 * worker runs the same audit on its piece. Paths are absolute (workers share the filesystem).
 */
export const readOptionsSchema = z.object({
  format: z.enum(['jsonl', 'txt', 'csv']).optional(),
  field: z.string().optional(),
  sourceField: z.string().optional(),
  encoding: z.enum(['utf8', 'gbk', 'gb18030']).optional(),
  txtRecord: z.enum(['line', 'file']).optional(),
  maxRecordBytes: z.number().int().positive().optional(),
  blockBytes: z.number().int().positive().optional(),
});

export const lexiconSelectionSchema = z.object({
  files: z.array(z.string()).optional(),
  starter: z.boolean().optional(),
  naughtyWords: z.boolean().optional(),
  allow: z.array(z.string()).optional(),
  pinyin: z.boolean().optional(),
  defaults: z
    .object({
      category: z.string().optional(),
      severity: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
    })
    .optional(),
  categoryMap: z.string().optional(),
  variants: z.array(z.enum(['homophone', 'split', 'lookalike'])).optional(),
});

export const scanJobOptionsSchema = z.object({
  read: readOptionsSchema,
  seed: z.number(),
  sampleFraction: z.number().optional(),
  flagScore: z.number(),
  examples: z.number().int().min(0).optional(),
  /** draw the manual-review candidates (bottom-k per shard) */
  manual: z.boolean(),
  /** --flagged: every flagged record travels in the shard's partial result, merged in order */
  flagged: z.boolean().optional(),
  lexicon: lexiconSelectionSchema,
  /** the submitter's lexicon version: a worker whose files differ refuses the shard */
  lexiconVersion: z.string(),
});
export type ScanJobOptions = z.infer<typeof scanJobOptionsSchema>;

export const scanShardPayloadSchema = z.object({ options: scanJobOptionsSchema, input: shardInputSchema });
export type ScanShardPayload = z.infer<typeof scanShardPayloadSchema>;

/** The run as the store keeps it (queue_runs.spec_json): enough to re-attach and merge. */
export const scanRunSpecSchema = z.object({
  inputs: z.array(z.string()),
  files: z.number().int().min(0),
  topKeywords: z.number().int().optional(),
  options: scanJobOptionsSchema,
  shards: z.array(shardInputSchema),
  attempts: z.number().int().min(1),
  /** --flagged and --sample-out as given (the report names them so) and where they are written */
  flaggedOut: z.object({ given: z.string(), path: z.string() }).optional(),
  sampleOut: z.object({ given: z.string(), path: z.string() }).optional(),
});
export type ScanRunSpec = z.infer<typeof scanRunSpecSchema>;

export const SCAN_SHARD = 'scan-shard';
