import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type ExcelJS from 'exceljs';
import { BeianError, type Issue } from '../../errors.js';
import type { Kb } from '../../kb/index.js';
import {
  type ColumnMapping,
  duplicateIds,
  type ImportResult,
  parseCsvRows,
  parseJsonl,
  rowsToItems,
} from '../../redteam/banks/import.js';
import type { BankItem } from '../../redteam/banks/schema.js';

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

/** Reads every sheet of a workbook as header-row tables (the filers' layout has one sheet per bank). */
async function readXlsx(kb: Kb, file: string, mapping: ColumnMapping): Promise<ImportResult> {
  // exceljs is heavy: loaded only when a workbook is read
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  await wb.xlsx.readFile(file);
  const out: ImportResult = { items: [], issues: [] };
  wb.eachSheet((sheet) => {
    const headers: string[] = [];
    sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
      headers[col - 1] = cellText(cell.value).trim();
    });
    if (headers.length === 0) return;
    const rows: Record<string, string>[] = [];
    for (let r = 2; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const rec: Record<string, string> = {};
      headers.forEach((h, i) => {
        if (h) rec[h] = cellText(row.getCell(i + 1).value);
      });
      rows.push(rec);
    }
    // a sheet named after a bank kind gives that kind to its rows
    const sheetKind = /非拒答/.test(sheet.name)
      ? 'should-not-refuse'
      : /拒答/.test(sheet.name)
        ? 'should-refuse'
        : /生成/.test(sheet.name)
          ? 'generation'
          : undefined;
    const r = rowsToItems(kb, rows, { defaultKind: sheetKind, ...mapping }, `${file}#${sheet.name}`);
    out.items.push(...r.items);
    out.issues.push(...r.issues);
  });
  return out;
}

/** Reads one bank file by extension: .jsonl/.json, .csv, .xlsx. */
export async function readBankFile(kb: Kb, file: string, mapping: ColumnMapping = {}): Promise<ImportResult> {
  const ext = extname(file).toLowerCase();
  let text: string;
  try {
    if (ext === '.xlsx') return await readXlsx(kb, file, mapping);
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    if (cause instanceof BeianError) throw cause;
    throw new BeianError('NOT_FOUND', `Cannot read the bank file ${file}: ${(cause as Error).message}`, {
      cause,
    });
  }
  if (ext === '.csv') {
    let rows: Record<string, string>[];
    try {
      rows = parseCsvRows(text);
    } catch (cause) {
      throw new BeianError('INPUT_INVALID', `${file} is not valid CSV: ${(cause as Error).message}`, {
        cause,
      });
    }
    return rowsToItems(kb, rows, mapping, file);
  }
  if (ext === '.jsonl' || ext === '.json' || ext === '.ndjson') return parseJsonl(kb, text, file, mapping);
  throw new BeianError(
    'USAGE',
    `Unknown bank file type ${ext || '(none)'} for ${file}: use .jsonl, .csv or .xlsx`,
  );
}

/** Reads several bank files; a repeated id across them is an issue (and the repeat is dropped). */
export async function readBanks(
  kb: Kb,
  files: readonly string[],
  mapping: ColumnMapping = {},
): Promise<{ items: BankItem[]; issues: Issue[] }> {
  const items: BankItem[] = [];
  const issues: Issue[] = [];
  for (const f of files) {
    const r = await readBankFile(kb, f, mapping);
    items.push(...r.items);
    issues.push(...r.issues);
  }
  const dups = new Set(duplicateIds(items));
  if (dups.size === 0) return { items, issues };
  const seen = new Set<string>();
  const unique = items.filter((i) => {
    if (!dups.has(i.id)) return true;
    if (seen.has(i.id)) {
      issues.push({ path: i.id, message: `duplicate item id "${i.id}": the repeat is skipped` });
      return false;
    }
    seen.add(i.id);
    return true;
  });
  return { items: unique, issues };
}
