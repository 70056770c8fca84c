import type { CountedMatches } from '../lexicon/rules.js';
import { scoreRecord } from '../lexicon/score.js';
import { entryOf } from './malformed-entry.js';
import type { CorpusItem, MalformedEntry } from './types.js';

/**
 * The pure part of a corpus audit: per-record matching and scoring, per-block tallies that merge
 * associatively (so blocks can be audited on any thread in any grouping), reproducible sampling,
 * and the Wilson interval. The scan use case (app/scan.ts) adds files, workers and reports.
 */
export interface AuditOptions {
  /** record flag bar: Σ severity of distinct keywords within a window (see scoreRecord) */
  flagScore: number;
  /** scoring window in characters (default DEFAULT_SCORE_WINDOW) */
  scoreWindow?: number;
  /** sampling seed: the same seed selects the same records */
  seed: number;
  /** Bernoulli sampling fraction (the standard's technical check: ≥ 10%) */
  sampleFraction: number;
  /** characters of context kept on each side of the first match in an example */
  contextChars?: number;
  /**
   * Flagged records kept per block (default: all). Records cross from worker threads to the main
   * thread, and cloning thousands of them costs more than matching: a scan that only reports its
   * first N examples keeps N per block (the first N overall are among them, blocks being in order).
   */
  maxFlaggedRecords?: number;
  /** size of the manual-review sample to draw (bottom-k of a seeded hash: reproducible, any threads) */
  manualSize?: number;
  /** characters of a record kept in the manual sample */
  manualTextChars?: number;
}

/** A record drawn into the manual-review sample, with the text a reviewer needs. */
export interface ManualCandidate {
  key: number;
  file: string;
  line: number;
  source?: string;
  text: string;
  truncated: boolean;
  flagged: boolean;
  keywords: string[];
}

export interface FlaggedRecord {
  file: string;
  line: number;
  source?: string;
  score: number;
  categories: string[];
  matches: Array<{ keyword: string; category: string; start: number; end: number }>;
  /** a window of the record around its first match, for reports (offsets relative to it) */
  excerpt: { text: string; offset: number };
}

export interface SourceTally {
  records: number;
  flagged: number;
}

export interface AuditTally {
  records: number;
  bytes: number;
  malformed: MalformedEntry[];
  flagged: number;
  flaggedRecords: FlaggedRecord[];
  /** flagged records per risk id */
  byCategory: Record<string, number>;
  /** counted matches per keyword */
  byKeyword: Record<string, number>;
  bySource: Record<string, SourceTally>;
  sample: { size: number; flagged: number };
  /** manual-sample candidates of this block (the block's bottom-k; merged and cut to k by the caller) */
  manual: ManualCandidate[];
}

export const emptyTally = (): AuditTally => ({
  records: 0,
  bytes: 0,
  malformed: [],
  flagged: 0,
  flaggedRecords: [],
  byCategory: {},
  byKeyword: {},
  bySource: {},
  sample: { size: 0, flagged: 0 },
  manual: [],
});

/** Keeps the k candidates of smallest key (the manual sample), in key order. */
export function keepBottom(cands: ManualCandidate[], k: number): ManualCandidate[] {
  return cands.length <= k && isSorted(cands) ? cands : [...cands].sort((a, b) => a.key - b.key).slice(0, k);
}
const isSorted = (c: readonly ManualCandidate[]): boolean =>
  c.every((x, i) => i === 0 || (c[i - 1] as ManualCandidate).key <= x.key);

/** Seed offset so the manual sample is drawn independently of the technical sample. */
export const MANUAL_SEED = 0x5eed;

const bump = (m: Record<string, number>, k: string, by = 1): void => {
  m[k] = (m[k] ?? 0) + by;
};

/** FNV-1a of (seed, file, a NUL): the file's part of a sample key. */
function fileHash(seed: number, file: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < file.length; i++) h = Math.imul(h ^ file.charCodeAt(i), 0x01000193) >>> 0;
  return Math.imul(h, 0x01000193) >>> 0;
}

