import { type ByteSource, LabelFormatError, type Piece, piecesLength, readExact } from '../source.js';
import type { Codec, FoundLabel } from './codec.js';
import { copyChunk, type RiffChunk, riffChunk, riffChunks, riffHeader } from './riff.js';
import { findAigcInXmp, setAigcInXmp } from './xmp.js';

const F = 'webp';
const IMAGE = new Set(['VP8 ', 'VP8L', 'ALPH', 'ANMF']);
const XMP_FLAG = 0x04;
const ALPHA_FLAG = 0x10;

const xmpText = async (src: ByteSource, c: RiffChunk) =>
  (await readExact(src, c.dataStart, c.size, F)).toString('utf8');

/** Canvas size and alpha of a simple-format WebP, needed to promote it to VP8X (extended). */
async function simpleInfo(src: ByteSource, c: RiffChunk): Promise<{ w: number; h: number; alpha: boolean }> {
  if (c.id === 'VP8 ') {
    const d = await readExact(src, c.dataStart, 10, F);
    if (d[3] !== 0x9d || d[4] !== 0x01 || d[5] !== 0x2a) throw new LabelFormatError(F, 'bad VP8 start code');
    return { w: d.readUInt16LE(6) & 0x3fff, h: d.readUInt16LE(8) & 0x3fff, alpha: false };
  }
  const d = await readExact(src, c.dataStart, 5, F);
  if (d[0] !== 0x2f) throw new LabelFormatError(F, 'bad VP8L signature');
  const bits = d.readUInt32LE(1);
  return { w: (bits & 0x3fff) + 1, h: ((bits >>> 14) & 0x3fff) + 1, alpha: ((bits >>> 28) & 1) === 1 };
}

export const webp: Codec = {
  id: 'webp',
  kind: 'image',
  placement: 'webp-xmp-chunk',
  sniff: (head) => head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP',
  async read(src) {
    const found: FoundLabel[] = [];
    for (const c of await riffChunks(src, 'WEBP', F))
      if (c.id === 'XMP ')
        for (const raw of findAigcInXmp(await xmpText(src, c))) found.push({ raw, where: 'XMP chunk' });
    return found;
  },
  async content(src) {
    return (await riffChunks(src, 'WEBP', F))
      .filter((c) => IMAGE.has(c.id))
      .map((c) => ({ start: c.dataStart, end: c.dataStart + c.size }));
  },
  async write(src, json) {
    const chunks = await riffChunks(src, 'WEBP', F);
    const first = chunks[0];
    if (!first) throw new LabelFormatError(F, 'no chunks');
    const old = chunks.find((c) => c.id === 'XMP ');
    const xmp = riffChunk(
      'XMP ',
      Buffer.from(setAigcInXmp(old ? await xmpText(src, old) : undefined, json), 'utf8'),
    );
    const body: Piece[] = [];
    if (first.id === 'VP8X') {
      const vp8x = Buffer.from(await readExact(src, first.dataStart, first.size, F));
      vp8x[0] = (vp8x[0] ?? 0) | XMP_FLAG;
      body.push(riffChunk('VP8X', vp8x));
      for (const c of chunks.slice(1)) if (c.id !== 'XMP ') body.push(...copyChunk(c));
    } else if (first.id === 'VP8 ' || first.id === 'VP8L') {
      const { w, h, alpha } = await simpleInfo(src, first);
      const vp8x = Buffer.alloc(10);
      vp8x[0] = XMP_FLAG | (alpha ? ALPHA_FLAG : 0);
      vp8x.writeUIntLE(w - 1, 4, 3);
      vp8x.writeUIntLE(h - 1, 7, 3);
      body.push(riffChunk('VP8X', vp8x));
      for (const c of chunks) if (c.id !== 'XMP ') body.push(...copyChunk(c));
    } else throw new LabelFormatError(F, `unexpected first chunk ${first.id}`);
    body.push(xmp); // the container spec puts XMP last
    return [riffHeader('WEBP', piecesLength(body)), ...body];
  },
};
