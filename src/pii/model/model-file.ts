import { z } from 'zod';
import { type SequenceModel, TAGS } from './perceptron.js';

/** The weights file `beian pii train` writes and `--model` reads: plain JSON, versioned. */
export const ModelFile = z
  .object({
    format: z.literal('beian-pii-perceptron'),
    version: z.literal(1),
    tags: z.array(z.string()).refine((t) => t.join() === TAGS.join(), 'unknown tag set'),
    /** what the user trained it on, as they told us (free text, e.g. their data set and licence) */
    trainedOn: z.string().optional(),
    weights: z.record(z.string(), z.array(z.number()).length(TAGS.length)),
  })
  .strict();
export type ModelFile = z.infer<typeof ModelFile>;

export function serializeModel(m: SequenceModel, trainedOn?: string): ModelFile {
  const weights: Record<string, number[]> = {};
  for (const [f, w] of m.weights) weights[f] = [...w];
  return {
    format: 'beian-pii-perceptron',
    version: 1,
    tags: [...TAGS],
    ...(trainedOn ? { trainedOn } : {}),
    weights,
  };
}

/** Validates a parsed weights file (throws a ZodError naming the bad field). */
export function parseModel(json: unknown): SequenceModel {
  const f = ModelFile.parse(json);
  const weights = new Map<string, Float64Array>();
  for (const [k, v] of Object.entries(f.weights)) weights.set(k, Float64Array.from(v));
  return { weights };
}
