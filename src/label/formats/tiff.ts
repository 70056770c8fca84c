import { type ByteSource, LabelFormatError, type Piece, type Range, readExact } from '../source.js';
import { type Codec, type FoundLabel, MAX_META } from './codec.js';
import { findAigcInXmp, setAigcInXmp } from './xmp.js';

const F = 'tiff';
const XMP_TAG = 700; // 0x2BC
const SIZES: Record<number, number> = {
  1: 1,
  2: 1,
  3: 2,
  4: 4,
  5: 8,
  6: 1,
  7: 1,
  8: 2,
  9: 4,
  10: 8,
  11: 4,
  12: 8,
};

interface Entry {
  tag: number;
  type: number;
  count: number;
  raw: Buffer; // the 12-byte entry
  valueAt: number; // where the value bytes are (inline or at the offset)
  bytes: number;
}

interface Ifd {
  le: boolean;
  at: number;
  entries: Entry[];
  next: Buffer;
}

async function ifd0(src: ByteSource): Promise<Ifd> {
  const h = await readExact(src, 0, 8, F);
  const order = h.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') throw new LabelFormatError(F, 'bad byte order');
  const le = order === 'II';
  const magic = le ? h.readUInt16LE(2) : h.readUInt16BE(2);
  if (magic === 43) throw new LabelFormatError(F, 'BigTIFF is not supported');
  if (magic !== 42) throw new LabelFormatError(F, 'bad magic');
  const at = le ? h.readUInt32LE(4) : h.readUInt32BE(4);
  const countBuf = await readExact(src, at, 2, F);
  const n = le ? countBuf.readUInt16LE(0) : countBuf.readUInt16BE(0);
  const table = await readExact(src, at + 2, n * 12 + 4, F);
  const entries: Entry[] = [];
  for (let i = 0; i < n; i++) {
    const raw = table.subarray(i * 12, i * 12 + 12);
    const tag = le ? raw.readUInt16LE(0) : raw.readUInt16BE(0);
    const type = le ? raw.readUInt16LE(2) : raw.readUInt16BE(2);
    const count = le ? raw.readUInt32LE(4) : raw.readUInt32BE(4);
    const bytes = (SIZES[type] ?? 1) * count;
    const valueAt = bytes <= 4 ? at + 2 + i * 12 + 8 : le ? raw.readUInt32LE(8) : raw.readUInt32BE(8);
    entries.push({ tag, type, count, raw: Buffer.from(raw), valueAt, bytes });
  }
  return { le, at, entries, next: Buffer.from(table.subarray(n * 12)) };
}

async function values(src: ByteSource, e: Entry, le: boolean): Promise<number[]> {
  if (e.count > 10_000_000) throw new LabelFormatError(F, 'strip table too large');
  if (e.type !== 3 && e.type !== 4) throw new LabelFormatError(F, `strip/tile table of type ${e.type}`);
  const b = await readExact(src, e.valueAt, e.bytes, F);
  const out: number[] = [];
  for (let i = 0; i < e.count; i++)
    out.push(
      e.type === 3
        ? le
          ? b.readUInt16LE(i * 2)
          : b.readUInt16BE(i * 2)
        : le
          ? b.readUInt32LE(i * 4)
          : b.readUInt32BE(i * 4),
    );
  return out;
}

const xmpOf = async (src: ByteSource, e: Entry) => {
  if (e.bytes > MAX_META) throw new LabelFormatError(F, 'XMP too large');
  return (await readExact(src, e.valueAt, e.bytes, F)).toString('utf8');
};

export const tiff: Codec = {
  id: 'tiff',
  kind: 'image',
  placement: 'tiff-tag-700',
  sniff: (head) => {
    const s = head.toString('latin1', 0, 4);
    return s === 'II*\0' || s === 'MM\0*';
  },
  async read(src) {
    const d = await ifd0(src);
    const found: FoundLabel[] = [];
    for (const e of d.entries)
      if (e.tag === XMP_TAG)
        for (const raw of findAigcInXmp(await xmpOf(src, e))) found.push({ raw, where: 'IFD0 XMP (0x2BC)' });
    return found;
  },
  async content(src) {
    const d = await ifd0(src);
    const find = (tag: number) => d.entries.find((e) => e.tag === tag);
    const offsets = find(273) ?? find(324);
    const counts = find(279) ?? find(325);
    if (!offsets || !counts) throw new LabelFormatError(F, 'no strip or tile offsets');
    const [o, c] = [await values(src, offsets, d.le), await values(src, counts, d.le)];
    return o.map((start, i): Range => ({ start, end: Math.min(src.size, start + (c[i] ?? 0)) }));
  },
  async write(src, json) {
    const d = await ifd0(src);
    const old = d.entries.find((e) => e.tag === XMP_TAG);
    const xmp = Buffer.from(setAigcInXmp(old ? await xmpOf(src, old) : undefined, json), 'utf8');
    // The new XMP and a copy of IFD0 that points at it go at the end; the header then points at
    // the copy. Every other value keeps its offset, so nothing else moves.
    const pad = src.size & 1 ? Buffer.alloc(1) : Buffer.alloc(0);
    const xmpAt = src.size + pad.length;
    const xmpPad = xmp.length & 1 ? Buffer.alloc(1) : Buffer.alloc(0);
    const ifdAt = xmpAt + xmp.length + xmpPad.length;
    const entry = Buffer.alloc(12);
    const w16 = (b: Buffer, v: number, o: number) => (d.le ? b.writeUInt16LE(v, o) : b.writeUInt16BE(v, o));
    const w32 = (b: Buffer, v: number, o: number) => (d.le ? b.writeUInt32LE(v, o) : b.writeUInt32BE(v, o));
    w16(entry, XMP_TAG, 0);
    w16(entry, 1, 2);
    w32(entry, xmp.length, 4);
    w32(entry, xmpAt, 8);
    const kept = d.entries.filter((e) => e.tag !== XMP_TAG);
    // Inline values (≤ 4 bytes) travel inside the entry, so copying the 12 bytes keeps them.
    const all = [...kept.map((e) => ({ tag: e.tag, raw: e.raw })), { tag: XMP_TAG, raw: entry }].sort(
      (a, b) => a.tag - b.tag,
    );
    const count = Buffer.alloc(2);
    w16(count, all.length, 0);
    const table = all.map((e) => e.raw);
    const header = Buffer.from(await readExact(src, 0, 8, F));
    w32(header, ifdAt, 4);
    const pieces: Piece[] = [header, { start: 8, end: src.size }, pad, xmp, xmpPad, count, ...table, d.next];
    return pieces;
  },
};