/** The line's two 16-bit halves mixed into a file hash, finished into [0, 1). */
function lineKey(base: number, line: number): number {
  let h = Math.imul(base ^ (line & 0xffff), 0x01000193) >>> 0;
  h = Math.imul(h ^ (line >>> 16), 0x01000193) >>> 0;
  // murmur3 finaliser: spreads FNV's weak low bits
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** A uniform number in [0, 1) from (seed, file, line): reproducible, independent of threads. */
export const sampleKey = (seed: number, file: string, line: number): number =>
  lineKey(fileHash(seed, file), line);

/**
 * sampleKey(seed, file, ·) with the file's part of the hash computed once: the same numbers, for
 * audits that draw one key per record of a file.
 */
export function fileSampler(seed: number, file: string): (line: number) => number {
  const base = fileHash(seed, file);
  return (line) => lineKey(base, line);
}

/** Audits the items of one block into a tally. */
export function auditItems(
  items: Iterable<CorpusItem>,
  bytes: number,
  count: CountedMatches,
  options: AuditOptions,
): AuditTally {
  const t = emptyTally();
  t.bytes = bytes;
  const context = options.contextChars ?? 40;
  for (const item of items) {
    if (item.kind === 'malformed') {
      t.malformed.push(entryOf(item));
      continue;
    }
    t.records++;
    const matches = count(item.text);
    const score = matches.length
      ? scoreRecord(item.text, matches, {
          flagScore: options.flagScore,
          ...(options.scoreWindow ? { window: options.scoreWindow } : {}),
        })
      : undefined;
    const flagged = score?.flagged ?? false;
    for (const m of matches) bump(t.byKeyword, m.keyword);
    if (item.source !== undefined) {
      const s = t.bySource[item.source] ?? { records: 0, flagged: 0 };
      t.bySource[item.source] = s;
      s.records++;
      if (flagged) s.flagged++;
    }
    if (sampleKey(options.seed, item.file, item.line) < options.sampleFraction) {
      t.sample.size++;
      if (flagged) t.sample.flagged++;
    }
    if (options.manualSize) {
      const max = options.manualTextChars ?? 4000;
      const cand: ManualCandidate = {
        key: sampleKey(options.seed ^ MANUAL_SEED, item.file, item.line),
        file: item.file,
        line: item.line,
        text: item.text.length > max ? item.text.slice(0, max) : item.text,
        truncated: item.text.length > max,
        flagged,
        keywords: score?.keywords ?? [],
      };
      if (item.source !== undefined) cand.source = item.source;
      t.manual.push(cand);
    }
    if (!flagged || !score) continue;
    t.flagged++;
    for (const c of score.categories) bump(t.byCategory, c);
    if (t.flaggedRecords.length >= (options.maxFlaggedRecords ?? Number.POSITIVE_INFINITY)) continue;
    const first = matches[0] as (typeof matches)[number];
    const from = Math.max(0, first.start - context);
    const rec: FlaggedRecord = {
      file: item.file,
      line: item.line,
      score: score.score,
      categories: score.categories,
      matches: matches.map((m) => ({ keyword: m.keyword, category: m.category, start: m.start, end: m.end })),
      excerpt: { text: item.text.slice(from, Math.min(item.text.length, first.end + context)), offset: from },
    };
    if (item.source !== undefined) rec.source = item.source;
    t.flaggedRecords.push(rec);
  }
  if (options.manualSize) t.manual = keepBottom(t.manual, options.manualSize);
  return t;
}

/** Adds `b` into `a` (in place). Flagged records are appended: callers may drain them first. */
export function mergeTally(a: AuditTally, b: AuditTally): AuditTally {
  a.records += b.records;
  a.bytes += b.bytes;
  a.malformed.push(...b.malformed);
  a.flagged += b.flagged;
  a.flaggedRecords.push(...b.flaggedRecords);
  for (const [k, v] of Object.entries(b.byCategory)) bump(a.byCategory, k, v);
  for (const [k, v] of Object.entries(b.byKeyword)) bump(a.byKeyword, k, v);
  for (const [k, v] of Object.entries(b.bySource)) {
    const s = a.bySource[k] ?? { records: 0, flagged: 0 };
    a.bySource[k] = s;
    s.records += v.records;
    s.flagged += v.flagged;
  }
  a.sample.size += b.sample.size;
  a.sample.flagged += b.sample.flagged;
  a.manual.push(...b.manual);
  return a;
}

/** Wilson score interval for a proportion (default 95%); [0, 1] when n = 0. */
export function wilson(successes: number, n: number, z = 1.959963984540054): [number, number] {
  if (n === 0) return [0, 1];
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, center - half), Math.min(1, center + half)];
}
