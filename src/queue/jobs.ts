import { z } from 'zod';

/**
 * The queue's wire format. Every job is an envelope naming its run, its shard and its kind; the
 * payload is validated by the handler registered for that kind (registry.ts), so a new job kind
 * adds a schema and a handler and never touches this file.
 */
export const runIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, 'run ids are letters, digits, "-" and "_"');

export const jobEnvelopeSchema = z.object({
  run: runIdSchema,
  /** 0-based position of the shard in its run: partial results merge in this order */
  shard: z.number().int().min(0),
  kind: z.string().min(1).max(64),
  payload: z.unknown(),
});
export type JobEnvelope = z.infer<typeof jobEnvelopeSchema>;

/** The BullMQ job id of a shard: stable, so re-enqueueing a run (`--attach`) never duplicates work. */
export const jobId = (run: string, shard: number): string => `${run}.${shard}`;

/** A byte range of one file, aligned to record boundaries (shards.ts), with the number of its first line. */
export const byteRangeSchema = z.object({
  start: z.number().int().min(0),
  /** exclusive */
  end: z.number().int().min(0),
  firstLine: z.number().int().min(1),
});
export type ByteRange = z.infer<typeof byteRangeSchema>;

/** What a shard covers: a whole file, or a record-aligned byte range of it. */
export const shardInputSchema = z.object({
  /** the file as the submitter named it: records carry this name (and sampling hashes it) */
  file: z.string().min(1),
  /** absolute path to open on a worker (machines share the corpus at the same path) */
  path: z.string().min(1).optional(),
  /** the file's size when the run was planned: a worker refuses a file that changed since */
  size: z.number().int().min(0),
  range: byteRangeSchema.optional(),
});
export type ShardInput = z.infer<typeof shardInputSchema>;
