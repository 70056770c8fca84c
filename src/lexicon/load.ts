import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { parse as ParseCsvSync } from 'csv-parse/sync';
import { issueOf, jsonReason, osReason } from '../errors.js';
import type { MessageKey, MessageParams } from '../i18n/index.js';
import { yaml } from '../util/yaml-lib.js';
import { detectLayout } from './layout-kind.js';
import type { LayoutOptions } from './layouts.js';
import {
  type LexiconLibrary,
  mapColumns,
  parseTxtLibrary,
  type RawRow,
  type RowDefaults,
  rowsToLibrary,
} from './library.js';
import type { LibraryRules } from './rules.js';

/** The starter library shipped with beian, one TXT file per risk (same path from src/ and dist/). */
export const STARTER_LEXICON_DIR = fileURLToPath(new URL('../../data/lexicons/starter/', import.meta.url));

/**
 * The default library shipped with beian (built by scripts/build-lexicon.ts from the konsheng and
 * houbb lists plus our own entries, curated on clean text; see docs/lexicon.md).
 */
export const DEFAULT_LEXICON_DIR = fileURLToPath(new URL('../../data/lexicons/default/', import.meta.url));

/** Context rules of the library layer (reporting cues), data/lexicons/context.yaml. */
export const LIBRARY_RULES_FILE = fileURLToPath(new URL('../../data/lexicons/context.yaml', import.meta.url));

/**
 * The rules as the build read them (dist/lexicon/context-rules.json, keyed by the YAML's sha256):
 * every scan loads them, and the yaml package plus one parse cost ~45 ms of CPU at start-up.
 */
export const LIBRARY_RULES_SNAPSHOT = fileURLToPath(new URL('./context-rules.json', import.meta.url));
const RULES_FORMAT = 'beian-context-rules/1';
const sha256 = (text: string): string => createHash('sha256').update(RULES_FORMAT).update(text).digest('hex');

function parseLibraryRules(file: string, text: string): LibraryRules {
  const raw = yaml().parse(text) as {
    'reporting-cues'?: { window?: unknown; words?: unknown };
  };
  const cues = raw['reporting-cues'];
  if (!cues || typeof cues.window !== 'number' || !Array.isArray(cues.words))
    throw new Error(`${file}: reporting-cues.window and .words are required`);
  return { reportingCues: { window: cues.window, words: cues.words.map(String) } };
}

/** Reads the library rules; a missing or malformed file is an internal error of the installation. */
export function loadLibraryRules(file = LIBRARY_RULES_FILE, snapshot = LIBRARY_RULES_SNAPSHOT): LibraryRules {
  const text = readFileSync(file, 'utf8');
  try {
    const snap = JSON.parse(readFileSync(snapshot, 'utf8')) as { hash?: string; rules?: LibraryRules };
    if (snap.hash === sha256(text) && snap.rules) return snap.rules;
  } catch {
    // no snapshot (under tsx, or not built yet): the YAML answers
  }
  return parseLibraryRules(file, text);
}

