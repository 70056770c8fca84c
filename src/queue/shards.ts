import type { ByteRange, ShardInput } from './jobs.js';

/**
 * Shard planning, pure. A file is cut into byte ranges only where it is line-oriented and
 * uncompressed (the caller decides: `splittable`); each cut sits just after a newline, and the
 * caller supplies the line number found there (one pass counting newlines, alignCuts in the
 * shell), so a shard's records carry the same file:line as in a single-machine run.
 */
export interface FileFacts {
  file: string;
  size: number;
  /** jsonl/txt lines, not gzip, not CSV (quoted fields span lines), not read as one record */
  splittable: boolean;
}

/** A record boundary: the byte offset just after a newline, and the 1-based line that starts there. */
export interface Cut {
  offset: number;
  line: number;
}

/** Target offsets for a file of `size` bytes cut into pieces of about `shardBytes`. */
export function cutTargets(size: number, shardBytes: number): number[] {
  if (shardBytes <= 0) throw new RangeError('shardBytes must be positive');
  const n = Math.ceil(size / shardBytes);
  const out: number[] = [];
  for (let k = 1; k < n; k++) out.push(Math.round((k * size) / n));
  return out;
}

/**
 * The shards of a run, in order: every byte of every file exactly once. `cuts` maps a splittable
 * file to its record-aligned cuts (ascending, inside (0, size)); duplicate or out-of-range cuts are
 * dropped, so a file of one huge line stays one shard.
 */
export function planShards(
  files: readonly FileFacts[],
  cuts: ReadonlyMap<string, readonly Cut[]>,
): ShardInput[] {
  const out: ShardInput[] = [];
  for (const f of files) {
    const fileCuts = f.splittable ? (cuts.get(f.file) ?? []) : [];
    const kept: Cut[] = [];
    for (const c of fileCuts)
      if (c.offset > 0 && c.offset < f.size && c.offset > (kept.at(-1)?.offset ?? 0)) kept.push(c);
    if (!kept.length) {
      out.push({ file: f.file, size: f.size });
      continue;
    }
    let start: Cut = { offset: 0, line: 1 };
    for (const c of [...kept, { offset: f.size, line: Number.NaN }]) {
      const range: ByteRange = { start: start.offset, end: c.offset, firstLine: start.line };
      out.push({ file: f.file, size: f.size, range });
      start = c;
    }
  }
  return out;
}

/**
 * Finds record-aligned cuts in a stream of a file's bytes: for each target, the offset just after
 * the first newline at or after it, and the line number there. Pure over the chunks it is fed.
 */
export class CutFinder {
  private at = 0;
  private line = 1;
  private next = 0;
  readonly cuts: Cut[] = [];
  constructor(private readonly targets: readonly number[]) {}

  /** Feeds the next chunk; returns false once every target is placed (the caller may stop reading). */
  push(chunk: Uint8Array): boolean {
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let i = buf.indexOf(0x0a);
    while (i >= 0) {
      this.line++;
      const after = this.at + i + 1;
      while (this.next < this.targets.length && after > (this.targets[this.next] as number)) {
        if (this.cuts.at(-1)?.offset !== after) this.cuts.push({ offset: after, line: this.line });
        this.next++;
      }
      if (this.next >= this.targets.length) {
        this.at += chunk.byteLength;
        return false;
      }
      i = buf.indexOf(0x0a, i + 1);
    }
    this.at += chunk.byteLength;
    return true;
  }
}

/**
 * Record-aligned cuts of a CSV file (RFC 4180: a quoted field may hold newlines). A newline ends a
 * record when the quotes since the record's start are balanced (a doubled quote counts twice, so
 * it never unbalances them); in GBK/GB18030 and UTF-8 neither `"` nor a newline is ever part of a
 * multi-byte character, so counting bytes is exact. The reader (util/csv.ts) treats a record
 * longer than `maxRecord` differently depending on where its input chunks fall, so a file holding
 * one (an unclosed quote that runs on, a huge line) is not cut at all: the finder reads the whole
 * file and, if it meets such a record, gives no cut (`unsafe`). No cut comes before the end of the
 * first non-empty record (the header every later piece needs). Pure over the chunks it is fed.
 */
export class CsvCutFinder {
  private at = 0;
  private line = 1;
  private next = 0;
  private quotes = 0;
  private recordStart = 0;
  private header = false;
  private readonly found: Cut[] = [];
  /** set once a record longer than `maxRecord` was seen: the file stays whole */
  unsafe = false;
  constructor(
    private readonly targets: readonly number[],
    private readonly maxRecord: number,
  ) {}

  /** The cuts, once every chunk was fed (none when the file is unsafe to cut). */
  get cuts(): Cut[] {
    return this.unsafe ? [] : this.found;
  }

  /** Feeds the next chunk; returns false once the file is known unsafe to cut (stop reading). */
  push(chunk: Uint8Array): boolean {
    if (this.unsafe) return false;
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let q = buf.indexOf(0x22);
    let nl = buf.indexOf(0x0a);
    while (nl >= 0) {
      while (q >= 0 && q < nl) {
        this.quotes++;
        q = buf.indexOf(0x22, q + 1);
      }
      this.line++;
      const after = this.at + nl + 1;
      if (after - this.recordStart > this.maxRecord) return this.stop();
      if (this.quotes % 2 === 0) {
        // a record of at least one byte besides "\r" is the header (a shorter one is not counted,
        // which only delays the first cut)
        if (after - this.recordStart > 2) this.header = true;
        this.recordStart = after;
        this.quotes = 0;
        while (this.header && this.next < this.targets.length && after > (this.targets[this.next] as number)) {
          if (this.found.at(-1)?.offset !== after) this.found.push({ offset: after, line: this.line });
          this.next++;
        }
      }
      nl = buf.indexOf(0x0a, nl + 1);
    }
    while (q >= 0) {
      this.quotes++;
      q = buf.indexOf(0x22, q + 1);
    }
    this.at += chunk.byteLength;
    // the last record (or an unclosed quote) runs on past the bound
    if (this.at - this.recordStart > this.maxRecord) return this.stop();
    return true;
  }

  private stop(): boolean {
    this.unsafe = true;
    return false;
  }
}
