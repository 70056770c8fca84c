import { z } from 'zod';
import { PiiSection } from '../../project/sections/pii.js';
import { shardInputSchema } from '../../queue/jobs.js';

/**
 * What every shard of a scale-out `beian pii` carries: the options a local run would use, so a
 * worker runs the same per-block code on its piece. Paths are absolute (workers share the
 * filesystem). The pseudonym key never travels: each worker reads it from its own environment or
 * key file (the `pii:` section names them), and `keyCheck` lets it prove it holds the same key.
 */
export const piiJobOptionsSchema = z.object({
  format: z.enum(['jsonl', 'txt', 'csv']).optional(),
  encoding: z.enum(['utf8', 'gbk', 'gb18030']).optional(),
  blockBytes: z.number().int().positive().optional(),
  fields: z.array(z.string()).optional(),
  /** the `pii:` section of beian.yaml, key file made absolute */
  section: PiiSection.optional(),
  /** absolute path of a user-trained model (beian pii-train) */
  modelFile: z.string().optional(),
  redact: z.boolean(),
  findings: z.boolean(),
  /** where each shard writes its parts (`<shard>.<attempt>.out|.findings`): the run's own folder */
  partsDir: z.string().optional(),
  /** scrypt of the run id under the pseudonym key: a worker with another key refuses the shard */
  keyCheck: z.string().optional(),
});
export type PiiJobOptions = z.infer<typeof piiJobOptionsSchema>;

export const piiShardPayloadSchema = z.object({ options: piiJobOptionsSchema, input: shardInputSchema });
export type PiiShardPayload = z.infer<typeof piiShardPayloadSchema>;

/** The run as the store keeps it (queue_runs.spec_json): enough to re-attach, merge and assemble. */
export const piiRunSpecSchema = z.object({
  inputs: z.array(z.string()),
  /** input files in run order, with the name each gets under --out */
  files: z.array(z.object({ file: z.string(), rel: z.string() })),
  /** for each shard, the index of its file in `files` */
  fileOf: z.array(z.number().int().min(0)),
  outRoot: z.string().optional(),
  /** --findings as given (the report names it so) and where it is written */
  findings: z.object({ given: z.string(), path: z.string() }).optional(),
  options: piiJobOptionsSchema,
  shards: z.array(shardInputSchema),
  attempts: z.number().int().min(1),
});
export type PiiRunSpec = z.infer<typeof piiRunSpecSchema>;

/** A written part, named by shard and attempt: the submitter checks size and hash before using it. */
export interface PiiPartFile {
  name: string;
  bytes: number;
  sha256: string;
}

export const PII_SHARD = 'pii-shard';
