import iconv from 'iconv-lite';
import { openBytes } from '../../corpus/blocks.js';
import { detectEncoding } from '../../corpus/encoding.js';
import { malformedEntry } from '../../corpus/malformed.js';
import { type CorpusEncoding, DEFAULT_MAX_RECORD_BYTES } from '../../corpus/types.js';
import type { MessageRef } from '../../i18n/index.js';
import { CsvSplitter } from '../../util/csv.js';
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

/**
 * Scans one CSV file row by row (streaming) and, when `write` is given, writes its de-identified
 * copy: every column is scanned unless `fields` names some (a phone or ID column is as personal as
 * the text column), other cells are copied as parsed, output is UTF-8 with the same header. The
 * re-scan reads every written cell. Rows whose column count differs from the header are reported
 * as malformed and scanned cell by cell.
 */
export async function scanCsv(
  s: Scanner,
  file: string,
  fields: readonly string[] | undefined,
  encoding: CorpusEncoding | undefined,
  write: ((text: string) => Promise<void>) | undefined,
  onBytes: (n: number) => void,
): Promise<BlockResult> {
  const r = newTotal();
  const chunks = await openBytes(file);
  let enc = encoding;
  let decoder: ReturnType<typeof iconv.getDecoder> | undefined;
  async function* text(): AsyncGenerator<string> {
    for await (const c of chunks) {
      onBytes(c.length);
      r.bytes += c.length;
      enc ??= detectEncoding(c.subarray(0, 64 * 1024));
      decoder ??= iconv.getDecoder(enc === 'utf8' ? 'utf8' : enc);
      yield decoder.write(c);
    }
    const rest = decoder?.end();
    if (rest) yield rest;
  }
  let header: string[] | undefined;
  let chosen: Set<number> | undefined;
  let sourceColumn = -1;
  const emit = async (cells: string[]) => {
    if (write) await write(`${cells.map(csvCell).join(',')}\n`);
  };
  for await (const rec of csvRows(text())) {
    if ('bad' in rec) {
      // an unclosed quote: reported, and its line still de-identified as plain text when writing
      r.malformed.push(
        malformedEntry(file, rec.bad.line, 'malformed.invalidCsv', { reason: rec.bad.reason }),
      );
      const clean = scanRecord(s, r, file, rec.bad.line, rec.bad.raw, undefined, undefined, false);
      if (write) await write(`${clean}\n`);
      continue;
    }
    const { record, info } = rec;
    if (header === undefined) {
      if (record[0]?.charCodeAt(0) === 0xfeff) record[0] = record[0].slice(1);
      header = record;
      sourceColumn = record.indexOf('source');
      if (fields) {
        const missing = fields.filter((f) => !record.includes(f));
        chosen = new Set(fields.map((f) => record.indexOf(f)).filter((i) => i >= 0));
        if (missing.length)
          r.malformed.push(
            malformedEntry(
              file,
              info.lines,
              chosen.size ? 'malformed.csv.noColumns' : 'malformed.csv.noColumnsAll',
              {
                columns: missing.map((m) => `"${m}"`).join(', '),
              },
            ),
          );
        if (chosen.size === 0) chosen = undefined;
      }
      // the header is written too: the re-scan reads it (a column named after a person is PI as well)
      if (write) for (const c of record) r.residualHigh += residualIn(s, c);
      await emit(record);
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
    const names = header;
    const idx = record.flatMap((_, i) => (scanned[i] ? [i] : []));
    const out = scanTexts(
      s,
      r,
      file,
      info.lines,
      idx.map((i) => record[i] ?? ''),
      idx.map((i) => names[i] ?? String(i)),
      source,
    );
    const cells = record.slice();
    for (const [k, i] of idx.entries()) cells[i] = out[k] ?? '';
    // cells left out by --field are copied as they were: the re-scan still reads them
    if (write)
      for (const [i, cell] of record.entries()) if (!scanned[i]) r.residualHigh += residualIn(s, cell);
    if (ok) r.records++;
    await emit(cells);
  }
  return r;
}

type CsvRow =
  | { record: string[]; info: { lines: number } }
  | { bad: { line: number; reason: MessageRef; raw: string } };

/** Records of a decoded CSV text stream, resynchronised after a bad quote (util/csv.ts). */
async function* csvRows(text: AsyncIterable<string>): AsyncGenerator<CsvRow> {
  let out: CsvRow[] = [];
  const splitter = new CsvSplitter(
    ',',
    (record, lines) => out.push({ record, info: { lines } }),
    (line, reason, raw) => out.push({ bad: { line, reason, raw } }),
    DEFAULT_MAX_RECORD_BYTES,
  );
  for await (const chunk of text) {
    splitter.push(chunk);
    const ready = out;
    out = [];
    yield* ready;
  }
  splitter.end();
  yield* out;
}
