import { pinyin } from 'pinyin-pro';
import { type AutomatonData, buildAutomaton, scanAll } from './automaton.js';
import {
  buildNormTable,
  DEFAULT_NORMALIZE,
  type NormalizeOptions,
  normalizeString,
  stepsApplied,
} from './normalize.js';
import { jiebaSegmenter } from './segment.js';
import type {
  CompileOptions,
  ExplainedMatch,
  LexiconEntry,
  Match,
  Segmenter,
  Severity,
  Variant,
} from './types.js';

/** What a pattern (a distinct normalised string) stands for. */
export interface PatternInfo {
  /** index into entries, or -1 for an allow-list phrase only */
  entry: number;
  allow: boolean;
  variant?: Variant;
  /** needs a whole-word check */
  word: boolean;
  /** ASCII alphanumeric pattern: needs non-alphanumeric neighbours */
  ascii: boolean;
}

export interface Matcher {
  readonly entries: readonly LexiconEntry[];
  readonly normalize: NormalizeOptions;
  readonly automaton: AutomatonData;
  readonly patterns: readonly PatternInfo[];
  /** Every keyword occurrence, overlapping, before precision rules (allow-list, boundaries). */
  findAll(text: string): Match[];
  /** The counted matches: allow-list and boundary rules applied, then leftmost-longest. */
  scan(text: string): Match[];
  /** Like scan, but also returns rejected hits with the reason, and the normalisation steps used. */
  explain(text: string): ExplainedMatch[];
}

const isAsciiWord = (s: string): boolean => /^[a-z0-9]+$/.test(s);
const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isHan = (s: string): boolean => /^\p{Script=Han}+$/u.test(s);

/** Keywords from entries plus variants and allow phrases, as distinct normalised patterns. */
function collectPatterns(
  entries: readonly LexiconEntry[],
  table: Uint16Array,
  options: CompileOptions,
): { strings: string[]; infos: PatternInfo[] } {
  const index = new Map<string, number>();
  const strings: string[] = [];
  const infos: PatternInfo[] = [];
  const add = (s: string, info: PatternInfo): void => {
    if (s.length === 0) return;
    const at = index.get(s);
    if (at === undefined) {
      index.set(s, strings.length);
      strings.push(s);
      infos.push(info);
      return;
    }
    const prev = infos[at] as PatternInfo;
    if (info.allow) prev.allow = true;
    else if (prev.entry === -1 || (prev.variant && !info.variant)) {
      infos[at] = { ...info, allow: prev.allow };
    }
  };
  entries.forEach((e, i) => {
    const n = normalizeString(e.keyword, table);
    const boundary = e.boundary ?? 'auto';
    const word = boundary === 'word' || (boundary === 'auto' && n.length === 1 && isHan(n));
    add(n, { entry: i, allow: false, word, ascii: boundary !== 'none' && isAsciiWord(n) });
    if (options.pinyin && n.length >= 2 && isHan(n)) {
      const py = normalizeString(
        (pinyin(n, { toneType: 'none', type: 'array' }) as string[]).join(''),
        table,
      );
      // Short syllable strings collide with ordinary words; keep variants of 5+ letters.
      if (py.length >= 5) add(py, { entry: i, allow: false, variant: 'pinyin', word: false, ascii: true });
    }
  });
  for (const a of options.allow ?? [])
    add(normalizeString(a, table), { entry: -1, allow: true, word: false, ascii: false });
  return { strings, infos };
}

/** Compiles a keyword library into a matcher. Pure; build cost is paid once (see serialize.ts). */
export function compileLexicon(
  entries: readonly LexiconEntry[],
  options: CompileOptions = {},
  segmenter?: Segmenter,
): Matcher {
  const normalize = { ...DEFAULT_NORMALIZE, ...options.normalize };
  const table = options.normTable ?? buildNormTable(normalize);
  const { strings, infos } = collectPatterns(entries, table, options);
  return createMatcher(entries, normalize, buildAutomaton(strings, table), infos, segmenter);
}

