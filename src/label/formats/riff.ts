import { type ByteSource, LabelFormatError, readExact } from '../source.js';
import { MAX_ITEMS } from './codec.js';

/** A RIFF sub-chunk (WAV, WebP): id, payload range, and end including the pad byte. */
export interface RiffChunk {
  id: string;
  start: number;
  dataStart: number;
  size: number;
  end: number;
}

export async function riffChunks(src: ByteSource, form: string, format: string): Promise<RiffChunk[]> {
  const head = await readExact(src, 0, 12, format);
  if (head.toString('latin1', 0, 4) !== 'RIFF' || head.toString('latin1', 8, 12) !== form)
    throw new LabelFormatError(format, `not a RIFF ${form} file`);
  const declared = Math.min(src.size, 8 + head.readUInt32LE(4));
  const chunks: RiffChunk[] = [];
  let at = 12;
  while (at + 8 <= declared) {
    if (chunks.length > MAX_ITEMS) throw new LabelFormatError(format, 'too many chunks');
    const h = await readExact(src, at, 8, format);
    const size = h.readUInt32LE(4);
    const dataStart = at + 8;
    if (dataStart + size > src.size)
      throw new LabelFormatError(format, `chunk ${h.toString('latin1', 0, 4)} at ${at} runs past the end`);
    const end = Math.min(src.size, dataStart + size + (size & 1));
    chunks.push({ id: h.toString('latin1', 0, 4), start: at, dataStart, size, end });
    at = end;
  }
  return chunks;
}

export function riffChunk(id: string, data: Buffer): Buffer {
  const h = Buffer.alloc(8);
  h.write(id, 0, 'latin1');
  h.writeUInt32LE(data.length, 4);
  return Buffer.concat([h, data, data.length & 1 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

export function riffHeader(form: string, bodySize: number): Buffer {
  const h = Buffer.alloc(12);
  h.write('RIFF', 0, 'latin1');
  h.writeUInt32LE(4 + bodySize, 4);
  h.write(form, 8, 'latin1');
  return h;
}

/** Copies a chunk as is, adding the pad byte a truncated last chunk lacks so the next one aligns. */
export function copyChunk(c: RiffChunk): Array<Buffer | { start: number; end: number }> {
  const range = { start: c.start, end: c.end };
  return (c.end - c.start) & 1 ? [range, Buffer.alloc(1)] : [range];
}
