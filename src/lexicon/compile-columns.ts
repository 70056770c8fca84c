import { type Issue, issueOf } from '../errors.js';
import { appendAll } from '../util/array.js';
import { type AutomatonData, buildAutomaton, isTrimSpace } from './automaton.js';
import {
  applyTxtHeader,
  controlCharacter,
  type Duplicate,
  MAX_KEYWORD_CHARS,
  type RowDefaults,
  UNCLASSIFIED,
  unclassifiedIssue,
  type Validated,
  validateRow,
} from './library.js';
import { DEFAULT_NORMALIZE, DROP, type NormalizeOptions, SEP } from './normalize.js';
import { boundaryCode, type EntryColumns, serializeParts } from './serialize.js';
import type { Boundary, LexiconEntry, Severity } from './types.js';
import {
  type Column,
  i32s,
  UnitStrings,
  u8s,
  u16s,
  unitsHash,
  unitsString,
  writeString,
  writeUnits,
} from './units.js';
import {
  familyBit,
  familyForms,
  familyMask,
  mayVaryUnits,
  VARIANT_MAX_LENGTH,
  VARIANT_MIN_SEVERITY,
} from './variants/entries.js';
import type { VariantFamily } from './variants/generate.js';
import { HOMOPHONES, LOOKALIKES, SPLIT_CHARS } from './variants/tables.js';
import { libraryVersion, uniformVersion } from './version.js';
import { keywordWarnings } from './warnings.js';

/**
 * A plain keyword list (the TXT format: one keyword a line, `#!` defaults, optional tab columns)
 * compiled straight into the columns of a compiled library (serialize.ts): the same bytes, entries,
 * patterns and automaton as parseTxtLibrary → mergeLibraries → variantEntries → compileLexicon →
 * serializeMatcher, without an entry, pattern or keyword string per row. Keywords are read from
 * the text into a units column, normalised into the patterns' units column and told apart by their
 * units (UnitStrings); variants are generated only for the keywords that may have one. At 50k
 * keywords the object path made ~60k entries, ~60k patterns and as many strings, which every young
 * generation GC copied until the compile was done. Pure: callers pass the files' contents.
 */
export interface PlainSource {
  name: string;
  content: string;
}

export interface PlainCompileOptions {
  defaults?: RowDefaults;
  /** evasion-variant families generated for high-severity keywords */
  variants: readonly VariantFamily[];
  allow?: readonly string[];
  /** the normalisation table of DEFAULT_NORMALIZE */
  table: Uint16Array;
  /** builds the automaton from the patterns' units (the WebAssembly one, injected); else buildAutomaton */
  build?: (units: Uint16Array, ends: Int32Array, norm: Uint16Array) => AutomatonData;
}

export interface PlainCompiled {
  /** the compiled library (SharedArrayBuffer, no checksum: for this process's threads) */
  bytes: Uint8Array;
  /** listed entries (variants excluded) */
  keywords: number;
  issues: Issue[];
  duplicates: Duplicate[];
  warnings: Issue[];
  version: string;
  /** the listed entries as parseTxtLibrary makes them, made on call */
  entries: () => LexiconEntry[];
}

const BOUNDARY_OF: ReadonlyArray<Boundary | undefined> = [undefined, 'auto', 'word', 'none'];
const WORD = 2;
const NONE = 3;
const FLAG_ALLOW = 1;
const FLAG_WORD = 2;
const FLAG_ASCII = 4;
const FLAG_FOLD = 8;
const HAN = /^\p{Script=Han}+$/u;

/**
 * normalizeString of src[from, to) written at the end of `out` (uncounted); where it ends. A run of
 * dropped units between two digits becomes SEP; a kept (CJK) high surrogate keeps its low one.
 */
function normalizeInto(
  src: Uint16Array,
  from: number,
  to: number,
  table: Uint16Array,
  out: Column<Uint16Array>,
): number {
  const dst = out.room((to - from) * 2);
  let w = out.n;
  let gap = false;
  let lastDigit = false;
  for (let i = from; i < to; i++) {
    let m = table[src[i] as number] as number;
    if (
      m !== DROP &&
      (m & 0xfc00) === 0xd800 &&
      !(i + 1 < to && ((src[i + 1] as number) & 0xfc00) === 0xdc00)
    )
      m = DROP;
    if (m === DROP) {
      gap = true;
      continue;
    }
    const digit = m >= 0x30 && m <= 0x39;
    if (gap && lastDigit && digit) dst[w++] = SEP;
    gap = false;
    lastDigit = digit;
    dst[w++] = m;
    if ((m & 0xfc00) === 0xd800) {
      i++;
      dst[w++] = src[i] as number;
    }
  }
  return w;
}

