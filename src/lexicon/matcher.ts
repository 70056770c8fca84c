import { createRequire } from 'node:module';
import { type AutomatonData, buildAutomaton, createScanner, type Scanner } from './automaton.js';
import {
  buildNormTable,
  DEFAULT_NORMALIZE,
  DROP,
  type NormalizeOptions,
  normalizeString,
  stepsApplied,
} from './normalize.js';
import { jiebaSegmenter } from './segment.js';
import type {
  CompileOptions,
  ExplainedMatch,
  LexiconEntry,
  LibrarySummary,
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
  /**
   * Chinese pattern of 2+ characters with boundary auto: when traditional→simplified folding or
   * noise removal made the span (山陰道士 → 阴道, 微博 讯 → 博讯), it must be a whole word.
   */
  fold?: boolean;
}

export interface Matcher {
  readonly entries: readonly LexiconEntry[];
  readonly normalize: NormalizeOptions;
  readonly automaton: AutomatonData;
  readonly patterns: readonly PatternInfo[];
  /**
   * Indices of the entries with context words, when known without reading every entry (a compiled
   * library's entries are made on first read); undefined: look at each.
   */
  readonly withContext?: readonly number[];
  /** the listed library's version and size, when the compiled file stores them (serialize.ts) */
  readonly library?: LibrarySummary;
  /** Every keyword occurrence, overlapping, before precision rules (allow-list, boundaries). */
  findAll(text: string): Match[];
  /**
   * The counted matches: allow-list and boundary rules applied, then leftmost-longest. `hits`: the
   * text's raw hits as a line walk gave them (Scanner.lines), so the text is not walked again.
   */
  scan(text: string, hits?: Int32Array): Match[];
  /** Like scan, but also returns rejected hits with the reason, and the normalisation steps used. */
  explain(text: string): ExplainedMatch[];
  /**
   * Walks the lines of valid UTF-8 bytes without decoding them: `hit` is false when no keyword or
   * allow phrase occurs in the line, so scan() of its text would return nothing (a prefilter that
   * lets a corpus scan decode only candidate lines). See Scanner.lines.
   */
  lines: Scanner['lines'];
}

const isAsciiWord = (s: string): boolean => /^[a-z0-9]+$/.test(s);
const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const HAN = /^\p{Script=Han}+$/u;
/** Han script only: the common case (CJK Unified Ideographs) without the regular expression. */
const isHan = (s: string): boolean => {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x4e00 || c > 0x9fff) return HAN.test(s);
  }
  return true;
};
const charCount = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) if ((s.charCodeAt(i) & 0xfc00) !== 0xdc00) n++;
  return n;
};

/** pinyin-pro is loaded only when pinyin variants are asked for (it weighs ~0.1 s per thread). */
function pinyinOf(text: string): string {
  const require = createRequire(import.meta.url);
  const { pinyin } = require('pinyin-pro') as {
    pinyin: (t: string, o: { toneType: 'none'; type: 'array' }) => string[];
  };
  return pinyin(text, { toneType: 'none', type: 'array' }).join('');
}

