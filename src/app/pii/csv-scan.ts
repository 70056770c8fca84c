import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { openBytes } from '../../corpus/blocks.js';
import { detectEncoding } from '../../corpus/encoding.js';
import { malformedEntry } from '../../corpus/malformed.js';
import {
  type CorpusEncoding,
  DEFAULT_BLOCK_BYTES,
  DEFAULT_MAX_RECORD_BYTES,
  type FileRange,
  type MalformedEntry,
} from '../../corpus/types.js';
import { BeianError } from '../../errors.js';
import { appendAll } from '../../util/array.js';
import { CsvSplitter } from '../../util/csv.js';
import { type CsvBatch, type CsvRow, processCsvBatch } from './csv-batch.js';
import { type BlockResult, mergeInto, newTotal, type Scanner } from './process-block.js';

export { csvCell } from './csv-batch.js';

/** Where and which part of a CSV file to read (a queued run's worker: queue/shards.ts CsvCutFinder). */
export interface CsvPiece {
  /** where to open the file (a worker may run in another folder than the submitter) */
  path: string;
  /** a record-aligned byte range; none reads the whole file */
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
 * Reads one CSV file (streaming) as batches of parsed rows of about `batchChars` characters, each
 * carrying what the header decided (--field columns, the source column): the batches can be
 * scanned on worker threads (processCsvBatch), in order. Bytes are counted as they are read. With
 * `piece.range`, only that byte range is read: a piece after the first takes the header and the
 * encoding from the file's head and holds no header row, so the pieces of a file, in order, give
 * the whole file's rows, line numbers and output. `stop` is checked between chunks.
 */
export async function* csvBatches(
  file: string,
  fields: readonly string[] | undefined,
  encoding: CorpusEncoding | undefined,
  onBytes: (n: number) => void,
  batchChars: number = DEFAULT_BLOCK_BYTES / 2,
  piece?: CsvPiece,
  stop: () => void = () => undefined,
): AsyncGenerator<CsvBatch> {
  const range = piece?.range;
  const later = piece !== undefined && range !== undefined && range.start > 0;
  let enc = encoding;
  if (later && !enc) enc = detectEncoding(await headBytes(piece.path, SNIFF_BYTES));
  const chunks = await openBytes(piece?.path ?? file, undefined, range);
  let decoder: ReturnType<typeof iconv.getDecoder> | undefined;
  let bytes = 0;
  async function* text(): AsyncGenerator<string> {
    for await (const c of chunks) {
      stop();
      onBytes(c.length);
      bytes += c.length;
      enc ??= detectEncoding(c.subarray(0, SNIFF_BYTES));
      // a BOM only opens a file: a later piece keeps a U+FEFF as a whole-file read does
      decoder ??= iconv.getDecoder(enc === 'utf8' ? 'utf8' : enc, later ? { stripBOM: false } : undefined);
      yield decoder.write(c);
    }
    const rest = decoder?.end();
    if (rest) yield rest;
  }
  let header: string[] | undefined;
  let chosen: number[] | undefined;
  let sourceColumn = -1;
  let rows: CsvRow[] = [];
  let headerAt = -1;
  let notes: MalformedEntry[] = [];
  let chars = 0;
  const batch = (): CsvBatch => {
    const b: CsvBatch = {
      kind: 'csv',
      file,
      bytes,
      header: header ?? [],
      sourceColumn,
      headerAt,
      notes,
      rows,
    };
    if (chosen) b.chosen = chosen;
    bytes = 0;
    rows = [];
    headerAt = -1;
    notes = [];
    chars = 0;
    return b;
  };
  if (later) {
    // the header a whole-file read took: its columns decide, it is neither written nor noted here
    const h = await csvHeader(piece.path, enc ?? 'utf8', range.start);
    if (!h) throw BeianError.of('INPUT_INVALID', 'queue.csvNoHeader', { file, line: range.firstLine });
    header = h;
    sourceColumn = h.indexOf('source');
    if (fields) {
      const cols = fields.map((f) => h.indexOf(f)).filter((i) => i >= 0);
      if (cols.length > 0) chosen = [...new Set(cols)];
    }
  }
  for await (const rec of csvRows(text(), range?.firstLine)) {
    if (!('bad' in rec) && header === undefined) {
      const { record, info } = rec;
      if (record[0]?.charCodeAt(0) === 0xfeff) record[0] = record[0].slice(1);
      header = record;
      sourceColumn = record.indexOf('source');
      if (fields) {
        const missing = fields.filter((f) => !record.includes(f));
        const cols = fields.map((f) => record.indexOf(f)).filter((i) => i >= 0);
        if (missing.length)
          notes.push(
            malformedEntry(
              file,
              info.lines,
              cols.length ? 'malformed.csv.noColumns' : 'malformed.csv.noColumnsAll',
              { columns: missing.map((m) => `"${m}"`).join(', ') },
            ),
          );
        if (cols.length > 0) chosen = [...new Set(cols)];
      }
      headerAt = rows.length;
    }
    rows.push(rec);
    if ('bad' in rec) chars += rec.bad.raw.length;
    else for (const c of rec.record) chars += c.length + 1;
    if (chars >= batchChars) yield batch();
  }
  if (rows.length > 0 || bytes > 0 || notes.length > 0) yield batch();
}

/**
 * Scans one CSV file row by row (streaming) on this thread and, when `write` is given, writes its
 * de-identified copy (see processCsvBatch). `beian pii` runs the same batches on its worker pool.
 */
export async function scanCsv(
  s: Scanner,
  file: string,
  fields: readonly string[] | undefined,
  encoding: CorpusEncoding | undefined,
  write: ((text: string) => Promise<void>) | undefined,
  onBytes: (n: number) => void,
): Promise<BlockResult> {
  const total = newTotal();
  for await (const b of csvBatches(file, fields, encoding, onBytes)) {
    const r = processCsvBatch(s, b);
    if (write && r.out) await write(r.out);
    mergeInto(total, r);
    appendAll(total.findings, r.findings);
  }
  return total;
}

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
