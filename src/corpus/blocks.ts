import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { BeianError, osReason } from '../errors.js';
import type { MessageKey, MessageParams } from '../i18n/index.js';
import { appendAll } from '../util/array.js';
import { CsvSplitter } from '../util/csv.js';
import { type BlockBuffers, ownBuffers } from './block-buffers.js';
import { BINARY_SAMPLE_BYTES, decodeLines, hasUtf8Bom, hasUtf16Bom, looksBinary } from './encoding.js';
import { malformedItem } from './malformed.js';
import { newlineCounter } from './newlines.js';
import {
  type BlockEncoding,
  type CorpusBlock,
  type CorpusFormat,
  type CorpusItem,
  type CorpusReadOptions,
  DEFAULT_BLOCK_BYTES,
  DEFAULT_MAX_RECORD_BYTES,
  type FileRange,
} from './types.js';

const NL = 0x0a;

/** The format a path implies (`.gz` looked through): .jsonl/.ndjson/.json, .csv, else txt. */
export function formatFromPath(file: string): CorpusFormat {
  const base = file.toLowerCase().replace(/\.gz$/, '');
  const ext = extname(base);
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') return 'jsonl';
  if (ext === '.csv') return 'csv';
  return 'txt';
}

/** Expands files and directories (recursively, sorted, dot-files skipped) into a list of files. */
export async function listCorpusFiles(inputs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (p: string): Promise<void> => {
    const s = await stat(p);
    if (!s.isDirectory()) {
      out.push(p);
      return;
    }
    const entries = (await readdir(p, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) if (!e.name.startsWith('.')) await walk(join(p, e.name));
  };
  for (const input of inputs) await walk(input);
  return out;
}

async function isGzip(file: string): Promise<boolean> {
  if (file.toLowerCase().endsWith('.gz')) return true;
  // A pipe or FIFO (beian scan <(zcat …)) cannot be sniffed without eating its first bytes.
  if (!(await stat(file)).isFile()) return false;
  const fh = await open(file, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await fh.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

/** The decompressed bytes of a file, as a stream of chunks (gzip detected by extension or magic). */
export async function openBytes(
  file: string,
  chunkBytes = DEFAULT_BLOCK_BYTES,
  range?: FileRange,
): Promise<AsyncIterable<Buffer>> {
  if (range)
    return createReadStream(file, { highWaterMark: chunkBytes, start: range.start, end: range.end - 1 });
  // sniffed before the stream opens: a stream left unread would emit its open error (a file gone
  // since it was listed) with no listener, and that kills the process
  if (!(await isGzip(file))) return createReadStream(file, { highWaterMark: chunkBytes });
  const size = (await stat(file)).size;
  const raw = createReadStream(file, { highWaterMark: chunkBytes });
  return boundedGunzip(file, size, raw.pipe(createGunzip({ chunkSize: 256 * 1024 })));
}

/**
 * Text compresses 3–10×; a file that inflates far beyond that is a decompression bomb, refused
 * once past a floor that no real corpus file reaches at that ratio.
 */
export const GZIP_MAX_RATIO = 200;
export const GZIP_RATIO_FLOOR = 256 << 20;

async function* boundedGunzip(
  file: string,
  compressed: number,
  chunks: AsyncIterable<Buffer>,
): AsyncGenerator<Buffer> {
  let inflated = 0;
  for await (const chunk of chunks) {
    inflated += chunk.length;
    if (inflated > GZIP_RATIO_FLOOR && inflated > compressed * GZIP_MAX_RATIO)
      throw BeianError.of('INPUT_INVALID', 'corpus.gzipBomb', { file, ratio: GZIP_MAX_RATIO });
    yield chunk;
  }
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1 && parts[0]?.length === total) return parts[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Drops the first n bytes of a list of chunks (a BOM can span chunks). */
function dropFront(chunks: Buffer[], n: number): void {
  while (n > 0 && chunks.length) {
    const c = chunks[0] as Buffer;
    if (c.length > n) {
      chunks[0] = c.subarray(n);
      return;
    }
    n -= c.length;
    chunks.shift();
  }
}

const fileProblem = (file: string, key: MessageKey, params?: MessageParams, size = 0): CorpusBlock => ({
  kind: 'items',
  file,
  size,
  items: [malformedItem(file, 0, key, params)],
});

/** Where reading a file stopped: our own error (a decompression bomb) as it is, else the system's reason. */
const stopped = (file: string, e: unknown): CorpusBlock =>
  e instanceof BeianError && e.key
    ? fileProblem(file, e.key, e.params)
    : fileProblem(file, 'malformed.readingStopped', { reason: osReason(e) });

/**
 * Streams one file as line-aligned blocks (see CorpusBlock) without ever holding more than one
 * block plus one record in memory: a line longer than `maxRecordBytes` is discarded as it streams
 * and reported as a malformed entry. Empty and binary files become one malformed entry (line 0).
 * Decoding and parsing happen in `parseBlock`, which is pure so it can run in worker threads.
 */
export async function* readFileBlocks(
  file: string,
  options: CorpusReadOptions = {},
  range?: FileRange,
  /** where to open the file when `file` (the name records carry) is relative to another folder */
  openPath: string = file,
  /** where a plain file's blocks are read into (a scan's ring; the consumer releases each block) */
  buffers: BlockBuffers = ownBuffers,
): AsyncGenerator<CorpusBlock> {
  const format = options.format ?? formatFromPath(file);
  const maxRecord = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const blockBytes = options.blockBytes ?? DEFAULT_BLOCK_BYTES;
  if (range && (format === 'csv' || options.txtRecord === 'file'))
    throw new Error(`${file}: ${format} records cannot be read from a byte range`);
  if (format !== 'csv' && options.txtRecord !== 'file') {
    const plain = await openPlainFile(openPath, range);
    if (plain) {
      yield* pulledFileBlocks(
        file,
        format,
        options.encoding ?? 'auto',
        plain,
        maxRecord,
        blockBytes,
        range,
        buffers,
      );
      return;
    }
  }
  let source: AsyncIterator<Buffer>;
  try {
    source = (await openBytes(openPath, blockBytes, range))[Symbol.asyncIterator]();
  } catch (e) {
    yield fileProblem(file, 'malformed.cannotRead', { reason: osReason(e) });
    return;
  }
  if (range && range.start > 0) {
    // a later piece of a file the planner sniffed whole (not empty, binary, UTF-16 or gzip): lines only
    const encoding: BlockEncoding = options.encoding ?? 'auto';
    const chunks = { [Symbol.asyncIterator]: () => source };
    try {
      yield* lineBlocks(
        file,
        format as 'jsonl' | 'txt',
        encoding,
        chunks,
        maxRecord,
        blockBytes,
        range.firstLine,
      );
    } catch (e) {
      yield stopped(file, e);
    }
    return;
  }
  // The checks below judge the first BINARY_SAMPLE_BYTES: a gunzip stream or a pipe can hand its
  // first bytes over one at a time (a BOM split over two chunks stayed in line 1), so chunks are
  // gathered up to that; they go on to the blocks as they came.
  const head: Buffer[] = [];
  let headLen = 0;
  let stoppedBy: unknown;
  let ended = false;
  while (headLen < BINARY_SAMPLE_BYTES) {
    let r: IteratorResult<Buffer>;
    try {
      r = await source.next();
    } catch (e) {
      if (headLen === 0) {
        yield fileProblem(file, 'malformed.cannotRead', { reason: osReason(e) });
        return;
      }
      stoppedBy = e; // what was read still counts; rest() reports where reading stopped
      break;
    }
    if (r.done) {
      ended = true;
      break;
    }
    head.push(r.value);
    headLen += r.value.length;
  }
  const sample = head.length === 1 ? (head[0] as Buffer) : Buffer.concat(head, headLen);
  if (headLen === 0) {
    yield fileProblem(file, 'malformed.emptyFile');
    return;
  }
  if (hasUtf16Bom(sample)) {
    yield fileProblem(file, 'malformed.utf16', undefined, headLen);
    return;
  }
  if (looksBinary(sample)) {
    yield fileProblem(file, 'malformed.binary', undefined, headLen);
    return;
  }
  // Decided per line (a few bad bytes never make a UTF-8 file GB18030), unless forced.
  const encoding: BlockEncoding = options.encoding ?? 'auto';
  if (hasUtf8Bom(sample)) dropFront(head, 3);
  async function* rest(): AsyncGenerator<Buffer> {
    yield* head;
    if (stoppedBy !== undefined) throw stoppedBy;
    if (ended) return;
    for (;;) {
      const r = await source.next();
      if (r.done) return;
      yield r.value;
    }
  }
  try {
    if (format === 'csv') yield* csvBlocks(file, rest(), encoding, options, blockBytes);
    else if (format === 'txt' && options.txtRecord === 'file') {
      let total = 0;
      const parts: Uint8Array[] = [];
      for await (const c of rest()) {
        total += c.length;
        if (total <= maxRecord) parts.push(c);
      }
      if (total > maxRecord)
        yield fileProblem(file, 'malformed.tooLarge', { bytes: total, max: maxRecord }, total);
      else
        yield {
          kind: 'lines',
          file,
          format,
          encoding,
          firstLine: 1,
          bytes: concat(parts, total),
          wholeFile: true,
        };
    } else yield* lineBlocks(file, format, encoding, rest(), maxRecord, blockBytes);
  } catch (e) {
    // e.g. a truncated .gz: what was read so far has been yielded; report where reading stopped.
    yield stopped(file, e);
  }
}

async function* lineBlocks(
  file: string,
  format: 'jsonl' | 'txt',
  encoding: BlockEncoding,
  chunks: AsyncIterable<Buffer>,
  maxRecord: number,
  blockBytes: number,
  firstLine = 1,
): AsyncGenerator<CorpusBlock> {
  let parts: Uint8Array[] = [];
  let accLen = 0;
  let lastNl = -1; // offset in the accumulation of the last newline
  let nextLine = firstLine; // number of the first line in the accumulation
  let skipping = -1; // bytes skipped of an oversized line, -1 when not skipping
  const countLines = newlineCounter();
  const emit = (upto: number): CorpusBlock => {
    // One copy into a buffer of its own (so it can be transferred to a worker); the rest stays views.
    const bytes = new Uint8Array(upto);
    const rest: Uint8Array[] = [];
    let at = 0;
    for (const p of parts) {
      const end = at + p.length;
      if (end <= upto) bytes.set(p, at);
      else if (at >= upto) rest.push(p);
      else {
        bytes.set(p.subarray(0, upto - at), at);
        rest.push(p.subarray(upto - at));
      }
      at = end;
    }
    const block: CorpusBlock = { kind: 'lines', file, format, encoding, firstLine: nextLine, bytes };
    nextLine += countLines(bytes);
    parts = rest;
    accLen -= upto;
    lastNl = -1;
    return block;
  };
  const oversized = (bytes: number): CorpusBlock => ({
    kind: 'items',
    file,
    size: bytes,
    items: [malformedItem(file, nextLine, 'malformed.tooLarge', { bytes, max: maxRecord })],
  });
  for await (let chunk of chunks) {
    if (skipping >= 0) {
      const nl = chunk.indexOf(NL);
      if (nl < 0) {
        skipping += chunk.length;
        continue;
      }
      yield oversized(skipping + nl);
      nextLine += 1;
      skipping = -1;
      chunk = chunk.subarray(nl + 1);
    }
    const nl = chunk.lastIndexOf(NL);
    if (nl >= 0) lastNl = accLen + nl;
    parts.push(chunk);
    accLen += chunk.length;
    if (accLen - (lastNl + 1) > maxRecord) {
      if (lastNl >= 0) yield emit(lastNl + 1);
      skipping = accLen;
      parts = [];
      accLen = 0;
      continue;
    }
    if (lastNl >= 0 && lastNl + 1 >= blockBytes) yield emit(lastNl + 1);
  }
  if (skipping >= 0) yield oversized(skipping);
  else if (accLen > 0) yield emit(accLen);
}

/** A regular, uncompressed file read on demand from `pos` up to `end` (exclusive). */
interface PlainFile {
  read(into: Uint8Array, at: number, length: number): Promise<number>;
  /** up to `length` bytes from where the file (or range) starts, without moving on */
  sample(length: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

/**
 * A regular file that is not gzip, opened for pulled reads; undefined for anything else (gzip,
 * pipes, FIFOs: streamed) and when it cannot be opened (the stream path reports why).
 */
async function openPlainFile(path: string, range?: FileRange): Promise<PlainFile | undefined> {
  try {
    if (!(await stat(path)).isFile() || (await isGzip(path))) return undefined;
    const fh = await open(path, 'r');
    const start = range?.start ?? 0;
    let pos = start;
    const end = range?.end ?? Number.POSITIVE_INFINITY;
    return {
      async read(into, at, length) {
        const n = Math.min(length, end - pos);
        if (n <= 0) return 0;
        const { bytesRead } = await fh.read(into, at, n, pos);
        pos += bytesRead;
        return bytesRead;
      },
      async sample(length) {
        const into = Buffer.alloc(Math.max(0, Math.min(length, end - start)));
        let got = 0;
        while (got < into.length) {
          const { bytesRead } = await fh.read(into, got, into.length - got, start + got);
          if (bytesRead === 0) break;
          got += bytesRead;
        }
        return into.subarray(0, got);
      },
      close: () => fh.close(),
    };
  } catch {
    return undefined;
  }
}

/**
 * Line-aligned blocks of a plain file, each read straight into a buffer of its own (`buffers`)
 * that goes to a worker as it is: transferred (`owned`), or shared when it is a slot of a ring.
 * Only the partial line at a block's end is copied, into the next block's buffer. Same blocks'
 * lines, malformed entries and line numbers as lineBlocks. A buffer that leaves in no block is
 * given back here; the consumer gives back the blocks' (BlockBuffers.release).
 */
async function* pulledFileBlocks(
  file: string,
  format: 'jsonl' | 'txt',
  encoding: BlockEncoding,
  src: PlainFile,
  maxRecord: number,
  blockBytes: number,
  range: FileRange | undefined,
  buffers: BlockBuffers,
): AsyncGenerator<CorpusBlock> {
  let nextLine = range?.firstLine ?? 1;
  const countLines = newlineCounter();
  const block = (bytes: Uint8Array): CorpusBlock => {
    const b: CorpusBlock = {
      kind: 'lines',
      file,
      format,
      encoding,
      firstLine: nextLine,
      bytes,
      ...(bytes.buffer instanceof SharedArrayBuffer ? {} : { owned: true }),
    };
    nextLine += countLines(bytes);
    held = false;
    return b;
  };
  const oversized = (bytes: number): CorpusBlock => ({
    kind: 'items',
    file,
    size: bytes,
    items: [malformedItem(file, nextLine, 'malformed.tooLarge', { bytes, max: maxRecord })],
  });
  let buf = await buffers.take(blockBytes);
  let held = true; // buf has gone in no block yet
  let filled = 0;
  let eof = false;
  /** buf replaced by `next`, buf's bytes gone in a block or not */
  const replace = (next: Buffer): void => {
    if (held) buffers.release(buf);
    buf = next;
    held = true;
  };
  const fill = async (): Promise<void> => {
    while (filled < buf.length) {
      const n = await src.read(buf, filled, buf.length - filled);
      if (n === 0) {
        eof = true;
        return;
      }
      filled += n;
    }
  };
  try {
    try {
      await fill();
    } catch (e) {
      yield fileProblem(file, 'malformed.cannotRead', { reason: osReason(e) });
      return;
    }
    if (!range || range.start === 0) {
      // the checks of the stream path, on the same first bytes (read apart when the block is smaller)
      const sample =
        eof || filled >= BINARY_SAMPLE_BYTES
          ? buf.subarray(0, filled)
          : await src.sample(BINARY_SAMPLE_BYTES);
      if (filled === 0) {
        yield fileProblem(file, 'malformed.emptyFile');
        return;
      }
      if (hasUtf16Bom(sample)) {
        yield fileProblem(file, 'malformed.utf16', undefined, sample.length);
        return;
      }
      if (looksBinary(sample)) {
        yield fileProblem(file, 'malformed.binary', undefined, sample.length);
        return;
      }
      if (hasUtf8Bom(sample)) {
        buf.copyWithin(0, 3, filled);
        filled -= 3;
      }
    }
    let skipping = -1; // bytes skipped of an oversized line, -1 when not skipping
    for (;;) {
      if (skipping >= 0) {
        const nl = buf.subarray(0, filled).indexOf(NL);
        if (nl < 0) {
          skipping += filled;
          filled = 0;
          if (eof) {
            yield oversized(skipping);
            return;
          }
          await fill();
          continue;
        }
        yield oversized(skipping + nl);
        nextLine += 1;
        skipping = -1;
        buf.copyWithin(0, nl + 1, filled);
        filled -= nl + 1;
      }
      const lastNl = buf.subarray(0, filled).lastIndexOf(NL);
      const tail = filled - (lastNl + 1);
      if (tail > maxRecord) {
        if (lastNl >= 0) yield block(buf.subarray(0, lastNl + 1));
        skipping = tail;
        replace(await buffers.take(blockBytes));
        filled = 0;
      } else if (eof) {
        if (filled > 0) yield block(buf.subarray(0, filled));
        return;
      } else if (lastNl < 0) {
        // one line longer than the buffer so far (at most maxRecord): a larger buffer
        const larger = await buffers.take(filled + blockBytes);
        larger.set(buf.subarray(0, filled));
        replace(larger);
      } else {
        const next = await buffers.take(tail + blockBytes);
        next.set(buf.subarray(lastNl + 1, filled));
        const full = block(buf.subarray(0, lastNl + 1));
        replace(next);
        yield full;
        filled = tail;
      }
      await fill();
    }
  } catch (e) {
    yield stopped(file, e);
  } finally {
    if (held) buffers.release(buf);
    await src.close();
  }
}

/**
 * The text of a CSV stream, decoded line by line (like the other formats), with a malformed entry
 * queued for each line that had invalid bytes or a NUL. Quoted fields spanning lines still parse:
 * the newlines are kept.
 */
async function* csvText(
  file: string,
  chunks: AsyncIterable<Buffer>,
  encoding: BlockEncoding,
  problems: CorpusItem[],
): AsyncGenerator<string> {
  let carry: Uint8Array = new Uint8Array(0);
  let line = 1;
  const decode = (bytes: Uint8Array): string => {
    const parts: string[] = [];
    decodeLines(bytes, encoding, (text, lossy) => {
      if (lossy)
        problems.push(
          malformedItem(file, line, 'malformed.invalidBytes', {
            encoding: encoding === 'auto' ? 'utf8' : encoding,
          }),
        );
      if (text.includes('\u0000')) {
        problems.push(malformedItem(file, line, 'malformed.nulRemoved'));
        text = text.replaceAll('\u0000', '');
      }
      parts.push(text);
      line++;
    });
    return parts.join('\n');
  };
  for await (const chunk of chunks) {
    const nl = chunk.lastIndexOf(NL);
    if (nl < 0) {
      carry = concat([carry, chunk], carry.length + chunk.length);
      continue;
    }
    const head = concat([carry, chunk.subarray(0, nl)], carry.length + nl);
    carry = chunk.slice(nl + 1);
    yield `${decode(head)}\n`;
  }
  if (carry.length) yield decode(carry);
}

/**
 * CSV records through the resynchronising splitter: an unclosed or stray quote costs its own
 * record (reported with its line), never the rest of the file; the header is the first row.
 */
async function* csvBlocks(
  file: string,
  chunks: AsyncIterable<Buffer>,
  encoding: BlockEncoding,
  options: CorpusReadOptions,
  blockBytes: number,
): AsyncGenerator<CorpusBlock> {
  const field = options.field ?? 'text';
  const sourceField = options.sourceField ?? 'source';
  const maxRecord = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const problems: CorpusItem[] = [];
  let items: CorpusItem[] = [];
  let header: string[] | undefined;
  let at = -1;
  let sourceAt = -1;
  const malformed = (line: number, key: MessageKey, params?: MessageParams): void => {
    items.push(malformedItem(file, line, key, params));
  };
  const splitter = new CsvSplitter(
    ',',
    (fields, line) => {
      if (!header) {
        header = fields.map((f, k) => (k === 0 && f.charCodeAt(0) === 0xfeff ? f.slice(1) : f).trim());
        at = header.indexOf(field);
        sourceAt = header.indexOf(sourceField);
        return;
      }
      if (at < 0) return;
      const text = fields[at];
      if (text === undefined)
        malformed(line, 'malformed.csv.shortRow', { n: fields.length, total: header.length, field });
      else if (!text) malformed(line, 'malformed.csv.emptyCell', { field });
      else if (text.length > maxRecord) malformed(line, 'malformed.csv.cellTooLarge', { max: maxRecord });
      else {
        const source = sourceAt >= 0 ? fields[sourceAt] : undefined;
        items.push({
          kind: 'record',
          file,
          line,
          text,
          ...(source ? { source } : {}),
          ...(text.includes('\uFFFD') ? { lossy: true } : {}),
        });
      }
    },
    (line, reason) => malformed(line, 'malformed.invalidCsv', { reason }),
    maxRecord,
  );
  let size = 0;
  const missing = (): CorpusBlock | undefined =>
    header && at < 0
      ? fileProblem(file, 'malformed.csv.missingColumn', { field, columns: header.join(', ') })
      : undefined;
  try {
    for await (const text of csvText(file, chunks, encoding, problems)) {
      splitter.push(text);
      size += Buffer.byteLength(text);
      if (problems.length) appendAll(items, problems.splice(0));
      const problem = missing();
      if (problem) {
        yield problem;
        return;
      }
      if (size >= blockBytes) {
        yield { kind: 'items', file, items, size };
        items = [];
        size = 0;
      }
    }
  } catch (e) {
    // what was read before the failure still counts; the caller reports where reading stopped
    appendAll(items, problems.splice(0));
    if (items.length) yield { kind: 'items', file, items, size };
    throw e;
  }
  splitter.end();
  appendAll(items, problems.splice(0));
  const problem = missing();
  if (problem) {
    yield problem;
    return;
  }
  if (items.length) yield { kind: 'items', file, items, size };
}
