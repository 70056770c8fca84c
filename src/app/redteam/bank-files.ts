import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type ExcelJS from 'exceljs';
// the encoding module only: the corpus index also loads the scan's worker pool and readers
import { decodeBytes, detectEncoding, parseEncoding } from '../../corpus/encoding.js';
import { BeianError, issueOf } from '../../errors.js';
import type { Kb } from '../../kb/index.js';
import type { CategoryMaps } from '../../redteam/banks/category-map.js';
import {
  type ColumnMapping,
  duplicateIds,
  emptyResult,
  type ImportResult,
  jsonDocumentRecords,
  jsonRecordsToItems,
  mergeResults,
  parseCsvRecords,
  parseJsonlRecords,
  recordsToItems,
  type SourceRecord,
} from '../../redteam/banks/import.js';
import { lazyCategoryMaps } from './category-maps.js';

export interface ReadOptions {
  mapping?: ColumnMapping;
  /** the user's category maps (--map), before the shipped ones */
  mapFiles?: readonly string[];
  maps?: CategoryMaps;
  /** force an encoding (utf-8, gbk, gb18030); detected like `scan` otherwise */
  encoding?: string;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return String(v.result ?? '');
    if (v instanceof Date) return v.toISOString();
  }
  return String(v);
}

const stem = (file: string) => basename(file).replace(/\.[^.]+$/, '');

/** Reads every sheet of a workbook as header-row tables (the filers' layout has one sheet per bank). */
async function readXlsx(
  kb: Kb,
  file: string,
  mapping: ColumnMapping,
  maps: CategoryMaps,
): Promise<ImportResult> {
  // exceljs is heavy: loaded only when a workbook is read
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  await wb.xlsx.readFile(file);
  const out = emptyResult();
  wb.eachSheet((sheet) => {
    const headers: string[] = [];
    sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
      headers[col - 1] = cellText(cell.value).trim();
    });
    if (headers.length === 0) return;
    const records: { rec: Record<string, string>; line: number }[] = [];
    // only the rows that exist: a sheet may declare its last cell at row 1,048,576
    sheet.eachRow((row, r) => {
      if (r === 1) return;
      const rec: Record<string, string> = {};
      headers.forEach((h, i) => {
        if (h) rec[h] = cellText(row.getCell(i + 1).value);
      });
      records.push({ rec, line: r });
    });
    // a sheet named after a bank kind gives that kind to its rows
    const sheetKind = /非拒答/.test(sheet.name)
      ? 'should-not-refuse'
      : /拒答/.test(sheet.name)
        ? 'should-refuse'
        : /生成/.test(sheet.name)
          ? 'generation'
          : undefined;
    mergeResults(
      out,
      recordsToItems(kb, records, {
        mapping: { ...(sheetKind ? { defaultKind: sheetKind } : {}), ...mapping },
        maps,
        file: `${file}#${sheet.name}`,
        namespace: `${stem(file)}#${sheet.name}`,
      }),
    );
  });
  return out;
}

/** Text of a bank file: a forced encoding, else a UTF-8 BOM / strict UTF-8 / GB18030 as `scan` does. */
function readText(file: string, forced?: string): string {
  const bytes = readFileSync(file);
  let enc = forced ? parseEncoding(forced) : undefined;
  if (forced && !enc) throw BeianError.of('USAGE', 'redteam.import.unknownEncoding', { encoding: forced });
  enc ??= detectEncoding(bytes.subarray(0, 64 * 1024));
  return decodeBytes(bytes, enc).text.replace(/^\uFEFF/, '');
}

/** Reads one bank file by extension: .jsonl/.ndjson, .json, .csv, .xlsx. */
export async function readBankFile(kb: Kb, file: string, opts: ReadOptions = {}): Promise<ImportResult> {
  const mapping = opts.mapping ?? {};
  const maps = opts.maps ?? lazyCategoryMaps(opts.mapFiles);
  const ext = extname(file).toLowerCase();
  let text: string;
  try {
    if (ext === '.xlsx') return await readXlsx(kb, file, mapping, maps);
    text = readText(file, opts.encoding);
  } catch (cause) {
    if (cause instanceof BeianError) throw cause;
    throw BeianError.of(
      'NOT_FOUND',
      'redteam.import.cannotRead',
      { file, detail: (cause as Error).message },
      { cause },
    );
  }
  const ns = stem(file);
  if (ext === '.csv') {
    let records: SourceRecord[];
    try {
      records = parseCsvRecords(text);
    } catch (cause) {
      throw BeianError.of(
        'INPUT_INVALID',
        'redteam.import.badCsv',
        { file, detail: (cause as Error).message },
        { cause },
      );
    }
    return recordsToItems(kb, records, { mapping, maps, file, namespace: ns });
  }
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') {
    // a .json file may be one document (a list, or an object of lists) or JSON lines
    const trimmed = text.trimStart();
    let doc: unknown;
    let isDoc = false;
    if (ext === '.json' && (trimmed.startsWith('[') || trimmed.startsWith('{'))) {
      try {
        doc = JSON.parse(text);
        isDoc = true;
      } catch {
        isDoc = trimmed.startsWith('[');
        if (isDoc) throw BeianError.of('INPUT_INVALID', 'redteam.import.badJson', { file });
      }
    }
    const { records, issues } = isDoc ? jsonDocumentRecords(doc, file) : parseJsonlRecords(text, file);
    return jsonRecordsToItems(kb, records, issues, { mapping, maps, file, namespace: ns });
  }
  throw BeianError.of('USAGE', 'redteam.import.unknownType', { ext: ext || '—', file });
}

/**
 * Reads several bank files; a repeated id across them is an issue (and the repeat is dropped).
 * Benchmark layouts namespace their ids by file, so two files numbering rows 1..N both import.
 */
export async function readBanks(
  kb: Kb,
  files: readonly string[],
  mappingOrOpts: ColumnMapping | ReadOptions = {},
): Promise<ImportResult> {
  const opts: ReadOptions =
    'mapping' in mappingOrOpts ||
    'mapFiles' in mappingOrOpts ||
    'maps' in mappingOrOpts ||
    'encoding' in mappingOrOpts
      ? (mappingOrOpts as ReadOptions)
      : { mapping: mappingOrOpts as ColumnMapping };
  const maps = opts.maps ?? lazyCategoryMaps(opts.mapFiles);
  const out = emptyResult();
  for (const f of files) mergeResults(out, await readBankFile(kb, f, { ...opts, maps }));
  const dups = new Set(duplicateIds(out.items));
  if (dups.size === 0) return out;
  const seen = new Set<string>();
  out.items = out.items.filter((i) => {
    if (!dups.has(i.id)) return true;
    if (seen.has(i.id)) {
      out.issues.push(issueOf({ path: i.id }, 'redteam.import.duplicateId', { id: i.id }));
      out.rows.imported -= 1;
      out.rows.rejected += 1;
      return false;
    }
    seen.add(i.id);
    return true;
  });
  return out;
}