/** collectPatterns' flags of an entry's pattern (matcher.ts), from its normalised units. */
function entryFlags(u: Uint16Array, from: number, to: number, boundary: number): number {
  let allHan = to > from;
  let chars = 0;
  let ascii = to > from;
  for (let i = from; i < to; i++) {
    const c = u[i] as number;
    if ((c & 0xfc00) !== 0xdc00) chars++;
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39))) ascii = false;
    if (c < 0x4e00 || c > 0x9fff) allHan = false;
  }
  // outside the common block: the script property decides (an ASCII unit is never Han)
  let han = allHan;
  if (!allHan && to > from) {
    let asciiUnit = false;
    for (let i = from; i < to && !asciiUnit; i++) asciiUnit = (u[i] as number) < 0x80;
    han = !asciiUnit && HAN.test(unitsString(u, from, to));
  }
  const auto = boundary <= 1;
  const word = boundary === WORD || (auto && chars === 1 && han);
  return (
    (word ? FLAG_WORD : 0) |
    (boundary !== NONE && ascii ? FLAG_ASCII : 0) |
    (auto && han && chars >= 2 ? FLAG_FOLD : 0)
  );
}

/** Code points of units[from, to): a surrogate pair is one, a lone surrogate one too. */
function codePointsOf(u: Uint16Array, from: number, to: number): number {
  let n = to - from;
  for (let i = from; i + 1 < to; i++)
    if (((u[i] as number) & 0xfc00) === 0xd800 && ((u[i + 1] as number) & 0xfc00) === 0xdc00) {
      n--;
      i++;
    }
  return n;
}

/** Whether u[a, aEnd) and u[b, bEnd) hold the same units. */
function sameUnits(u: Uint16Array, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (let k = 0; a + k < aEnd; k++) if (u[a + k] !== u[b + k]) return false;
  return true;
}

/**
 * The variant tables by code unit, for keywords of ASCII and caseless CJK units only (mayVaryUnits
 * is 0xff for the others, whose forms the string generators make): keys are single units there.
 */
function substitutions(): {
  homophone: Map<number, readonly string[]>;
  lookalike: Map<number, readonly string[]>;
  split: Map<number, string>;
} {
  const byUnit = <T>(table: Readonly<Record<string, T>>): Map<number, T> => {
    const out = new Map<number, T>();
    for (const [k, v] of Object.entries(table)) if (k.length === 1) out.set(k.charCodeAt(0), v);
    return out;
  };
  return { homophone: byUnit(HOMOPHONES), lookalike: byUnit(LOOKALIKES), split: byUnit(SPLIT_CHARS) };
}

const isControl = (c: number): boolean => c < 0x20 || (c >= 0x7f && c <= 0x9f);

/** The defaults of the rows after a `#!` line, as a bare row reads them. */
interface BareRow {
  category: string;
  severity: Severity;
  boundary: Boundary | undefined;
  source: string | undefined;
}
const bareRow = (d: RowDefaults): BareRow => ({
  category: d.category || UNCLASSIFIED,
  severity: d.severity ?? 2,
  boundary: d.boundary,
  source: d.source ? d.source : undefined,
});

