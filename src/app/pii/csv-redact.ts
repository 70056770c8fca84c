import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import iconv from 'iconv-lite';
import { openBytes } from '../../corpus/blocks.js';
import { detectEncoding } from '../../corpus/encoding.js';
import type { CorpusEncoding } from '../../corpus/types.js';
import { type BlockResult, newTotal, type Scanner, scanRecord } from './process-block.js';

/** RFC 4180 quoting: only when needed. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * De-identifies one CSV file row by row (streaming): the text column is rewritten, every other
 * cell is copied as parsed, output is UTF-8 with the same header. Rows whose column count differs
 * from the header are reported as malformed and de-identified cell by cell.
 */
export async function redactCsv(
  s: Scanner,
  file: string,
  field: string,
  encoding: CorpusEncoding | undefined,
  write: (text: string) => Promise<void>,
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
  const parser = Readable.from(text()).pipe(
    parseCsv({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true }),
  );
  let column = -1;
  let sourceColumn = -1;
  let width = 0;
  for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    const { record, info } = rec;
    if (column < 0 && width === 0) {
      width = record.length;
      column = record.indexOf(field);
      sourceColumn = record.indexOf('source');
      if (column < 0)
        r.malformed.push({
          file,
          line: info.lines,
          reason: `no column "${field}" in the header; every cell is de-identified`,
        });
      await write(`${record.map(csvCell).join(',')}\n`);
      continue;
    }
    const ok = column >= 0 && record.length === width;
    if (!ok && column >= 0)
      r.malformed.push({
        file,
        line: info.lines,
        reason: `expected ${width} columns, found ${record.length}`,
      });
    const cells = record.map((cell, i) => {
      if (ok && i !== column) return cell;
      const before = r.records;
      const out = scanRecord(
        s,
        r,
        file,
        info.lines,
        cell,
        ok && sourceColumn >= 0 ? record[sourceColumn] : undefined,
      );
      if (!ok) r.records = before;
      return out;
    });
    await write(`${cells.map(csvCell).join(',')}\n`);
  }
  return r;
}