/** Keywords from entries plus variants and allow phrases, as distinct normalised patterns. */
function collectPatterns(
  entries: readonly LexiconEntry[],
  table: Uint16Array,
  options: CompileOptions,
): { strings: string[]; infos: PatternInfo[] } {
  // Keys given for the first entries (mergeLibraries'): distinct, so they are the first patterns as
  // they are, their index taken over; without pinyin patterns in between, the order is the same.
  const given = options.keys && !options.pinyin ? options.keys : undefined;
  const index = given ? given.keyIndex : new Map<string, number>();
  const strings: string[] = given ? given.keys.slice() : [];
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
  const first = given ? given.keys.length : 0;
  entries.forEach((e, i) => {
    const n = i < first ? (given?.keys[i] as string) : normalizeString(e.keyword, table);
    const boundary = e.boundary ?? 'auto';
    const han = isHan(n);
    const chars = charCount(n);
    const word = boundary === 'word' || (boundary === 'auto' && chars === 1 && han);
    const info: PatternInfo = { entry: i, allow: false, word, ascii: boundary !== 'none' && isAsciiWord(n) };
    if (boundary === 'auto' && han && chars >= 2) info.fold = true;
    if (i < first) infos.push(info);
    else add(n, info);
    if (options.pinyin && chars >= 2 && han) {
      const py = normalizeString(pinyinOf(n), table);
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
  const automaton = (options.build ?? buildAutomaton)(strings, table);
  return createMatcher(entries, normalize, automaton, infos, segmenter);
}

interface Hit {
  p: number;
  start: number;
  end: number;
  info: PatternInfo;
}

/** What a match reports of its entry. */
export type EntryHead = Pick<LexiconEntry, 'keyword' | 'category' | 'severity'>;

/** Builds the matcher around a built (or deserialised) automaton. */
export function createMatcher(
  entries: readonly LexiconEntry[],
  normalize: NormalizeOptions,
  automaton: AutomatonData,
  patterns: readonly PatternInfo[],
  segmenter: Segmenter = jiebaSegmenter(),
  /**
   * entry i's keyword, category and severity without making the entry (a compiled library reads
   * them from its columns; an entry's other fields, its origin above all, cost more to make)
   */
  headOf: (i: number) => EntryHead = (i) => entries[i] as LexiconEntry,
): Matcher {
  // Pattern infos read once each: a compiled library's are a lazy array (lazy-array.ts), whose
  // every read goes through a Proxy, and the rules below read them per pair of hits.
  const infos: Array<PatternInfo | undefined> = [];
  const infoOf = (p: number): PatternInfo => {
    let info = infos[p];
    if (!info) {
      info = patterns[p] as PatternInfo;
      infos[p] = info;
    }
    return info;
  };
  // the same for the entries' heads, read once per counted match
  const heads: Array<EntryHead | undefined> = [];
  const entryOf = (i: number): EntryHead => {
    let e = heads[i];
    if (!e) {
      e = headOf(i);
      heads[i] = e;
    }
    return e;
  };
  const toMatch = (text: string, h: Hit): Match => {
    const info = h.info;
    const e = entryOf(info.entry);
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
  // made on first use: the main thread of a scan never walks text (its workers do)
  let made: Scanner | undefined;
  const scanner = (): Scanner => {
    made ??= createScanner(automaton);
    return made;
  };
  const norm = automaton.norm;
  const hits = (text: string): Hit[] => {
    const out: Hit[] = [];
    scanner().scan(text, (p, start, end) => out.push({ p, start, end, info: infoOf(p) }));
    return out;
  };
  /** The same from the (pattern, start, end) triples a line walk found. */
  const hitsOf = (raw: Int32Array): Hit[] => {
    const out: Hit[] = [];
    for (let k = 0; k + 2 < raw.length; k += 3) {
      const p = raw[k] as number;
      out.push({ p, start: raw[k + 1] as number, end: raw[k + 2] as number, info: infoOf(p) });
    }
    return out;
  };
  /**
   * The word boundaries of text[from, to) as jieba sees it read folded (traditional → simplified,
   * width, case) and without noise, so 山陰道士 reads 山阴|道士 and 法 輪 功 reads 法轮功.
   * `at[j]` is the original offset of folded unit j; `cut[j]` = 1 when a token starts at j.
   */
  interface Segmentation {
    at: Int32Array;
    cut: Uint8Array;
    n: number;
  }
  const segment = (text: string, from: number, to: number): Segmentation => {
    let folded = '';
    const at = new Int32Array(to - from + 1);
    let n = 0;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      const m = norm[c] as number;
      const low = (c & 0xfc00) === 0xdc00 && i > from && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800;
      if (m === DROP && !low) continue;
      folded += String.fromCharCode(m === DROP ? c : m);
      at[n++] = i;
    }
    const cut = new Uint8Array(n + 1);
    let j = 0;
    for (const token of segmenter(folded)) {
      cut[j] = 1;
      j += token.length;
    }
    cut[n] = 1;
    return { at, cut, n };
  };
  /** Context on each side of a hit given to jieba: enough for its choices, and cut cost grows with length. */
  const CONTEXT = 8;
  /**
   * Whether [start, end) is a whole word (or words); with `crossingOnly`, whether it at least does
   * not take parts of two words (it may lie inside one).
   */
  const wholeWord = (text: string, h: Hit, crossingOnly: boolean): boolean => {
    const seg = segment(text, Math.max(0, h.start - CONTEXT), Math.min(text.length, h.end + CONTEXT));
    // folded units of the span: [first, last)
    let first = 0;
    while (first < seg.n && (seg.at[first] as number) < h.start) first++;
    let last = first;
    while (last < seg.n && (seg.at[last] as number) < h.end) last++;
    if (last === first) return false;
    if (seg.cut[first] === 1 && seg.cut[last] === 1) return true;
    if (!crossingOnly) return false;
    for (let j = first + 1; j < last; j++) if (seg.cut[j] === 1) return false;
    return true;
  };
  /** The span was joined by traditional→simplified folding or by dropping noise inside it. */
  const joined = (text: string, h: Hit): boolean => {
    for (let i = h.start; i < h.end; i++) {
      const c = text.charCodeAt(i);
      const m = norm[c] as number;
      if (m === DROP) {
        if ((c & 0xfc00) !== 0xdc00 || (text.charCodeAt(i - 1) & 0xfc00) !== 0xd800) return true;
      } else if (m !== c && c >= 0x2e80) return true;
    }
    return false;
  };
  /** `allowed`: the hits of allow-list phrases among all (usually none) */
  const judge = (text: string, h: Hit, allowed: Hit[]): ExplainedMatch['rejected'] | undefined => {
    const info = h.info;
    for (const a of allowed) if (a !== h && a.start <= h.start && a.end >= h.end) return 'allow-list';
    if (info.ascii) {
      const before = h.start > 0 ? text.charCodeAt(h.start - 1) : 32;
      const after = h.end < text.length ? text.charCodeAt(h.end) : 32;
      if (isAlnum(before) || isAlnum(after)) return 'boundary';
    }
    if (info.word && !wholeWord(text, h, false)) return 'boundary';
    // Folding or noise removal may join a match across words (山陰道士, 微博 讯): it may lie inside
    // one word (色*情 in 色情网站) or cover whole words, but not take parts of two.
    if (info.fold && !info.word && joined(text, h) && !wholeWord(text, h, true)) return 'boundary';
    return undefined;
  };
  const keywordHits = (all: Hit[]): Hit[] => all.filter((h) => h.info.entry !== -1);
  const allowHits = (all: Hit[]): Hit[] => all.filter((h) => h.info.allow);
  /**
   * The counted hits: by start, longest first, each judged (judge) only when it would be chosen,
   * i.e. overlaps no hit chosen before it — the same hits as judging all and then keeping the
   * leftmost-longest (a rejected hit chooses nothing), but a hit under a chosen one costs no
   * segmentation.
   */
  const counted = (text: string, raw?: Int32Array): { all: Hit[]; kept: Hit[] } => {
    const all = raw ? hitsOf(raw) : hits(text);
    if (all.length === 0) return { all, kept: [] };
    const allowed = allowHits(all);
    const sorted = keywordHits(all).sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: Hit[] = [];
    let reach = -1;
    for (const h of sorted)
      if (h.start >= reach && judge(text, h, allowed) === undefined) {
        kept.push(h);
        reach = h.end;
      }
    return { all, kept };
  };
  return {
    entries,
    normalize,
    automaton,
    patterns,
    lines: (bytes, from, to, onLine) => scanner().lines(bytes, from, to, onLine),
    findAll: (text) => keywordHits(hits(text)).map((h) => toMatch(text, h)),
    scan: (text, raw) => counted(text, raw).kept.map((h) => toMatch(text, h)),
    explain(text) {
      const { all, kept } = counted(text);
      const keptSet = new Set(kept);
      const allowed = allowHits(all);
      return keywordHits(all).map((h) => {
        const m: ExplainedMatch = {
          ...toMatch(text, h),
          steps: stepsApplied(text.slice(h.start, h.end), normalize, automaton.norm),
        };
        if (!keptSet.has(h)) m.rejected = judge(text, h, allowed) ?? 'overlap';
        return m;
      });
    },
  };
}