export function compilePlainLists(
  sources: readonly PlainSource[],
  riskIds: ReadonlySet<string>,
  options: PlainCompileOptions,
): PlainCompiled {
  const { table } = options;
  // entries: keyword units, note units, and the other fields as columns
  // Sized for the rows the text can hold (one a line, a keyword's units at most the text's), so
  // that no column grows while the rows are read: a column's first growth replaces its array,
  // which V8 had taken as constant, and threw away the optimised code of every function reading it.
  let chars = 0;
  let lines = 0;
  for (const { content } of sources) {
    chars += content.length;
    for (let at = content.indexOf('\n'); at >= 0; at = content.indexOf('\n', at + 1)) lines++;
    lines++;
  }
  const rows = lines + 16;
  const kw = u16s(chars + 16);
  const kwEnds = i32s(rows);
  const notes = u16s(1 << 12);
  const noteEnds = i32s(rows);
  const category = u16s(rows);
  const severity = u8s(rows);
  const boundary = u8s(rows);
  const oFile = i32s(rows);
  const oLine = i32s(rows);
  const source = i32s(rows);
  const categories: string[] = [];
  const catIndex = new Map<string, number>();
  const files: string[] = [];
  const fileIndex = new Map<string, number>();
  const sourceNames: string[] = [];
  const sourceIndex = new Map<string, number>();
  // patterns: the distinct normalised keywords (entry i's is pattern i), then variants' and allow phrases'
  const pats = new UnitStrings(rows, 2 * chars + 16);
  const patEntry = i32s(rows);
  const patFlags = u8s(rows);
  const issues: Issue[] = [];
  const duplicates: Duplicate[] = [];

  const indexOf = (map: Map<string, number>, list: string[], name: string): number => {
    let k = map.get(name);
    if (k === undefined) {
      k = list.push(name) - 1;
      map.set(name, k);
    }
    return k;
  };
  // most rows share the category (and source) of the row before: no Map read for them
  let lastCat = '';
  let lastCatIndex = -1;
  let lastSource = '';
  let lastSourceIndex = -1;
  const kwStart = (i: number): number => (i === 0 ? 0 : (kwEnds.a[i - 1] as number));
  const originOf = (i: number): string => `${files[oFile.a[i] as number]}:${oLine.a[i]}`;
  /** Counts the keyword held at kw[kw.n, end) as entry i with these fields (note: its end in notes). */
  const addEntry = (
    end: number,
    cat: string,
    sev: Severity,
    bnd: Boundary | undefined,
    src: string | undefined,
    file: number,
    line: number,
  ): number => {
    kw.n = end;
    kwEnds.push(end);
    noteEnds.push(notes.n);
    if (cat !== lastCat || lastCatIndex < 0) {
      lastCat = cat;
      lastCatIndex = indexOf(catIndex, categories, cat);
    }
    category.push(lastCatIndex);
    severity.push(sev);
    boundary.push(boundaryCode(bnd));
    oFile.push(file);
    oLine.push(line);
    if (src !== undefined && (src !== lastSource || lastSourceIndex < 0)) {
      lastSource = src;
      lastSourceIndex = indexOf(sourceIndex, sourceNames, src);
    }
    source.push(src === undefined ? -1 : lastSourceIndex);
    return kwEnds.n - 1;
  };

  for (const { name, content } of sources) {
    const libIssues: Issue[] = [];
    const mergeIssues: Issue[] = [];
    let unclassified = 0;
    let file = -1;
    const current: RowDefaults = { ...options.defaults };
    let rowDefaults: RowDefaults | undefined;
    let bare: BareRow | undefined;
    /**
     * The keyword held at kw[kw.n, end) (line `line`) merged as mergeLibraries does: counted as an
     * entry and a pattern when its normal form is new, else a duplicate (or empty) and dropped.
     */
    const merge = (
      end: number,
      cat: string,
      sev: Severity,
      bnd: Boundary | undefined,
      src: string | undefined,
      line: number,
      note?: string,
    ): void => {
      const from = kw.n;
      const to = normalizeInto(kw.a, from, end, table, pats.units);
      if (to === pats.units.n) {
        mergeIssues.push(
          issueOf({ file: `${name}:${line}` }, 'lexicon.issue.emptyNormalised', {
            keyword: unitsString(kw.a, from, end),
          }),
        );
        return;
      }
      const h = unitsHash(pats.units.a, pats.units.n, to);
      const prev = pats.find(to, h);
      if (prev >= 0) {
        duplicates.push({
          keyword: unitsString(kw.a, from, end),
          kept: originOf(prev),
          dropped: `${name}:${line}`,
          conflict: categories[category.a[prev] as number] !== cat,
        });
        return;
      }
      if (file < 0) file = indexOf(fileIndex, files, name);
      if (note) notes.n = writeString(notes, note);
      const i = addEntry(end, cat, sev, bnd, src, file, line);
      pats.add(to, h);
      patEntry.push(i);
      patFlags.push(entryFlags(pats.units.a, pats.start(i), to, boundaryCode(bnd)));
    };
    const base = content.charCodeAt(0) === 0xfeff ? 1 : 0;
    const len = content.length;
    let lineNo = 0;
    let nextTab = content.indexOf('\t', base);
    for (let at = base; at <= len; ) {
      let nl = content.indexOf('\n', at);
      if (nl < 0) nl = len;
      const rawTo = nl > at && content.charCodeAt(nl - 1) === 0x0d ? nl - 1 : nl;
      const rawFrom = at;
      at = nl + 1;
      lineNo++;
      let s = rawFrom;
      let e = rawTo;
      while (s < e && isTrimSpace(content.charCodeAt(s))) s++;
      while (e > s && isTrimSpace(content.charCodeAt(e - 1))) e--;
      if (s === e) continue;
      if (content.charCodeAt(s) === 0x23) {
        if (e - s >= 2 && content.charCodeAt(s + 1) === 0x21) {
          applyTxtHeader(content.slice(s, e), current);
          rowDefaults = { ...current };
          bare = undefined;
        }
        continue;
      }
      rowDefaults ??= { ...current };
      if (nextTab >= 0 && nextTab < rawFrom) nextTab = content.indexOf('\t', rawFrom);
      if (nextTab >= 0 && nextTab < rawTo) {
        // tab columns (rare in plain lists): the row is validated as parseTxtLibrary does
        const [keyword, cat, sev, note] = content
          .slice(rawFrom, rawTo)
          .split('\t')
          .map((x) => x.trim());
        const out: Validated = { entries: [], issues: libIssues, unclassified: 0 };
        validateRow(
          name,
          { line: lineNo, keyword, category: cat, severity: sev, note },
          riskIds,
          rowDefaults,
          out,
        );
        unclassified += out.unclassified;
        const entry = out.entries[0];
        if (entry)
          merge(
            writeString(kw, entry.keyword),
            entry.category,
            entry.severity,
            entry.boundary,
            entry.source,
            lineNo,
            entry.note,
          );
        continue;
      }
      // a bare keyword: validateRow's checks on the units
      if (e - s > MAX_KEYWORD_CHARS) {
        libIssues.push({
          file: name,
          line: lineNo,
          path: 'keyword',
          message: `keyword longer than ${MAX_KEYWORD_CHARS} characters`,
          key: 'lexicon.issue.tooLong',
          params: { max: MAX_KEYWORD_CHARS },
        });
        continue;
      }
      const u = kw.room(e - s);
      let w = kw.n;
      let control = false;
      for (let i = s; i < e; i++) {
        const c = content.charCodeAt(i);
        if (isControl(c)) control = true;
        u[w++] = c;
      }
      if (control) {
        const found = controlCharacter(content.slice(s, e));
        if (found) {
          libIssues.push({
            file: name,
            line: lineNo,
            path: 'keyword',
            message: found.message,
            key: 'lexicon.issue.control',
            params: { code: found.code, keyword: found.shown },
          });
          continue;
        }
      }
      bare ??= bareRow(rowDefaults);
      if (bare.category === UNCLASSIFIED) unclassified++;
      else if (!riskIds.has(bare.category)) {
        libIssues.push(
          issueOf({ file: name, line: lineNo, path: 'category' }, 'lexicon.issue.unknownRisk', {
            category: bare.category,
          }),
        );
        continue;
      }
      merge(w, bare.category, bare.severity, bare.boundary, bare.source, lineNo);
    }
    if (unclassified) libIssues.push(unclassifiedIssue(name, unclassified));
    appendAll(issues, libIssues);
    appendAll(issues, mergeIssues);
  }
  const listed = kwEnds.n;

  // variants of the high-severity keywords (variantEntries), each with its pattern (collectPatterns)
  const mask = familyMask(options.variants);
  const tables = substitutions();
  const forms = u16s(1 << 10);
  const formEnds = i32s(64);
  /** The forms of the keyword kw[from, to) one family makes, in familyForms' order, into forms. */
  const formsOf = (family: VariantFamily, from: number, to: number, any: boolean): void => {
    forms.n = 0;
    formEnds.n = 0;
    const emit = (end: number): void => {
      forms.n = end;
      formEnds.push(end);
    };
    if (any) {
      // units outside ASCII and the caseless CJK blocks: the string generators decide
      for (const v of familyForms(family, unitsString(kw.a, from, to))) emit(writeString(forms, v));
      return;
    }
    const k = kw.a;
    if (family === 'split') {
      let split = false;
      for (let i = from; i < to; i++) {
        const parts = tables.split.get(k[i] as number);
        if (parts === undefined) continue;
        split = true;
        emit(writeUnits(forms, k, i + 1, to, writeString(forms, parts, writeUnits(forms, k, from, i))));
      }
      if (!split) return;
      let w = forms.n;
      for (let i = from; i < to; i++) {
        const parts = tables.split.get(k[i] as number);
        w = parts === undefined ? writeUnits(forms, k, i, i + 1, w) : writeString(forms, parts, w);
      }
      emit(w);
      return;
    }
    const table = family === 'homophone' ? tables.homophone : tables.lookalike;
    for (let i = from; i < to; i++) {
      const c = k[i] as number;
      // look-alikes are looked up lower-cased (only ASCII letters have case here)
      const list = table.get(family === 'lookalike' && c >= 0x41 && c <= 0x5a ? c + 0x20 : c);
      if (list === undefined) continue;
      for (const sub of list)
        emit(writeUnits(forms, k, i + 1, to, writeString(forms, sub, writeUnits(forms, k, from, i))));
    }
  };
  const taken = new UnitStrings();
  for (let i = 0; i < listed && mask !== 0; i++) {
    if ((severity.a[i] as number) < VARIANT_MIN_SEVERITY) continue;
    const from = kwStart(i);
    const to = kwEnds.a[i] as number;
    const vary = mayVaryUnits(kw.a, from, to);
    const may = vary & mask;
    if (may === 0) continue;
    const n = codePointsOf(kw.a, from, to);
    if (n < 2 || n > VARIANT_MAX_LENGTH) continue;
    for (const family of options.variants) {
      if ((may & familyBit(family)) === 0) continue;
      formsOf(family, from, to, vary === 0xff);
      for (let f = 0; f < formEnds.n; f++) {
        const fFrom = f === 0 ? 0 : (formEnds.a[f - 1] as number);
        const fTo = formEnds.a[f] as number;
        const tTo = writeUnits(taken.units, forms.a, fFrom, fTo);
        const th = unitsHash(taken.units.a, taken.units.n, tTo);
        if (taken.find(tTo, th) >= 0) continue;
        const vEnd = writeUnits(kw, forms.a, fFrom, fTo);
        const pTo = normalizeInto(kw.a, kw.n, vEnd, table, pats.units);
        const empty = pTo === pats.units.n;
        const h = empty ? 0 : unitsHash(pats.units.a, pats.units.n, pTo);
        const prev = empty ? -1 : pats.find(pTo, h);
        // the form is a listed keyword itself (its normal form is that keyword's, and so are its units)
        if (
          prev >= 0 &&
          prev < listed &&
          sameUnits(kw.a, kwStart(prev), kwEnds.a[prev] as number, kw.n, vEnd)
        )
          continue;
        taken.add(tTo, th);
        notes.n = writeUnits(notes, kw.a, from, to, writeString(notes, `variant:${family} of `));
        const bnd = BOUNDARY_OF[boundary.a[i] as number];
        const src = source.a[i] as number;
        const j = addEntry(
          vEnd,
          categories[category.a[i] as number] as string,
          severity.a[i] as Severity,
          bnd,
          src < 0 ? undefined : sourceNames[src],
          -1,
          0,
        );
        if (empty || prev >= 0) continue;
        const p = pats.add(pTo, h);
        patEntry.push(j);
        patFlags.push(entryFlags(pats.units.a, pats.start(p), pTo, boundary.a[i] as number));
      }
    }
  }
  // allow phrases: a pattern of their own, or the allow flag on the keyword's
  const scratch = u16s(64);
  for (const phrase of options.allow ?? []) {
    scratch.n = 0;
    const end = writeString(scratch, phrase);
    const to = normalizeInto(scratch.a, 0, end, table, pats.units);
    if (to === pats.units.n) continue;
    const h = unitsHash(pats.units.a, pats.units.n, to);
    const prev = pats.find(to, h);
    if (prev >= 0) patFlags.a[prev] = (patFlags.a[prev] as number) | FLAG_ALLOW;
    else {
      pats.add(to, h);
      patEntry.push(-1);
      patFlags.push(FLAG_ALLOW);
    }
  }

  const units = pats.units.view();
  const ends = pats.ends.view();
  const automaton = options.build
    ? options.build(units, ends, table)
    : buildAutomaton(patternStrings(units, ends), table);
  const entryCols: EntryColumns = {
    entryCategory: category.view(),
    entrySeverity: severity.view(),
    entryBoundary: boundary.view(),
    originFile: oFile.view(),
    originLine: oLine.view(),
    keywordUnits: kw.view(),
    keywordEnds: kwEnds.view(),
    noteUnits: notes.view(),
    noteEnds: noteEnds.view(),
    sourceIndex: source.view(),
    categories,
    originFiles: files,
    sources: sourceNames,
    origins: {},
    contexts: {},
  };
  const normalize: NormalizeOptions = { ...DEFAULT_NORMALIZE };
  const bytes = serializeParts(
    {
      normalize,
      automaton,
      entries: entryCols,
      patterns: { patEntry: patEntry.view(), patFlags: patFlags.view() },
    },
    { shared: true, checksum: false },
  );

  // the listed entries as parseTxtLibrary makes them (its field order)
  const entryAt = (i: number): LexiconEntry => {
    const e: LexiconEntry = {
      keyword: unitsString(kw.a, kwStart(i), kwEnds.a[i] as number),
      category: categories[category.a[i] as number] as string,
      severity: severity.a[i] as Severity,
      origin: originOf(i),
    };
    const noteFrom = i === 0 ? 0 : (noteEnds.a[i - 1] as number);
    if ((noteEnds.a[i] as number) > noteFrom)
      e.note = unitsString(notes.a, noteFrom, noteEnds.a[i] as number);
    const b = BOUNDARY_OF[boundary.a[i] as number];
    if (b) e.boundary = b;
    const src = source.a[i] as number;
    if (src >= 0) e.source = sourceNames[src] as string;
    return e;
  };
  let made: LexiconEntry[] | undefined;
  const entries = (): LexiconEntry[] => {
    made ??= Array.from({ length: listed }, (_, i) => entryAt(i));
    return made;
  };

  // one-character keywords (keywordWarnings), from the patterns' lengths
  const single: LexiconEntry[] = [];
  const singleKeys: string[] = [];
  for (let i = 0; i < listed; i++) {
    const from = pats.start(i);
    const n = (ends[i] as number) - from;
    if (n === 1 || (n === 2 && ((units[from] as number) & 0xfc00) === 0xd800)) {
      single.push(entryAt(i));
      singleKeys.push(unitsString(units, from, from + n));
    }
  }
  return {
    bytes,
    keywords: listed,
    issues,
    duplicates,
    warnings: keywordWarnings(single, table, singleKeys),
    version: listed ? versionOf(listed) : libraryVersion([]),
    entries,
  };

  /** libraryVersion of the listed entries: from the units when their rows differ by keyword only. */
  function versionOf(n: number): string {
    const c = category.a[0] as number;
    const sv = severity.a[0] as number;
    const b = BOUNDARY_OF[boundary.a[0] as number] ?? 'auto';
    let uniform = true;
    for (let i = 1; i < n && uniform; i++)
      uniform =
        category.a[i] === c && severity.a[i] === sv && (BOUNDARY_OF[boundary.a[i] as number] ?? 'auto') === b;
    const version = uniform
      ? uniformVersion(kw.a, kwEnds.a, n, {
          category: categories[c] as string,
          severity: sv as Severity,
          boundary: b,
        })
      : undefined;
    return version ?? libraryVersion(entries());
  }
}

/** The patterns of a units column as strings (the JS build's input). */
function patternStrings(units: Uint16Array, ends: Int32Array): string[] {
  const out: string[] = new Array(ends.length);
  let from = 0;
  for (let k = 0; k < ends.length; k++) {
    out[k] = unitsString(units, from, ends[k] as number);
    from = ends[k] as number;
  }
  return out;
}
