import { z } from 'zod';
import { FEATURE_SET } from './features.js';
import { type SequenceModel, TAGS } from './perceptron.js';

/** The weights file's format version: 2 = hashed features, Viterbi transitions (1 = string features, greedy). */
export const MODEL_VERSION = 2;
const T = TAGS.length;

/**
 * The weights file `beian pii-train` writes and `--model` reads: JSON, versioned. Weights are
 * stored sparsely: the hash buckets with any non-zero weight (ascending, as little-endian uint32 in
 * base64) and their T weights each (little-endian float32 in base64).
 */
export const ModelFile = z
  .object({
    format: z.literal('beian-pii-perceptron'),
    version: z.literal(MODEL_VERSION),
    /** the feature templates the weights belong to (features.ts FEATURE_SET) */
    features: z.literal(FEATURE_SET),
    bits: z.number().int().min(10).max(24),
    tags: z.array(z.string()).refine((t) => t.join() === TAGS.join(), 'unknown tag set'),
    /** what the user trained it on, as they told us (free text, e.g. their data set and licence) */
    trainedOn: z.string().optional(),
    transitions: z.array(z.number()).length(T * T),
    start: z.array(z.number()).length(T),
    buckets: z.string(),
    weights: z.string(),
  })
  .strict();
export type ModelFile = z.infer<typeof ModelFile>;

/** A weights file of another format version than this beian reads (retrain with `beian pii-train`). */
export class ModelVersionError extends Error {
  constructor(readonly found: unknown) {
    super(`weights file version ${String(found)}; this beian reads version ${MODEL_VERSION}`);
  }
}

const toBase64 = (a: Uint32Array | Float32Array): string =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

function fromBase64<A extends Uint32Array | Float32Array>(
  s: string,
  make: (b: ArrayBuffer, n: number) => A,
  bytes: number,
): A {
  const buf = Buffer.from(s, 'base64');
  if (buf.byteLength % bytes !== 0) throw new Error('truncated weights');
  const copy = new ArrayBuffer(buf.byteLength);
  new Uint8Array(copy).set(buf);
  return make(copy, buf.byteLength / bytes);
}

/** The hash buckets holding any non-zero weight (what the weights file stores). */
export function usedBuckets(m: SequenceModel): number[] {
  const used: number[] = [];
  for (let b = 0; b < m.weights.length / T; b++)
    for (let t = 0; t < T; t++)
      if (m.weights[b * T + t] !== 0) {
        used.push(b);
        break;
      }
  return used;
}

export function serializeModel(m: SequenceModel, trainedOn?: string): ModelFile {
  const used = usedBuckets(m);
  const buckets = Uint32Array.from(used);
  const weights = new Float32Array(used.length * T);
  used.forEach((b, k) => {
    weights.set(m.weights.subarray(b * T, b * T + T), k * T);
  });
  return {
    format: 'beian-pii-perceptron',
    version: MODEL_VERSION,
    features: FEATURE_SET,
    bits: m.bits,
    tags: [...TAGS],
    ...(trainedOn ? { trainedOn } : {}),
    transitions: [...m.trans],
    start: [...m.start],
    buckets: toBase64(buckets),
    weights: toBase64(weights),
  };
}

/**
 * Validates a parsed weights file. Throws ModelVersionError for a beian weights file of another
 * version (older files were written by another feature set: they must be retrained), a ZodError
 * naming the bad field otherwise.
 */
export function parseModel(json: unknown): SequenceModel {
  const head = json as { format?: unknown; version?: unknown; features?: unknown } | null;
  if (
    head !== null &&
    typeof head === 'object' &&
    head.format === 'beian-pii-perceptron' &&
    (head.version !== MODEL_VERSION || head.features !== FEATURE_SET)
  )
    throw new ModelVersionError(head.version);
  const f = ModelFile.parse(json);
  const buckets = fromBase64(f.buckets, (b, n) => new Uint32Array(b, 0, n), 4);
  const sparse = fromBase64(f.weights, (b, n) => new Float32Array(b, 0, n), 4);
  if (sparse.length !== buckets.length * T) throw new Error('weights and buckets differ in length');
  const size = 1 << f.bits;
  const weights = new Float32Array(size * T);
  for (let k = 0; k < buckets.length; k++) {
    const b = buckets[k] as number;
    if (b >= size) throw new Error('bucket out of range');
    weights.set(sparse.subarray(k * T, k * T + T), b * T);
  }
  return {
    bits: f.bits,
    weights,
    trans: Float32Array.from(f.transitions),
    start: Float32Array.from(f.start),
  };
}
