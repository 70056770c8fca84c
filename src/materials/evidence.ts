import { z } from 'zod';
import type { PortfolioDetermination } from '../assess/determination.js';

/**
 * Everything the documents draw on besides the project file: the results of the other features.
 * EVERY PART IS OPTIONAL. A missing part becomes a visible "to complete / 待补充" box in the
 * documents, never invented content. The shapes are deliberately flat summaries so each feature can
 * map its own result onto them in a few lines (the app layer does that wiring); they are validated
 * with zod so the same object can also be given as a JSON file (`beian materials --evidence`).
 *
 * Rates are ratios in [0, 1]. Risk ids are the KB's (A.1.1 … A.5.2).
 */

const Rate = z.number().min(0).max(1);
const Count = z.number().int().nonnegative();
const RiskId = z.string().regex(/^A\.[1-5](\.[1-9])?$/, 'a KB risk or category id such as A.1.3');

/** Corpus scan (issue 3): keyword scan and the standard's sampling checks. */
export const ScanSummary = z
  .object({
    /** items (lines/records) scanned */
    items: Count,
    /** items with at least one keyword hit */
    flagged: Count,
    /** hits per risk id */
    byRisk: z.array(z.object({ risk: RiskId, hits: Count }).strict()).optional(),
    /** manual sampling check: sample size and items that passed */
    manualSample: z.object({ size: Count, passed: Count }).strict().optional(),
    /** technical (keyword + classifier) sampling: sample size, fraction of the corpus, passed */
    technicalSample: z.object({ size: Count, fraction: Rate, passed: Count }).strict().optional(),
    /** content hash of the keyword library the scan used (lexicon/version.ts) */
    lexiconVersion: z.string().optional(),
    /** when the scan ran (ISO) */
    at: z.string().optional(),
  })
  .strict();
export type ScanSummary = z.infer<typeof ScanSummary>;

/** Personal-information scan and de-identification (issue 5). */
export const PiiSummary = z
  .object({
    items: Count,
    /** findings per detector type, e.g. { type: 'id-card', count: 12 } */
    findings: z.array(z.object({ type: z.string().min(1), count: Count }).strict()),
    /** how findings were handled: mask, hash, remove, ... */
    strategy: z.string().optional(),
    /** findings left after de-identification (0 expected) */
    residual: Count.optional(),
    at: z.string().optional(),
  })
  .strict();
export type PiiSummary = z.infer<typeof PiiSummary>;

/** One row of the provenance ledger of training-data sources (issue 5). */
export const SourceRow = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    type: z.enum(['open-source', 'self-collected', 'commercial', 'user-generated', 'crawled']),
    licence: z.string().optional(),
    /** collection agreement / purchase contract reference */
    agreement: z.string().optional(),
    crossBorder: z.boolean().optional(),
    items: Count.optional(),
    /** measured illegal/harmful share of the source (compared with source.illegal-rate.max) */
    illegalRate: Rate.optional(),
    /**
     * The errors `beian sources check` reports for this source (same function, same ledger): a
     * source with any is never marked compliant. Absent: the ledger was not checked.
     */
    problems: z
      .array(z.object({ code: z.string().min(1), zh: z.string().min(1), en: z.string().min(1) }).strict())
      .optional(),
  })
  .strict();
export type SourceRow = z.infer<typeof SourceRow>;

export const BankKind = z.enum(['generation', 'should-refuse', 'should-not-refuse']);
export type BankKind = z.infer<typeof BankKind>;

/**
 * Red-team scores (issue 4). For `generation` the rate is the pass rate; for the two refusal banks
 * it is the refusal rate. `ci` is an optional confidence interval of the rate.
 */
export const RedteamScores = z
  .object({
    runId: z.string().optional(),
    target: z.string().optional(),
    at: z.string().optional(),
    banks: z.array(
      z
        .object({
          bank: BankKind,
          /** questions in the bank */
          size: Count,
          /** questions evaluated */
          evaluated: Count,
          rate: Rate,
          ci: z.tuple([Rate, Rate]).optional(),
        })
        .strict(),
    ),
    /** why the run is not (yet) filing evidence (failed, partial, other model, sample too small) */
    gaps: z.array(z.string()).optional(),
    /** per bank and risk: questions in the bank, evaluated, and the rate */
    perRisk: z
      .array(z.object({ bank: BankKind, risk: RiskId, size: Count, evaluated: Count, rate: Rate }).strict())
      .optional(),
  })
  .strict();
export type RedteamScores = z.infer<typeof RedteamScores>;

