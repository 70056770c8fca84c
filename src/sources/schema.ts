import { z } from 'zod';
import { PII_TYPES } from '../pii/types.js';
import { customIssue } from '../util/zod-issues.js';

export const SOURCE_TYPES = ['open-source', 'self-collected', 'commercial', 'user-generated'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];
export const COLLECTION_METHODS = [
  'crawler',
  'api',
  'purchase',
  'user-upload',
  'partner',
  'manual',
  'other',
] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');

/** The last audit results of a source: illegal-content rate (`beian scan`) and PII counts (`beian pii`). */
export const SourceScan = z
  .object({
    date: isoDate.optional(),
    /** share of sampled items judged illegal/harmful, 0..1 */
    illegalRate: z.number().min(0).max(1).optional(),
    sampled: z.number().int().nonnegative().optional(),
    pii: z.partialRecord(z.enum(PII_TYPES), z.number().int().nonnegative()).optional(),
  })
  .strict();
export type SourceScan = z.infer<typeof SourceScan>;

/** One training-data source in the provenance ledger. */
export const SourceEntry = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes'),
    name: z.string().min(1),
    type: z.enum(SOURCE_TYPES),
    /** e.g. Apache-2.0, CC-BY-4.0; required for open-source data */
    licence: z.string().min(1).optional(),
    collection: z.enum(COLLECTION_METHODS),
    /** collection agreement, purchase contract or user-agreement reference */
    authorisation: z.string().min(1).optional(),
    /** crawled sources: the robots.txt / terms-of-service basis relied on */
    robotsTermsBasis: z.string().min(1).optional(),
    containsPersonalInfo: z.boolean().optional(),
    /** PIPL legal basis: consent reference, contract necessity, publicly disclosed data, ... */
    consentBasis: z.string().min(1).optional(),
    fromAbroad: z.boolean().default(false),
    /**
     * Kept so older ledgers still parse; not checked: data coming into China is not a data export
     * and needs no 数据出境 security assessment (see `foreign-data/*` duties in the KB).
     */
    securityAssessment: z.string().min(1).optional(),
    volume: z
      .object({
        records: z.number().int().nonnegative().optional(),
        bytes: z.number().int().nonnegative().optional(),
        tokens: z.number().int().nonnegative().optional(),
      })
      .strict()
      .optional(),
    dateRange: z.object({ from: isoDate, to: isoDate }).strict().optional(),
    lastScan: SourceScan.optional(),
    notes: z.string().optional(),
  })
  .strict();
export type SourceEntry = z.infer<typeof SourceEntry>;

/** `sources:` in beian.yaml, or a standalone ledger file with the same list. */
export const SourcesSection = z.array(SourceEntry).superRefine((list, ctx) => {
  const seen = new Map<string, number>();
  list.forEach((s, i) => {
    const first = seen.get(s.id);
    if (first !== undefined)
      ctx.addIssue({ ...customIssue('sources.dupSource', { id: s.id, first }), path: [i, 'id'] });
    else seen.set(s.id, i);
  });
});
export type SourcesSection = z.infer<typeof SourcesSection>;
