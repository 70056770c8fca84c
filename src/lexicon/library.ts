import { type Issue, issueOf } from '../errors.js';
import { appendAll } from '../util/array.js';
import { buildNormTable, DEFAULT_NORMALIZE, normalizeString } from './normalize.js';
import type { Boundary, LexiconEntry, Severity } from './types.js';

/**
 * Keyword libraries: parsing of rows (from TXT, CSV, XLSX or JSON, see load.ts) into entries,
 * validation against the risk ids of the knowledge base, and merging with a duplicate report.
 * Pure: callers pass file contents and the list of valid risk ids.
 */
export interface LexiconLibrary {
  name: string;
  entries: LexiconEntry[];
  /** rows that could not be used, located by file and line */
  issues: Issue[];
  /** exemption phrases the library carries (houbb's allow-list) */
  allow?: string[];
}

/**
 * Category of keywords that come without one (a plain one-word-a-line list and no `--category`):
 * they are matched everywhere alike (scan, lexicon, red-team judge), counted in the total, and
 * reported as unclassified, never silently filed under a risk.
 */
export const UNCLASSIFIED = 'unclassified';

export interface Duplicate {
  keyword: string;
  /** origin (file:line) kept */
  kept: string;
  /** origin (file:line) dropped */
  dropped: string;
  /** true when the two rows disagree on the category */
  conflict: boolean;
}

const SEVERITY_WORDS: Record<string, Severity> = {
  '1': 1,
  '2': 2,
  '3': 3,
  low: 1,
  medium: 2,
  high: 3,
  低: 1,
  中: 2,
  高: 3,
};

export function parseSeverity(v: unknown): Severity | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  return SEVERITY_WORDS[String(v).trim().toLowerCase()];
}

export interface RowDefaults {
  category?: string;
  severity?: Severity;
  boundary?: Boundary;
  /** provenance given to entries that name none */
  source?: string;
}

/**
 * A control character in a keyword is a broken row (b\x7f read as "b" would match B超): the row is
 * rejected, naming the character, rather than silently cleaned.
 */
/** Keywords are words and short phrases; a longer "keyword" is a broken line, and would cost the automaton memory. */
export const MAX_KEYWORD_CHARS = 200;

export function controlCharacter(
  keyword: string,
): { message: string; code: string; shown: string } | undefined {
  const isControl = (c: number): boolean => c < 0x20 || (c >= 0x7f && c <= 0x9f);
  let i = 0;
  while (i < keyword.length && !isControl(keyword.charCodeAt(i))) i++;
  if (i === keyword.length) return undefined;
  let at = -1;
  let shown = '';
  for (let i = 0; i < keyword.length; i++) {
    const c = keyword.charCodeAt(i);
    if (isControl(c) && at < 0) at = c;
    shown += isControl(c) ? '\uFFFD' : keyword[i];
  }
  if (at < 0) return undefined;
  const code = at.toString(16).toUpperCase().padStart(4, '0');
  return { message: `control character U+${code} in keyword "${shown}" (row not loaded)`, code, shown };
}

/** One row of any format, with its location. */
export interface RawRow {
  line: number;
  keyword?: unknown;
  category?: unknown;
  severity?: unknown;
  note?: unknown;
  boundary?: unknown;
  /** provenance: the source list, or `beian` for our own entries */
  source?: unknown;
  /** words that must all occur in the record too (`a+b+c` conjunctions; `|`-separated in tables) */
  context?: unknown;
}

/** Validates rows into entries; each bad row becomes an issue naming file, line and field. */
export function rowsToLibrary(
  name: string,
  rows: Iterable<RawRow>,
  riskIds: ReadonlySet<string>,
  defaults: RowDefaults = {},
): LexiconLibrary {
  const { entries, issues, unclassified } = validateRows(name, rows, riskIds, defaults);
  if (unclassified) issues.push(unclassifiedIssue(name, unclassified));
  return { name, entries, issues };
}

export const unclassifiedIssue = (file: string, n: number): Issue =>
  issueOf({ file, path: 'category' }, 'lexicon.issue.unclassified', { n, unclassified: UNCLASSIFIED });

const BOUNDARY_NAMES = ['auto', 'word', 'none'] as const;

export interface Validated {
  entries: LexiconEntry[];
  issues: Issue[];
  unclassified: number;
}

