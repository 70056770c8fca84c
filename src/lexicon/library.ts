import type { Issue } from '../errors.js';
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
}

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
}

/**
 * A control character in a keyword is a broken row (b\x7f read as "b" would match B超): the row is
 * rejected, naming the character, rather than silently cleaned.
 */
export function controlCharacter(
  keyword: string,
): { message: string; code: string; shown: string } | undefined {
  const isControl = (c: number): boolean => c < 0x20 || (c >= 0x7f && c <= 0x9f);
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
}

/** Validates rows into entries; each bad row becomes an issue naming file, line and field. */
export function rowsToLibrary(
  name: string,
  rows: Iterable<RawRow>,
  riskIds: ReadonlySet<string>,
  defaults: RowDefaults = {},
): LexiconLibrary {
  const entries: LexiconEntry[] = [];
  const issues: Issue[] = [];
  for (const r of rows) {
    const keyword =
      typeof r.keyword === 'string'
        ? r.keyword.trim()
        : r.keyword === undefined
          ? ''
          : String(r.keyword).trim();
    if (!keyword) {
      issues.push({ file: name, line: r.line, path: 'keyword', message: 'empty keyword' });
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
    const category =
      (r.category === undefined || r.category === '' ? defaults.category : String(r.category).trim()) ?? '';
    if (!riskIds.has(category)) {
      issues.push({
        file: name,
        line: r.line,
        path: 'category',
        message: category
          ? `unknown risk id "${category}" (expected A.1.1 … A.5.2)`
          : 'no category (add a column or a "#! category=A.x.y" line)',
      });
      continue;
    }
    const severity = parseSeverity(r.severity) ?? defaults.severity ?? 2;
    if (r.severity !== undefined && r.severity !== '' && parseSeverity(r.severity) === undefined) {
      issues.push({
        file: name,
        line: r.line,
        path: 'severity',
        message: `severity "${String(r.severity)}" is not 1-3 / low|medium|high`,
      });
      continue;
    }
    const boundary = (['auto', 'word', 'none'] as const).find((b) => b === r.boundary) ?? defaults.boundary;
    const entry: LexiconEntry = { keyword, category, severity, origin: `${name}:${r.line}` };
    if (r.note !== undefined && r.note !== '') entry.note = String(r.note);
    if (boundary) entry.boundary = boundary;
    entries.push(entry);
  }
  return { name, entries, issues };
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
  const out = rowsToLibrary(name, [], riskIds);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line.startsWith('#!')) {
      for (const [, k, v] of line.slice(2).matchAll(/(\w+)=(\S+)/g)) {
        if (k === 'category') current.category = v;
        else if (k === 'severity') current.severity = parseSeverity(v) ?? current.severity;
        else if (k === 'boundary' && (v === 'auto' || v === 'word' || v === 'none')) current.boundary = v;
      }
      return;
    }
    if (!line || line.startsWith('#')) return;
    const [keyword, category, severity, note] = raw.split('\t').map((s) => s.trim());
    const lib = rowsToLibrary(name, [{ line: i + 1, keyword, category, severity, note }], riskIds, current);
    out.entries.push(...lib.entries);
    out.issues.push(...lib.issues);
  });
  return out;
}

/** Column names accepted in CSV/XLSX headers (English and Chinese). */
export const COLUMN_ALIASES: Record<keyof Omit<RawRow, 'line'>, readonly string[]> = {
  keyword: ['keyword', 'word', 'term', '关键词', '词'],
  category: ['category', 'risk', '类别', '风险', '风险类别'],
  severity: ['severity', 'level', '级别', '等级', '严重程度'],
  note: ['note', 'notes', '备注', '说明'],
  boundary: ['boundary', '边界'],
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
} {
  const seen = new Map<string, LexiconEntry>();
  const duplicates: Duplicate[] = [];
  const issues: Issue[] = [];
  for (const lib of libs) {
    issues.push(...lib.issues);
    for (const e of lib.entries) {
      const key = normalizeString(e.keyword, table);
      if (!key) {
        issues.push({
          message: `keyword "${e.keyword}" is empty after normalisation`,
          ...(e.origin ? { file: e.origin } : {}),
        });
        continue;
      }
      const prev = seen.get(key);
      if (prev)
        duplicates.push({
          keyword: e.keyword,
          kept: prev.origin ?? '',
          dropped: e.origin ?? '',
          conflict: prev.category !== e.category,
        });
      else seen.set(key, e);
    }
  }
  return { entries: [...seen.values()], duplicates, issues };
}