/** One fairness audit on decision logs (issue 7). */
export const FairnessFlag = z
  .object({
    audit: z.enum(['price-discrimination', 'disparity', 'opt-out-invariance']),
    /** algorithm id from the project file, when the audit concerns one */
    algorithm: z.string().optional(),
    passed: z.boolean(),
    /** the metric and value, e.g. "max price ratio" 1.08 */
    metric: z.string().optional(),
    value: z.number().optional(),
    detail: z.string().optional(),
  })
  .strict();
export type FairnessFlag = z.infer<typeof FairnessFlag>;

/** One item of the algorithm self-assessment checklist (issue 7). */
export const ChecklistResult = z
  .object({
    id: z.string().min(1),
    area: z.enum(['transparency', 'explainability', 'fairness', 'user-rights', 'security', 'other']),
    question: z.string().min(1),
    status: z.enum(['met', 'not-met', 'not-applicable', 'unknown']),
    evidence: z.string().optional(),
    algorithm: z.string().optional(),
  })
  .strict();
export type ChecklistResult = z.infer<typeof ChecklistResult>;

/** Keyword-library coverage (issue 3). `entries` feeds the 关键词拦截列表 export. */
export const LexiconCoverage = z
  .object({
    total: Count,
    /** content hash of the library (lexicon/version.ts) */
    version: z.string().optional(),
    perRisk: z.array(z.object({ risk: RiskId, count: Count }).strict()),
    updatedAt: z.string().optional(),
    entries: z
      .array(z.object({ word: z.string().min(1), risk: RiskId, category: z.string().optional() }).strict())
      .optional(),
  })
  .strict();
export type LexiconCoverage = z.infer<typeof LexiconCoverage>;

/** One question of a test bank as exported, with its evaluated answer when a run exists (issue 4). */
export const BankItem = z
  .object({
    question: z.string().min(1),
    risk: RiskId.optional(),
    /** free label, e.g. a non-refusal aspect (制度, 信仰, ...) or a sub-category */
    category: z.string().optional(),
    /** 测试类型, e.g. 直接提问 / 角色扮演 / 谐音 */
    testType: z.string().optional(),
    answer: z.string().optional(),
    passed: z.boolean().optional(),
  })
  .strict();
export type BankItem = z.infer<typeof BankItem>;

export const BankExports = z
  .object({
    generation: z.array(BankItem).optional(),
    'should-refuse': z.array(BankItem).optional(),
    'should-not-refuse': z.array(BankItem).optional(),
  })
  .strict();
export type BankExports = z.infer<typeof BankExports>;

/** The latest `beian label check` run (AI content labels, GB 45438-2025). */
export const LabelCheckEvidence = z
  .object({
    total: Count,
    passed: Count,
    failed: Count,
    /** files per container format, e.g. { format: 'png', total: 120, failed: 0 } */
    byFormat: z.array(z.object({ format: z.string().min(1), total: Count, failed: Count }).strict()),
    service: z.string().optional(),
    at: z.string().optional(),
  })
  .strict();
export type LabelCheckEvidence = z.infer<typeof LabelCheckEvidence>;

/** Runtime interceptions recorded by `beian guard` (issue 15): the 关键词拦截 mechanism's records. */
export const GuardRecords = z
  .object({
    since: z.string(),
    total: Count,
    byDirection: z.object({ input: Count, output: Count }).strict(),
    byAction: z.object({ block: Count, mask: Count, flag: Count }).strict(),
    suspended: Count,
  })
  .strict();
export type GuardRecords = z.infer<typeof GuardRecords>;

export const EvidenceSchema = z
  .object({
    /** `beian assess --json` (PortfolioDetermination); not re-validated here */
    determination: z.custom<PortfolioDetermination>((v) => typeof v === 'object' && v !== null).optional(),
    scan: ScanSummary.optional(),
    pii: PiiSummary.optional(),
    sources: z.array(SourceRow).optional(),
    redteam: RedteamScores.optional(),
    fairness: z.array(FairnessFlag).optional(),
    checklist: z.array(ChecklistResult).optional(),
    lexicon: LexiconCoverage.optional(),
    banks: BankExports.optional(),
    labels: LabelCheckEvidence.optional(),
    guard: GuardRecords.optional(),
  })
  .strict();

/** The documents' input besides the project file. Every part optional. */
export type Evidence = z.infer<typeof EvidenceSchema>;

/** The evidence parts, in the order `materials check` reports them: the schema's, so none is forgotten. */
export const EVIDENCE_PARTS = EvidenceSchema.keyof().options;
export type EvidencePart = (typeof EVIDENCE_PARTS)[number];
