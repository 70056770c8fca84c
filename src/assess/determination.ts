import type { AlgorithmTypeId, Bilingual, Citation, FilingKindId } from '../kb/schema.js';

/**
 * The output of `evaluate()`: the contract of `beian assess --json` (README "Contracts").
 * Text fields are bilingual so one determination serves every language and renderer.
 */
export type FilingStatus = 'required' | 'likely' | 'not-required';
export type Role = 'provider' | 'technical-supporter';

export interface Reason {
  ruleId: string;
  text: Bilingual;
  citation: Citation;
  /** how the rule concluded: fired (true), or could fire pending an answer (unknown) */
  outcome: 'fired' | 'pending';
}

export interface MaterialItem {
  id: string;
  title: Bilingual;
  citations: readonly Citation[];
}

export interface FilingDetermination {
  kind: FilingKindId;
  status: FilingStatus;
  algorithmTypes?: AlgorithmTypeId[];
  role?: Role;
  reasons: Reason[];
  materials: MaterialItem[];
  timeline: { minMonths: number | null; maxMonths: number | null; note: Bilingual };
  /** the legal deadline rule(s), e.g. within 10 working days of launch */
  deadlines: { event: string; workingDays: number; text: Bilingual; citation: Citation | undefined }[];
  consequences: { text: Bilingual; citations: readonly Citation[] }[];
  /** duties the KB attaches to this kind or to the service's algorithm types (labelling, workers' rights) */
  duties?: { id: string; title: Bilingual; text: Bilingual; citations: readonly Citation[] }[];
}

export interface ToClarify {
  /** the questionnaire field path, e.g. "answers.publicOpinion" */
  field: string;
  question: Bilingual;
  /** the filings whose outcome depends on it */
  affects: FilingKindId[];
}

export interface ServiceDetermination {
  id: string;
  name: string;
  filings: FilingDetermination[];
  toClarify: ToClarify[];
}

export interface CompanyFiling {
  kind: FilingKindId;
  status: FilingStatus;
  /** every service that needs it or may need it */
  services: string[];
  required: string[];
  likely: string[];
}

export interface PortfolioDetermination {
  rulesetVersion: string;
  kbVersion: string;
  services: ServiceDetermination[];
  /**
   * The company as a whole: each filing kind with its strongest status and the services behind it,
   * split by each service's own status (the one its service view shows: one source of truth).
   */
  company: CompanyFiling[];
}
