import { LabelFormatError } from '../source.js';

/** A Vorbis comment block (FLAC, Ogg Vorbis, Opus): vendor string and KEY=value pairs. */
export interface Comments {
  vendor: Buffer;
  entries: Buffer[];
  /** bytes after the list (Vorbis framing bit, Opus padding), kept when rewriting */
  tail: Buffer;
}

export function parseComments(b: Buffer, format: string): Comments {
  const need = (at: number, n: number) => {
    if (at + n > b.length) throw new LabelFormatError(format, 'comment block truncated');
  };
  need(0, 4);
  const vlen = b.readUInt32LE(0);
  need(4, vlen + 4);
  const vendor = b.subarray(4, 4 + vlen);
  let at = 8 + vlen;
  const count = b.readUInt32LE(4 + vlen);
  if (count > b.length / 4) throw new LabelFormatError(format, 'comment count exceeds the block');
  const entries: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    need(at, 4);
    const len = b.readUInt32LE(at);
    need(at + 4, len);
    entries.push(b.subarray(at + 4, at + 4 + len));
    at += 4 + len;
  }
  return { vendor, entries, tail: b.subarray(at) };
}

export function aigcValues(c: Comments): string[] {
  const out: string[] = [];
  for (const e of c.entries) {
    const s = e.toString('utf8');
    const eq = s.indexOf('=');
    if (eq > 0 && s.slice(0, eq).toUpperCase() === 'AIGC') out.push(s.slice(eq + 1));
  }
  return out;
}

export function withAigc(c: Comments, json: string): Buffer {
  const kept = c.entries.filter((e) => {
    const s = e.toString('utf8');
    const eq = s.indexOf('=');
    return !(eq > 0 && s.slice(0, eq).toUpperCase() === 'AIGC');
  });
  const entries = [...kept, Buffer.from(`AIGC=${json}`, 'utf8')];
  const parts: Buffer[] = [u32(c.vendor.length), c.vendor, u32(entries.length)];
  for (const e of entries) parts.push(u32(e.length), e);
  parts.push(c.tail);
  return Buffer.concat(parts);
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n, 0);
  return b;
}
