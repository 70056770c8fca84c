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

const unclassifiedIssue = (file: string, n: number): Issue =>
  issueOf({ file, path: 'category' }, 'lexicon.issue.unclassified', { n, unclassified: UNCLASSIFIED });

const BOUNDARY_NAMES = ['auto', 'word', 'none'] as const;

function validateRows(
  name: string,
  rows: Iterable<RawRow>,
  riskIds: ReadonlySet<string>,
  defaults: RowDefaults,
): { entries: LexiconEntry[]; issues: Issue[]; unclassified: number } {
  const entries: LexiconEntry[] = [];
  const issues: Issue[] = [];
  let unclassified = 0;
  for (const r of rows) {
    const keyword =
      typeof r.keyword === 'string'
        ? r.keyword.trim()
        : r.keyword === undefined
          ? ''
          : String(r.keyword).trim();
    if (!keyword) {
      issues.push(issueOf({ file: name, line: r.line, path: 'keyword' }, 'lexicon.issue.emptyKeyword'));
      continue;
    }
    if (keyword.length > MAX_KEYWORD_CHARS) {
      issues.push({
        file: name,
        line: r.line,
        path: 'keyword',
        message: `keyword longer than ${MAX_KEYWORD_CHARS} characters`,
        key: 'lexicon.issue.tooLong',
        params: { max: MAX_KEYWORD_CHARS },
      });
      continue;
    }
    const control = controlCharacter(keyword);
    if (control) {
      issues.push({
        file: name,
        line: r.line,
        path: 'keyword',
        message: control.message,
        key: 'lexicon.issue.control',
        params: { code: control.code, keyword: control.shown },
      });
      continue;
    }
    const given = r.category === undefined || r.category === null ? '' : String(r.category).trim();
    const category = given || defaults.category || UNCLASSIFIED;
    if (category === UNCLASSIFIED) unclassified++;
    else if (!riskIds.has(category)) {
      issues.push(
        issueOf({ file: name, line: r.line, path: 'category' }, 'lexicon.issue.unknownRisk', { category }),
      );
      continue;
    }
    const stated = r.severity === undefined ? undefined : parseSeverity(r.severity);
    const severity = stated ?? defaults.severity ?? 2;
    if (r.severity !== undefined && r.severity !== '' && stated === undefined) {
      issues.push(
        issueOf({ file: name, line: r.line, path: 'severity' }, 'lexicon.issue.badSeverity', {
          value: String(r.severity),
        }),
      );
      continue;
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
    entries.push(entry);
  }
  return { entries, issues, unclassified };
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
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  // Defaults change along the file, so rows are grouped by the defaults in force.
  const groups: Array<{ defaults: RowDefaults; rows: RawRow[] }> = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const line = raw.trim();
    if (line.startsWith('#!')) {
      for (const [, k, v] of line.slice(2).matchAll(/(\w+)=(\S+)/g)) {
        if (k === 'category') current.category = v;
        else if (k === 'severity') current.severity = parseSeverity(v) ?? current.severity;
        else if (k === 'boundary' && (v === 'auto' || v === 'word' || v === 'none')) current.boundary = v;
        else if (k === 'source') current.source = v;
      }
      groups.push({ defaults: { ...current }, rows: [] });
      continue;
    }
    if (!line || line.startsWith('#')) continue;
    if (groups.length === 0) groups.push({ defaults: { ...current }, rows: [] });
    const rows = (groups[groups.length - 1] as { rows: RawRow[] }).rows;
    // a bare keyword (plain lists: every line) needs no split
    if (raw.indexOf('\t') < 0) {
      rows.push({ line: i + 1, keyword: line });
      continue;
    }
    const [keyword, category, severity, note] = raw.split('\t').map((s) => s.trim());
    rows.push({ line: i + 1, keyword, category, severity, note });
  }
  const out: LexiconLibrary = { name, entries: [], issues: [] };
  let unclassified = 0;
  for (const g of groups) {
    const v = validateRows(name, g.rows, riskIds, g.defaults);
    appendAll(out.entries, v.entries);
    appendAll(out.issues, v.issues);
    unclassified += v.unclassified;
  }
  if (unclassified) out.issues.push(unclassifiedIssue(name, unclassified));
  return out;
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
