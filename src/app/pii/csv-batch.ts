import { malformedEntry } from '../../corpus/malformed.js';
import type { MalformedEntry } from '../../corpus/types.js';
import type { MessageRef } from '../../i18n/index.js';
import { appendAll } from '../../util/array.js';
import {
  type BlockResult,
  newTotal,
  residualIn,
  type Scanner,
  scanRecord,
  scanTexts,
} from './process-block.js';

/** RFC 4180 quoting: only when needed. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A parsed CSV record with its last line number, or a line the splitter could not read. */
export type CsvRow =
  | { record: string[]; info: { lines: number } }
  | { bad: { line: number; reason: MessageRef; raw: string } };

/**
 * Consecutive rows of one CSV file, parsed, with what the header decided: a worker task (structured
 * clone) or a step of the one-thread loop. Everything but the parsing happens in processCsvBatch.
 */
export interface CsvBatch {
  kind: 'csv';
  file: string;
  /** bytes of the file read for this batch (totals and progress) */
  bytes: number;
  header: string[];
  /** the columns --field chose (undefined: every column) */
  chosen?: number[];
  /** index of the `source` column, -1 without one */
  sourceColumn: number;
  /** index in `rows` of the header row (written and re-scanned, not counted), -1 when not in this batch */
  headerAt: number;
  /** problems found reading the header (a --field column missing), reported before the rows */
  notes: MalformedEntry[];
  rows: CsvRow[];
}

/**
 * Scans a batch of CSV rows and, when redacting, returns their de-identified text in `out`: every
 * column is scanned unless --field chose some (a phone or ID column is as personal as the text
 * column), other cells are copied as parsed and re-scanned, output is UTF-8 with the same header.
 * Rows whose column count differs from the header are reported as malformed and scanned cell by
 * cell; a line the splitter could not read is reported and still de-identified as plain text. Pure.
 */
export function processCsvBatch(s: Scanner, b: CsvBatch): BlockResult {
  const r = newTotal();
  r.bytes = b.bytes;
  appendAll(r.malformed, b.notes);
  const { file, header, sourceColumn } = b;
  const chosen = b.chosen ? new Set(b.chosen) : undefined;
  const write = s.options.redact;
  const parts: string[] = [];
  const emit = (cells: string[]) => {
    if (write) parts.push(`${cells.map(csvCell).join(',')}\n`);
  };
  for (const [n, rec] of b.rows.entries()) {
    if ('bad' in rec) {
      // an unclosed quote: reported, and its line still de-identified as plain text when writing
      r.malformed.push(
        malformedEntry(file, rec.bad.line, 'malformed.invalidCsv', { reason: rec.bad.reason }),
      );
      const clean = scanRecord(s, r, file, rec.bad.line, rec.bad.raw, undefined, undefined, false);
      if (write) parts.push(`${clean}\n`);
      continue;
    }
    const { record, info } = rec;
    if (n === b.headerAt) {
      // the header is written too: the re-scan reads it (a column named after a person is PI as well)
      if (write) for (const c of record) r.residualHigh += residualIn(s, c);
      emit(record);
      continue;
    }
    const ok = record.length === header.length;
    if (!ok)
      r.malformed.push(
        malformedEntry(file, info.lines, 'malformed.csv.columnCount', {
          expected: header.length,
          found: record.length,
        }),
      );
    const source = ok && sourceColumn >= 0 ? record[sourceColumn] : undefined;
    const scanned = record.map((_, i) => !(ok && chosen && !chosen.has(i)));
    const idx = record.flatMap((_, i) => (scanned[i] ? [i] : []));
    const out = scanTexts(
      s,
      r,
      file,
      info.lines,
      idx.map((i) => record[i] ?? ''),
      idx.map((i) => header[i] ?? String(i)),
      source,
    );
    const cells = record.slice();
    for (const [k, i] of idx.entries()) cells[i] = out[k] ?? '';
    // cells left out by --field are copied as they were: the re-scan still reads them
    if (write)
      for (const [i, cell] of record.entries()) if (!scanned[i]) r.residualHigh += residualIn(s, cell);
    if (ok) r.records++;
    emit(cells);
  }
  if (write) r.out = parts.join('');
  return r;
}
