/**
 * Random access to a file's bytes, so readers fetch only the boxes, chunks and tags they need
 * (a 4 GB video costs a few reads, not 4 GB of memory). The app opens files; tests and fuzzers
 * pass buffers.
 */
export interface ByteSource {
  readonly size: number;
  /** Up to `length` bytes from `offset`; fewer at the end of the file, never more. */
  read(offset: number, length: number): Promise<Buffer>;
}

export function bufferSource(buffer: Buffer): ByteSource {
  return {
    size: buffer.length,
    read: async (offset, length) => {
      const start = Math.max(0, Math.min(offset, buffer.length));
      return buffer.subarray(start, Math.min(buffer.length, start + Math.max(0, length)));
    },
  };
}

/** A byte range [start, end) of the source file. */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/**
 * A rewritten file as a list of pieces: new bytes, or ranges copied from the original. Writers are
 * pure planners; the app streams the pieces to a temporary file and renames it into place.
 */
export type Piece = Buffer | Range;

export const isRange = (p: Piece): p is Range => !Buffer.isBuffer(p);

/** A file that does not parse as its format says: reported for that file, never a crash. */
export class LabelFormatError extends Error {
  constructor(
    readonly format: string,
    message: string,
  ) {
    super(`${format}: ${message}`);
    this.name = 'LabelFormatError';
  }
}

/** Reads exactly `length` bytes or reports the file as truncated. */
export async function readExact(
  src: ByteSource,
  offset: number,
  length: number,
  format: string,
): Promise<Buffer> {
  if (offset < 0 || length < 0 || offset + length > src.size)
    throw new LabelFormatError(
      format,
      `truncated at byte ${offset} (wanted ${length} bytes, file has ${src.size})`,
    );
  const buf = await src.read(offset, length);
  if (buf.length !== length) throw new LabelFormatError(format, `truncated at byte ${offset}`);
  return buf;
}

/** Content bytes hashed for ReservedCode1, read in bounded slices. */
export async function* rangeBytes(
  src: ByteSource,
  ranges: Iterable<Range>,
  slice = 1 << 20,
): AsyncGenerator<Buffer> {
  for (const r of ranges) {
    for (let at = r.start; at < r.end; at += slice) {
      const buf = await src.read(at, Math.min(slice, r.end - at));
      if (buf.length === 0) break;
      yield buf;
    }
  }
}

export const pieceLength = (p: Piece) => (isRange(p) ? p.end - p.start : p.length);
export const piecesLength = (ps: readonly Piece[]) => ps.reduce((n, p) => n + pieceLength(p), 0);

/** Sequential reads through a 64 KB window, for formats walked byte by byte (GIF sub-blocks). */
export class Cursor {
  private window: Buffer = Buffer.alloc(0);
  private windowAt = 0;
  constructor(
    private readonly src: ByteSource,
    public pos: number,
    private readonly format: string,
  ) {}

  async bytes(n: number): Promise<Buffer> {
    if (this.pos < this.windowAt || this.pos + n > this.windowAt + this.window.length) {
      if (this.pos + n > this.src.size)
        throw new LabelFormatError(this.format, `truncated at byte ${this.pos}`);
      this.windowAt = this.pos;
      this.window = await this.src.read(this.pos, Math.max(n, 65536));
      if (this.window.length < n) throw new LabelFormatError(this.format, `truncated at byte ${this.pos}`);
    }
    const out = this.window.subarray(this.pos - this.windowAt, this.pos - this.windowAt + n);
    this.pos += n;
    return out;
  }

  async byte(): Promise<number> {
    return (await this.bytes(1))[0] ?? 0;
  }
}
