import { z } from 'zod';

/** data/kb/labelling.yaml: placements and explicit-label defaults, each with citations. */
const Bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();
const Citation = z
  .object({
    source: z.string().min(1),
    ref: z.string().optional(),
    confidence: z.enum(['verified', 'corroborated', 'unverified']),
    note: z.string().optional(),
  })
  .strict();

export const LabellingKb = z
  .object({
    version: z
      .union([z.string(), z.date()])
      .transform((v) => (typeof v === 'string' ? v : v.toISOString().slice(0, 10))),
    guides: z.array(
      z.object({ id: z.string(), title: Bilingual, confidence: Citation.shape.confidence }).strict(),
    ),
    value: z
      .object({
        key: z.literal('AIGC'),
        fields: z.array(z.string()),
        labels: z.record(z.enum(['1', '2', '3']), Bilingual),
        citations: z.array(Citation).min(1),
        integrity: z.object({ note: Bilingual, confidence: Citation.shape.confidence }).strict(),
      })
      .strict(),
    placements: z.array(
      z
        .object({
          id: z.string(),
          format: z.string(),
          where: z.string(),
          content: z.string(),
          citations: z.array(Citation).min(1),
        })
        .strict(),
    ),
    explicit: z
      .object({
        text: z.object({
          default: Bilingual,
          elements: z.object({ ai: z.array(z.string()), generated: z.array(z.string()) }),
          citations: z.array(Citation),
        }),
        image: z.object({ minHeightRatio: z.number().positive().max(1), citations: z.array(Citation) }),
        audio: z.object({
          rhythm: z.object({
            shortMs: z.number().positive(),
            longMs: z.number().positive(),
            gapMs: z.number().positive(),
            tailMs: z.number().nonnegative(),
            frequency: z.number().positive(),
            amplitude: z.number().positive().max(1),
          }),
          citations: z.array(Citation),
        }),
        video: z.object({
          minHeightRatio: z.number().positive().max(1),
          minSeconds: z.number().positive(),
          citations: z.array(Citation),
        }),
      })
      .strict(),
  })
  .strict();
export type LabellingKb = z.infer<typeof LabellingKb>;
