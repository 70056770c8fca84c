import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { openBytes } from '../../corpus/blocks.js';
import { detectEncoding } from '../../corpus/encoding.js';
import { malformedEntry } from '../../corpus/malformed.js';
import { type CorpusEncoding, DEFAULT_MAX_RECORD_BYTES, type FileRange } from '../../corpus/types.js';
import { BeianError } from '../../errors.js';
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

/** A record-aligned piece of a CSV file (queue/shards.ts CsvCutFinder), read by a queued run's worker. */
export interface CsvPiece {
  /** where to open the file (a worker may run in another folder than the submitter) */
  path: string;
  /** the byte range; none reads the whole file */
  range?: FileRange;
}

/** What a whole-file read decides from the file's first bytes: a later piece reads them too. */
const SNIFF_BYTES = 64 * 1024;

async function headBytes(path: string, n: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/**
 * Scans one CSV file row by row (streaming) and, when `write` is given, writes its de-identified
 * copy: every column is scanned unless `fields` names some (a phone or ID column is as personal as
 * the text column), other cells are copied as parsed, output is UTF-8 with the same header. The
 * re-scan reads every written cell. Rows whose column count differs from the header are reported
 * as malformed and scanned cell by cell. With `piece`, only that byte range is read: a piece after
 * the first takes the header and encoding from the file's head and writes no header, so the pieces
 * of a file, concatenated, are the whole file's output.
 */
export async function scanCsv(
  s: Scanner,
  file: string,
  fields: readonly string[] | undefined,
  encoding: CorpusEncoding | undefined,
  write: ((text: string) => Promise<void>) | undefined,
  onBytes: (n: number) => void,
  piece?: CsvPiece,
  stop: () => void = () => undefined,
): Promise<BlockResult> {
  const r = newTotal();
  const range = piece?.range;
  const later = piece !== undefined && range !== undefined && range.start > 0;
  let enc = encoding;
  if (later && !enc) enc = detectEncoding(await headBytes(piece.path, SNIFF_BYTES));
  const chunks = await openBytes(piece?.path ?? file, undefined, range);
  let decoder: ReturnType<typeof iconv.getDecoder> | undefined;
  async function* text(): AsyncGenerator<string> {
    for await (const c of chunks) {
      stop();
      onBytes(c.length);
      r.bytes += c.length;
      enc ??= detectEncoding(c.subarray(0, SNIFF_BYTES));
      // a BOM only opens a file: a later piece keeps a U+FEFF as a whole-file read does
      decoder ??= iconv.getDecoder(enc === 'utf8' ? 'utf8' : enc, later ? { stripBOM: false } : undefined);
      yield decoder.write(c);
    }
    const rest = decoder?.end();
    if (rest) yield rest;
  }
  let header: string[] | undefined;
  let chosen: Set<number> | undefined;
  let sourceColumn = -1;
  const useHeader = (record: string[]): string[] => {
    if (record[0]?.charCodeAt(0) === 0xfeff) record[0] = record[0].slice(1);
    header = record;
    sourceColumn = record.indexOf('source');
    if (!fields) return [];
    const missing = fields.filter((f) => !record.includes(f));
    chosen = new Set(fields.map((f) => record.indexOf(f)).filter((i) => i >= 0));
    if (chosen.size === 0) chosen = undefined;
    return missing;
  };
  if (later) {
    const h = await csvHeader(piece.path, enc ?? 'utf8', range.start);
    if (!h) throw BeianError.of('INPUT_INVALID', 'queue.csvNoHeader', { file, line: range.firstLine });
    useHeader(h);
  }
  const emit = async (cells: string[]) => {
    if (write) await write(`${cells.map(csvCell).join(',')}\n`);
  };
  for await (const rec of csvRows(text(), range?.firstLine)) {
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
      const missing = useHeader(record);
      if (missing.length)
        r.malformed.push(
          malformedEntry(
            file,
            info.lines,
            chosen ? 'malformed.csv.noColumns' : 'malformed.csv.noColumnsAll',
            {
              columns: missing.map((m) => `"${m}"`).join(', '),
            },
          ),
        );
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

/** The header a whole-file read takes (its first well-formed record), from the bytes before `end`. */
async function csvHeader(path: string, enc: CorpusEncoding, end: number): Promise<string[] | undefined> {
  const decoder = iconv.getDecoder(enc === 'utf8' ? 'utf8' : enc);
  async function* text(): AsyncGenerator<string> {
    for await (const c of await openBytes(path, undefined, { start: 0, end, firstLine: 1 }))
      yield decoder.write(c);
    const rest = decoder.end();
    if (rest) yield rest;
  }
  for await (const rec of csvRows(text())) {
    if ('bad' in rec) continue;
    const record = rec.record;
    if (record[0]?.charCodeAt(0) === 0xfeff) record[0] = record[0].slice(1);
    return record;
  }
  return undefined;
}

/** Records of a decoded CSV text stream, resynchronised after a bad quote (util/csv.ts). */
async function* csvRows(text: AsyncIterable<string>, firstLine = 1): AsyncGenerator<CsvRow> {
  let out: CsvRow[] = [];
  const splitter = new CsvSplitter(
    ',',
    (record, lines) => out.push({ record, info: { lines } }),
    (line, reason, raw) => out.push({ bad: { line, reason, raw } }),
    DEFAULT_MAX_RECORD_BYTES,
    firstLine,
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
