import { z } from 'zod';

/**
 * The knowledge base as typed, versioned data. Each YAML file under data/kb/ carries a version and
 * its sources; each item carries citations with a confidence mark (STANDARD.md): `verified` read in
 * the official text, `corroborated` several secondary sources agree, `unverified` single or weak
 * source — shown wherever the item is shown.
 */
export const Confidence = z.enum(['verified', 'corroborated', 'unverified']);
export type Confidence = z.infer<typeof Confidence>;

export const Bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();
export type Bilingual = z.infer<typeof Bilingual>;

export const Citation = z
  .object({
    /** id of a regulation or standard in regulations.yaml */
    source: z.string().min(1),
    /** article or clause, as written in the source (e.g. "第二十四条", "5.1", "附录A") */
    ref: z.string().optional(),
    confidence: Confidence,
    note: z.string().optional(),
  })
  .strict();
export type Citation = z.infer<typeof Citation>;

export const Regulation = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    type: z.enum(['law', 'regulation', 'rule', 'standard', 'guidance']),
    title: Bilingual,
    /** the official short code, e.g. "GB/T 45654-2025" */
    code: z.string().optional(),
    issuer: Bilingual,
    published: z.string().optional(),
    effective: z.string().optional(),
    status: z.enum(['in-force', 'superseded', 'draft', 'recommended']),
    supersededBy: z.string().optional(),
    summary: Bilingual,
    confidence: Confidence,
  })
  .strict();
export type Regulation = z.infer<typeof Regulation>;

export const AlgorithmTypeId = z.enum([
  'generation-synthesis',
  'personalized-push',
  'ranking-selection',
  'retrieval-filtering',
  'scheduling-decision',
]);
export type AlgorithmTypeId = z.infer<typeof AlgorithmTypeId>;

export const AlgorithmType = z
  .object({
    id: AlgorithmTypeId,
    title: Bilingual,
    description: Bilingual,
    examples: z.array(Bilingual),
    citations: z.array(Citation).min(1),
  })
  .strict();
export type AlgorithmType = z.infer<typeof AlgorithmType>;

export const RiskCategory = z
  .object({
    id: z.string().regex(/^A\.[1-5]$/),
    title: Bilingual,
    /** whether the standard's stricter per-risk minimums (A.1/A.2) apply */
    core: z.boolean(),
    citations: z.array(Citation).min(1),
  })
  .strict();
export type RiskCategory = z.infer<typeof RiskCategory>;

export const Risk = z
  .object({
    id: z.string().regex(/^A\.[1-5]\.[1-9]$/),
    category: z.string().regex(/^A\.[1-5]$/),
    title: Bilingual,
    citations: z.array(Citation).min(1),
  })
  .strict();
export type Risk = z.infer<typeof Risk>;

export const Threshold = z
  .object({
    id: z.string().regex(/^[a-z0-9.-]+$/),
    title: Bilingual,
    /** the comparison a measured value must satisfy */
    comparator: z.enum(['>=', '<=', 'info']),
    value: z.number(),
    /** for ranges quoted in practice (e.g. 20,000–70,000 questions) */
    valueMax: z.number().optional(),
    unit: z.enum(['count', 'ratio', 'days', 'people', 'items']),
    /** which standard version the value is keyed by */
    standard: z.string().min(1),
    citations: z.array(Citation).min(1),
  })
  .strict();
export type Threshold = z.infer<typeof Threshold>;

export const FilingKindId = z.enum([
  'algorithm-filing',
  'deep-synthesis-filing',
  'genai-filing',
  'genai-registration',
  'public-opinion-assessment',
  'data-export-assessment',
]);
export type FilingKindId = z.infer<typeof FilingKindId>;

const Step = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: Bilingual,
    description: Bilingual,
    /** the step's legal or typical duration, where a source gives one (null: no source) */
    duration: z
      .object({
        workingDays: z.number().int().positive().optional(),
        months: z.tuple([z.number(), z.number()]).optional(),
      })
      .strict()
      .nullable()
      .default(null),
    citations: z.array(Citation),
  })
  .strict();

const Material = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** the `beian materials` document that holds it; null: prepared outside beian (e.g. a CAC form) */
    document: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .nullable(),
    title: Bilingual,
    description: Bilingual,
    citations: z.array(Citation).min(1),
  })
  .strict();

const Deadline = z
  .object({
    event: z.enum(['launch', 'change', 'cancel', 'review']),
    workingDays: z.number().int().positive(),
    description: Bilingual,
    citations: z.array(Citation).min(1),
  })
  .strict();

const Point = z.object({ text: Bilingual, citations: z.array(Citation).min(1) }).strict();

export const FilingKind = z
  .object({
    id: FilingKindId,
    title: Bilingual,
    scope: Bilingual,
    legalBasis: z.array(Citation).min(1),
    requirements: z.array(Point),
    steps: z.array(Step).min(1),
    /** null where no source gives a duration: we do not guess */
    timeline: z
      .object({
        minMonths: z.number().nullable(),
        maxMonths: z.number().nullable(),
        note: Bilingual,
        citations: z.array(Citation),
      })
      .strict(),
    deadlines: z.array(Deadline),
    /** when a kind has no working-day deadline: what the timing rule is instead */
    deadlineNote: Bilingual.optional(),
    materials: z.array(Material),
    dataRequirements: z.array(Point),
    consequences: z.array(Point).min(1),
    display: Point.optional(),
    /** the shape of the number issued when the filing succeeds (registry validation) */
    numberFormat: z
      .object({
        pattern: z.string().min(1),
        example: z.string().min(1),
        description: Bilingual,
        citations: z.array(Citation).min(1),
      })
      .strict()
      .optional(),
  })
  .strict();
export type FilingKind = z.infer<typeof FilingKind>;

/** Common header of every KB data file. */
export const KbFileHeader = z.object({
  version: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  note: z.string().optional(),
});

export const RegulationsFile = KbFileHeader.extend({ regulations: z.array(Regulation).min(1) }).strict();
export const AlgorithmTypesFile = KbFileHeader.extend({
  algorithmTypes: z.array(AlgorithmType).length(5),
}).strict();
export const RisksFile = KbFileHeader.extend({
  categories: z.array(RiskCategory).length(5),
  risks: z.array(Risk).length(31),
  /** aspects the should-not-refuse bank must cover (STANDARD.md §4 row 9) */
  nonRefusalAspects: z.array(z.object({ id: z.string(), title: Bilingual }).strict()).min(1),
}).strict();
export const ThresholdsFile = KbFileHeader.extend({ thresholds: z.array(Threshold).min(1) }).strict();
export const FilingKindsFile = KbFileHeader.extend({
  filingKinds: z.array(FilingKind).length(FilingKindId.options.length),
}).strict();

/**
 * A duty that follows from a regulation without being a filing: labelling synthetic content,
 * workers' rights in dispatch algorithms. `appliesTo` says which services carry it, so
 * determinations and documents derive it instead of asking the user to know it.
 */
export const Duty = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/),
    title: Bilingual,
    text: Bilingual,
    appliesTo: z
      .object({
        algorithmTypes: z.array(AlgorithmTypeId).optional(),
        filingKinds: z.array(FilingKindId).optional(),
      })
      .strict(),
    citations: z.array(Citation).min(1),
  })
  .strict();
export type Duty = z.infer<typeof Duty>;
export const DutiesFile = KbFileHeader.extend({ duties: z.array(Duty).min(1) }).strict();