interface Hit {
  p: number;
  start: number;
  end: number;
}

/** Builds the matcher around a built (or deserialised) automaton. */
export function createMatcher(
  entries: readonly LexiconEntry[],
  normalize: NormalizeOptions,
  automaton: AutomatonData,
  patterns: readonly PatternInfo[],
  segmenter: Segmenter = jiebaSegmenter(),
): Matcher {
  const toMatch = (text: string, h: Hit): Match => {
    const info = patterns[h.p] as PatternInfo;
    const e = entries[info.entry] as LexiconEntry;
    const m: Match = {
      keyword: e.keyword,
      category: e.category,
      severity: e.severity as Severity,
      start: h.start,
      end: h.end,
      text: text.slice(h.start, h.end),
    };
    if (info.variant) m.variant = info.variant;
    return m;
  };
  const hits = (text: string): Hit[] => {
    const out: Hit[] = [];
    scanAll(automaton, text, (p, start, end) => out.push({ p, start, end }));
    return out;
  };
  const wholeWord = (text: string, h: Hit): boolean => {
    // Segment a window around the hit: enough context for jieba, bounded cost on huge records.
    const from = Math.max(0, h.start - 24);
    const to = Math.min(text.length, h.end + 24);
    let at = from;
    let startOk = false;
    for (const token of segmenter(text.slice(from, to))) {
      if (at === h.start) startOk = true;
      at += token.length;
      if (at === h.end) return startOk;
      if (at > h.end) return false;
    }
    return false;
  };
  const judge = (text: string, h: Hit, all: Hit[]): ExplainedMatch['rejected'] | undefined => {
    const info = patterns[h.p] as PatternInfo;
    for (const a of all)
      if (a !== h && (patterns[a.p] as PatternInfo).allow && a.start <= h.start && a.end >= h.end)
        return 'allow-list';
    if (info.ascii) {
      const before = h.start > 0 ? text.charCodeAt(h.start - 1) : 32;
      const after = h.end < text.length ? text.charCodeAt(h.end) : 32;
      if (isAlnum(before) || isAlnum(after)) return 'boundary';
    }
    if (info.word && !wholeWord(text, h)) return 'boundary';
    return undefined;
  };
  const keywordHits = (all: Hit[]): Hit[] => all.filter((h) => (patterns[h.p] as PatternInfo).entry !== -1);
  /** leftmost-longest: by start, longest first, skipping hits overlapping a chosen one */
  const leftmostLongest = (cands: Hit[]): Hit[] => {
    const sorted = [...cands].sort((a, b) => a.start - b.start || b.end - a.end);
    const chosen: Hit[] = [];
    let reach = -1;
    for (const h of sorted)
      if (h.start >= reach) {
        chosen.push(h);
        reach = h.end;
      }
    return chosen;
  };
  const counted = (text: string): { all: Hit[]; kept: Hit[] } => {
    const all = hits(text);
    if (all.length === 0) return { all, kept: [] };
    const kept = keywordHits(all).filter((h) => judge(text, h, all) === undefined);
    return { all, kept: leftmostLongest(kept) };
  };
  return {
    entries,
    normalize,
    automaton,
    patterns,
    findAll: (text) => keywordHits(hits(text)).map((h) => toMatch(text, h)),
    scan: (text) => counted(text).kept.map((h) => toMatch(text, h)),
    explain(text) {
      const { all, kept } = counted(text);
      const keptSet = new Set(kept);
      return keywordHits(all).map((h) => {
        const m: ExplainedMatch = {
          ...toMatch(text, h),
          steps: stepsApplied(text.slice(h.start, h.end), normalize, automaton.norm),
        };
        if (!keptSet.has(h)) m.rejected = judge(text, h, all) ?? 'overlap';
        return m;
      });
    },
  };
}
