import { z } from 'zod';
import { Bilingual, Citation, KbFileHeader } from '../kb/schema.js';

/**
 * The fairness data files under data/kb/: `fairness.yaml` (statistical parameters of the audits,
 * each with its source and confidence) and `checklist.yaml` (the self-assessment duties, each with
 * article citations). Validated on load; citations must name a KB regulation or a reference of
 * fairness.yaml (same shape as a KB citation).
 */
export const FairnessCitation = Citation;
export type FairnessCitation = z.infer<typeof FairnessCitation>;

export const PARAMETER_IDS = [
  'ci.level',
  'price.alpha',
  'price.fdr.q',
  'price.min-effect',
  'price.randomisation.min-cells',
  'resampling.bootstrap',
  'resampling.permutations',
  'disparity.disparate-impact.min',
  'disparity.alpha',
  'disparity.min-group-size',
  'disparity.equal-opportunity.max-abs',
  'disparity.exposure-ratio.min',
  'optout.jaccard.min',
  'optout.rbo.p',
] as const;
export type ParameterId = (typeof PARAMETER_IDS)[number];

export const Parameter = z
  .object({
    id: z.enum(PARAMETER_IDS),
    title: Bilingual,
    value: z.number(),
    citations: z.array(FairnessCitation).min(1),
  })
  .strict();
export type Parameter = z.infer<typeof Parameter>;

export const FairnessFile = KbFileHeader.extend({
  references: z.array(z.object({ id: z.string().regex(/^[a-z0-9-]+$/), title: Bilingual }).strict()),
  parameters: z.array(Parameter),
}).strict();
export type FairnessFile = z.infer<typeof FairnessFile>;

export const CHECKLIST_AREAS = [
  'transparency',
  'explainability',
  'fairness',
  'user-rights',
  'security',
  'special-groups',
] as const;
export const ChecklistArea = z.enum(CHECKLIST_AREAS);
export type ChecklistArea = z.infer<typeof ChecklistArea>;

export const Regime = z.enum(['algorithm-recommendation', 'deep-synthesis', 'generative-ai']);
export type Regime = z.infer<typeof Regime>;

export const SpecialGroup = z.enum(['minors', 'elderly', 'workers', 'consumers']);
export type SpecialGroup = z.infer<typeof SpecialGroup>;

export const AuditKind = z.enum(['price', 'disparity', 'optout']);
export type AuditKind = z.infer<typeof AuditKind>;

export const ChecklistItem = z
  .object({
    id: z.string().regex(/^[a-z-]+\.[a-z0-9-]+$/),
    area: ChecklistArea,
    regimes: z.array(Regime).min(1),
    /** the item applies only when the service serves one of these groups */
    groups: z.array(SpecialGroup).optional(),
    required: z.boolean(),
    /** a beian audit whose stored result is evidence for this item */
    automated: AuditKind.optional(),
    question: Bilingual,
    evidence: Bilingual,
    verify: Bilingual,
    citations: z.array(FairnessCitation).min(1),
  })
  .strict();
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export const ChecklistFile = KbFileHeader.extend({
  areas: z.array(ChecklistArea),
  items: z.array(ChecklistItem).min(1),
}).strict();
