import type { AutomatonData } from './automaton.js';
import type { NormalizeOptions, NormalizeStep } from './normalize.js';

/** 1 low, 2 medium, 3 high. A record is flagged when its severity-weighted score reaches a bar. */
export type Severity = 1 | 2 | 3;
export const SEVERITY_NAMES = { 1: 'low', 2: 'medium', 3: 'high' } as const;

/**
 * How a match must sit in the text. `auto` (default): ASCII keywords need non-alphanumeric
 * neighbours, a one-character Chinese keyword must be a whole word (segmentation), others match
 * anywhere. `word`: always a whole word (or words). `none`: anywhere.
 */
export type Boundary = 'auto' | 'word' | 'none';

export interface LexiconEntry {
  keyword: string;
  /** risk id of the standard, e.g. A.1.6 */
  category: string;
  severity: Severity;
  note?: string;
  boundary?: Boundary;
  /** where the entry came from (file:line), for duplicate reports */
  origin?: string;
  /** provenance: the source list it was taken from (`konsheng/Sensitive-lexicon`…) or `beian` (ours) */
  source?: string;
  /**
   * words that must all occur in the same record for a hit to count (konsheng's `a+b+c`
   * conjunctions, curation's context rules); applied on the matcher's output (rules.ts)
   */
  context?: string[];
}

export type Variant = 'pinyin';

/**
 * The listed library behind a compiled matcher, stored by `lexicon compile` so that loading the
 * file needs no entry: its version id (version.ts) and number of keywords (variants excluded).
 */
export interface LibrarySummary {
  version: string;
  keywords: number;
}

export interface Match {
  keyword: string;
  category: string;
  severity: Severity;
  /** offsets in the ORIGINAL text, [start, end) in UTF-16 code units */
  start: number;
  end: number;
  /** the original text of the span */
  text: string;
  /** set when the match is of a generated variant of the keyword (e.g. its pinyin) */
  variant?: Variant;
}

export interface ExplainedMatch extends Match {
  /** normalisation steps that made the span equal the keyword */
  steps: NormalizeStep[];
  /** why the match was not counted, when it was not */
  rejected?: 'allow-list' | 'boundary' | 'overlap' | 'context';
}

export interface CompileOptions {
  normalize?: Partial<NormalizeOptions>;
  /** generate the pinyin (no tones) of keywords of two or more Chinese characters */
  pinyin?: boolean;
  /** exemption phrases: a keyword hit inside one of these is not counted (透明性 exempts 性) */
  allow?: readonly string[];
  /** a prebuilt normalisation table for these options (skips the opencc build) */
  normTable?: Uint16Array;
  /**
   * builds the automaton in place of buildAutomaton, with the same result (the WebAssembly one,
   * lexicon/wasm/build.ts, injected by the loading path so that the core does no I/O)
   */
  build?: (patterns: readonly string[], norm: Uint16Array) => AutomatonData;
  /**
   * The normalised keywords of the first keys.length entries, normalised with this table and
   * distinct (mergeLibraries' keys), and their index: the patterns start with them as they are.
   * The index is taken over (the other patterns are added to it).
   */
  keys?: { keys: readonly string[]; keyIndex: Map<string, number> };
}

/** Splits text into words, for whole-word checks. Injected so the core stays dependency-light. */
export type Segmenter = (text: string) => string[];

export interface RecordScore {
  /** Σ severity over distinct keywords */
  score: number;
  flagged: boolean;
  categories: string[];
  /** distinct keywords matched */
  keywords: string[];
  /** matches per 1,000 characters */
  density: number;
}