/** Writes the rules snapshot loadLibraryRules reads (the build's step, scripts/compile-data.mjs). */
export function writeLibraryRulesSnapshot(
  file = LIBRARY_RULES_FILE,
  snapshot = LIBRARY_RULES_SNAPSHOT,
): void {
  const text = readFileSync(file, 'utf8');
  const tmp = `${snapshot}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ hash: sha256(text), rules: parseLibraryRules(file, text) }));
  renameSync(tmp, snapshot);
}

/** Name accepted by `--lexicon` for the optional naughty-words Chinese list. */
export const NAUGHTY_WORDS = 'naughty-words';

function rowsFromTable(
  name: string,
  table: unknown[][],
  firstLine: number,
): { rows: RawRow[]; error?: string } {
  const [header, ...body] = table;
  const map = mapColumns((header ?? []).map((h) => String(h ?? '')));
  if (!map)
    return { rows: [], error: `${name}: no keyword column in the header (expected keyword or 关键词)` };
  const cell = (r: unknown[], i: number | undefined) => (i === undefined ? undefined : r[i]);
  const rows = body.map((r, i) => ({
    line: firstLine + i + 1,
    keyword: cell(r, map.keyword),
    category: cell(r, map.category),
    severity: cell(r, map.severity),
    note: cell(r, map.note),
    boundary: cell(r, map.boundary),
    source: cell(r, map.source),
    context: cell(r, map.context),
  }));
  return {
    rows: rows.filter(
      (r) => r.keyword !== undefined && r.keyword !== null && String(r.keyword).trim() !== '',
    ),
  };
}

async function xlsxTable(file: string): Promise<unknown[][]> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  const out: unknown[][] = [];
  ws?.eachRow({ includeEmpty: true }, (row) => {
    const values = (row.values as unknown[])
      .slice(1)
      .map((v) => (v !== null && typeof v === 'object' && 'text' in v ? (v as { text: unknown }).text : v));
    out.push(values);
  });
  return out;
}

/**
 * Loads one library: a file by extension — .txt (see parseTxtLibrary), .csv and .xlsx (a header row
 * with keyword/关键词, category/类别, severity/级别, note/备注, boundary, source/来源, context), .json (an
 * array of strings or of objects with those fields) — or a folder: houbb's dict + tags layout, or a
 * folder of one-word-a-line files categorised by a category map (layouts.ts). `naughty-words` loads
 * that package's zh.json (all entries A.1.6, medium). The single loading path of `lexicon`, `scan`
 * and the red-team keyword judge.
 */
export async function loadLexiconFile(
  file: string,
  riskIds: ReadonlySet<string>,
  defaults: RowDefaults = {},
  layout: Omit<LayoutOptions, 'defaults'> = {},
): Promise<LexiconLibrary> {
  if (file === NAUGHTY_WORDS) return naughtyWords(riskIds);
  const ext = extname(file).toLowerCase();
  const problem = (message: string, key?: MessageKey, params?: MessageParams): LexiconLibrary => ({
    name: file,
    entries: [],
    issues: [key ? issueOf({ file }, key, params) : { file, message }],
  });
  try {
    const kind = detectLayout(file);
    if (kind !== 'file') {
      // the importers (and zod, for their category maps) only for a folder
      const { loadFolder, loadHoubb } = await import('./layouts.js');
      return (kind === 'houbb' ? loadHoubb : loadFolder)(file, riskIds, { ...layout, defaults });
    }
    if (ext === '.xlsx') {
      const { rows, error } = rowsFromTable(file, await xlsxTable(file), 0);
      return error ? problem(error) : rowsToLibrary(file, rows, riskIds, defaults);
    }
    const content = readFileSync(file, 'utf8');
    if (ext === '.csv') {
      const { parse } = createRequire(import.meta.url)('csv-parse/sync') as { parse: typeof ParseCsvSync };
      const table = parse(content, {
        bom: true,
        relax_column_count: true,
        skip_empty_lines: false,
      }) as unknown[][];
      const { rows, error } = rowsFromTable(file, table, 1);
      return error ? problem(error) : rowsToLibrary(file, rows, riskIds, defaults);
    }
    if (ext === '.json') {
      const data = JSON.parse(content) as unknown;
      const list = Array.isArray(data) ? data : (data as { entries?: unknown[] })?.entries;
      if (!Array.isArray(list)) return problem('', 'lexicon.issue.notArray');
      const rows = list.map(
        (v, i): RawRow =>
          typeof v === 'string' ? { line: i + 1, keyword: v } : { line: i + 1, ...(v as object) },
      );
      return rowsToLibrary(file, rows, riskIds, defaults);
    }
    return parseTxtLibrary(file, content, riskIds, defaults);
  } catch (e) {
    return problem('', 'lexicon.issue.unreadable', {
      reason: e instanceof SyntaxError ? jsonReason(e) : osReason(e),
    });
  }
}

/** The naughty-words package's Chinese list (profanity and sexual terms), as an optional source. */
export function naughtyWords(riskIds: ReadonlySet<string>): LexiconLibrary {
  const require = createRequire(import.meta.url);
  const words = require('naughty-words/zh.json') as string[];
  const rows = words.map((w, i) => ({ line: i + 2, keyword: w, note: 'naughty-words zh.json' }));
  return rowsToLibrary('naughty-words/zh.json', rows, riskIds, { category: 'A.1.6', severity: 2 });
}

/** A shipped library folder: every .txt/.csv in it, in name order, named `<folder>/<file>`. */
async function loadShipped(
  riskIds: ReadonlySet<string>,
  dir: string,
  label: string,
): Promise<LexiconLibrary[]> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt') || f.endsWith('.csv'))
    .sort();
  return Promise.all(
    files.map((f) =>
      loadLexiconFile(join(dir, f), riskIds).then((l) => ({ ...l, name: `${label}/${basename(f)}` })),
    ),
  );
}

/** The small hand-written starter library (data/lexicons/starter), kept as an example of the TXT format. */
export const loadStarterLibraries = (riskIds: ReadonlySet<string>, dir = STARTER_LEXICON_DIR) =>
  loadShipped(riskIds, dir, 'starter');

/** The default library (data/lexicons/default): what every command uses without `--lexicon`. */
export const loadDefaultLibraries = (riskIds: ReadonlySet<string>, dir = DEFAULT_LEXICON_DIR) =>
  loadShipped(riskIds, dir, 'default');