function validateRows(
  name: string,
  rows: Iterable<RawRow>,
  riskIds: ReadonlySet<string>,
  defaults: RowDefaults,
): Validated {
  const out: Validated = { entries: [], issues: [], unclassified: 0 };
  for (const r of rows) validateRow(name, r, riskIds, defaults, out);
  return out;
}

/** One row into an entry or an issue, appended to `out`. */
export function validateRow(
  name: string,
  r: RawRow,
  riskIds: ReadonlySet<string>,
  defaults: RowDefaults,
  out: Validated,
): void {
  const keyword =
    typeof r.keyword === 'string'
      ? r.keyword.trim()
      : r.keyword === undefined
        ? ''
        : String(r.keyword).trim();
  if (!keyword) {
    out.issues.push(issueOf({ file: name, line: r.line, path: 'keyword' }, 'lexicon.issue.emptyKeyword'));
    return;
  }
  if (keyword.length > MAX_KEYWORD_CHARS) {
    out.issues.push({
      file: name,
      line: r.line,
      path: 'keyword',
      message: `keyword longer than ${MAX_KEYWORD_CHARS} characters`,
      key: 'lexicon.issue.tooLong',
      params: { max: MAX_KEYWORD_CHARS },
    });
    return;
  }
  const control = controlCharacter(keyword);
  if (control) {
    out.issues.push({
      file: name,
      line: r.line,
      path: 'keyword',
      message: control.message,
      key: 'lexicon.issue.control',
      params: { code: control.code, keyword: control.shown },
    });
    return;
  }
  const given = r.category === undefined || r.category === null ? '' : String(r.category).trim();
  const category = given || defaults.category || UNCLASSIFIED;
  if (category === UNCLASSIFIED) out.unclassified++;
  else if (!riskIds.has(category)) {
    out.issues.push(
      issueOf({ file: name, line: r.line, path: 'category' }, 'lexicon.issue.unknownRisk', { category }),
    );
    return;
  }
  const stated = r.severity === undefined ? undefined : parseSeverity(r.severity);
  const severity = stated ?? defaults.severity ?? 2;
  if (r.severity !== undefined && r.severity !== '' && stated === undefined) {
    out.issues.push(
      issueOf({ file: name, line: r.line, path: 'severity' }, 'lexicon.issue.badSeverity', {
        value: String(r.severity),
      }),
    );
    return;
  }
  const boundary =
    r.boundary === undefined ? defaults.boundary : (boundaryName(r.boundary) ?? defaults.boundary);
  const entry: LexiconEntry = { keyword, category, severity, origin: `${name}:${r.line}` };
  if (r.note !== undefined && r.note !== '') entry.note = String(r.note);
  if (boundary) entry.boundary = boundary;
  if (r.source !== undefined && r.source !== null && r.source !== '') entry.source = String(r.source);
  if (r.context !== undefined) {
    const context = contextOf(r.context);
    if (context.length) entry.context = context;
  }
  if (defaults.source && !entry.source) entry.source = defaults.source;
  out.entries.push(entry);
}

const boundaryName = (v: unknown): Boundary | undefined => BOUNDARY_NAMES.find((b) => b === v);

function contextOf(v: unknown): string[] {
  if (Array.isArray(v)) return v.map((x) => String(x).trim()).filter(Boolean);
  if (typeof v === 'string')
    return v
      .split('|')
      .map((x) => x.trim())
      .filter(Boolean);
  return [];
}

/** A TXT `#! key=value …` line (trimmed) into the defaults in force after it. */
export function applyTxtHeader(line: string, current: RowDefaults): void {
  for (const [, k, v] of line.slice(2).matchAll(/(\w+)=(\S+)/g)) {
    if (k === 'category') current.category = v;
    else if (k === 'severity') current.severity = parseSeverity(v) ?? current.severity;
    else if (k === 'boundary' && (v === 'auto' || v === 'word' || v === 'none')) current.boundary = v;
    else if (k === 'source') current.source = v;
  }
}

/**
 * Parses the TXT format: one keyword a line, optional `\tcategory\tseverity\tnote`; `#` starts a
 * comment; a `#! category=A.1.6 severity=3 boundary=word` line sets defaults for the lines after it.
 */
