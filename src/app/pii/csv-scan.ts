import iconv from 'iconv-lite';
import { openBytes } from '../../corpus/blocks.js';
import { detectEncoding } from '../../corpus/encoding.js';
import { malformedEntry } from '../../corpus/malformed.js';
import {
  type CorpusEncoding,
  DEFAULT_BLOCK_BYTES,
  DEFAULT_MAX_RECORD_BYTES,
  type MalformedEntry,
} from '../../corpus/types.js';
import { appendAll } from '../../util/array.js';
import { CsvSplitter } from '../../util/csv.js';
import { type CsvBatch, type CsvRow, processCsvBatch } from './csv-batch.js';
import { type BlockResult, mergeInto, newTotal, type Scanner } from './process-block.js';

export { csvCell } from './csv-batch.js';

/**
 * Reads one CSV file (streaming) as batches of parsed rows of about `batchChars` characters, each
 * carrying what the header decided (--field columns, the source column): the batches can be
 * scanned on worker threads (processCsvBatch), in order. Bytes are counted as they are read.
 */
export async function* csvBatches(
  file: string,
  fields: readonly string[] | undefined,
  encoding: CorpusEncoding | undefined,
  onBytes: (n: number) => void,
  batchChars: number = DEFAULT_BLOCK_BYTES / 2,
): AsyncGenerator<CsvBatch> {
  const chunks = await openBytes(file);
  let enc = encoding;
  let decoder: ReturnType<typeof iconv.getDecoder> | undefined;
  let bytes = 0;
  async function* text(): AsyncGenerator<string> {
    for await (const c of chunks) {
      onBytes(c.length);
      bytes += c.length;
      enc ??= detectEncoding(c.subarray(0, 64 * 1024));
      decoder ??= iconv.getDecoder(enc === 'utf8' ? 'utf8' : enc);
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
  for await (const rec of csvRows(text())) {
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