export function parseTxtLibrary(
  name: string,
  content: string,
  riskIds: ReadonlySet<string>,
  defaults: RowDefaults = {},
): LexiconLibrary {
  const current: RowDefaults = { ...defaults };
  const text = content.replace(/^\uFEFF/, '');
  // Each row is validated as it is read, with the defaults in force since the last `#!` line (or
  // the file's start): entries and issues in line order, and no row or line array that outlives
  // the parse (at 50k keywords they were copied by every young-generation GC until the end).
  const out: Validated = { entries: [], issues: [], unclassified: 0 };
  let rowDefaults: RowDefaults | undefined;
  let lineNo = 0;
  for (let at = 0; at <= text.length; ) {
    let nl = text.indexOf('\n', at);
    if (nl < 0) nl = text.length;
    const stop = nl > at && text.charCodeAt(nl - 1) === 0x0d ? nl - 1 : nl;
    const raw = text.slice(at, stop);
    at = nl + 1;
    lineNo++;
    const line = raw.trim();
    if (line.startsWith('#!')) {
      applyTxtHeader(line, current);
      rowDefaults = { ...current };
      continue;
    }
    if (!line || line.startsWith('#')) continue;
    rowDefaults ??= { ...current };
    // a bare keyword (plain lists: every line) needs no split
    if (raw.indexOf('\t') < 0) {
      validateRow(name, { line: lineNo, keyword: line }, riskIds, rowDefaults, out);
      continue;
    }
    const [keyword, category, severity, note] = raw.split('\t').map((s) => s.trim());
    validateRow(name, { line: lineNo, keyword, category, severity, note }, riskIds, rowDefaults, out);
  }
  if (out.unclassified) out.issues.push(unclassifiedIssue(name, out.unclassified));
  return { name, entries: out.entries, issues: out.issues };
}

/** Column names accepted in CSV/XLSX headers (English and Chinese). */
export const COLUMN_ALIASES: Record<keyof Omit<RawRow, 'line'>, readonly string[]> = {
  keyword: ['keyword', 'word', 'term', '关键词', '词'],
  category: ['category', 'risk', '类别', '风险', '风险类别'],
  severity: ['severity', 'level', '级别', '等级', '严重程度'],
  note: ['note', 'notes', '备注', '说明'],
  boundary: ['boundary', '边界'],
  source: ['source', 'provenance', '来源'],
  context: ['context', '上下文', '共现'],
};

/** Maps a header row to field positions; undefined when no keyword column exists. */
export function mapColumns(
  header: readonly string[],
): Partial<Record<keyof Omit<RawRow, 'line'>, number>> | undefined {
  const norm = header.map((h) => h.trim().toLowerCase());
  const map: Partial<Record<keyof Omit<RawRow, 'line'>, number>> = {};
  for (const [field, names] of Object.entries(COLUMN_ALIASES) as Array<
    [keyof Omit<RawRow, 'line'>, readonly string[]]
  >) {
    const i = norm.findIndex((h) => names.includes(h));
    if (i >= 0) map[field] = i;
  }
  return map.keyword === undefined ? undefined : map;
}

/**
 * Merges libraries in order. Two entries are duplicates when their keywords normalise to the
 * same string (色情 / 色 情 / 色情 in traditional form); the first is kept and every drop reported.
 */
export function mergeLibraries(
  libs: readonly LexiconLibrary[],
  table = buildNormTable(DEFAULT_NORMALIZE),
): {
  entries: LexiconEntry[];
  duplicates: Duplicate[];
  issues: Issue[];
  /**
   * The entries' normalised keywords (distinct, in entry order) and the index of each: the first
   * patterns of their matcher, handed to compileLexicon so that it does not normalise and hash
   * every keyword again (CompileOptions.keys).
   */
  keys: string[];
  keyIndex: Map<string, number>;
} {
  const keyIndex = new Map<string, number>();
  const entries: LexiconEntry[] = [];
  const keys: string[] = [];
  const duplicates: Duplicate[] = [];
  const issues: Issue[] = [];
  for (const lib of libs) {
    appendAll(issues, lib.issues);
    for (const e of lib.entries) {
      const key = normalizeString(e.keyword, table);
      if (!key) {
        issues.push(
          issueOf(e.origin ? { file: e.origin } : {}, 'lexicon.issue.emptyNormalised', {
            keyword: e.keyword,
          }),
        );
        continue;
      }
      const prev = keyIndex.get(key);
      if (prev !== undefined) {
        const kept = entries[prev] as LexiconEntry;
        duplicates.push({
          keyword: e.keyword,
          kept: kept.origin ?? '',
          dropped: e.origin ?? '',
          conflict: kept.category !== e.category,
        });
      } else {
        keyIndex.set(key, entries.length);
        entries.push(e);
        keys.push(key);
      }
    }
  }
  return { entries, duplicates, issues, keys, keyIndex };
}
