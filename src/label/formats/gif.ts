import { type ByteSource, Cursor, LabelFormatError, type Piece, type Range, readExact } from '../source.js';
import { type Codec, type FoundLabel, MAX_ITEMS, MAX_META } from './codec.js';
import { findAigcInXmp, setAigcInXmp } from './xmp.js';

const F = 'gif';
const XMP_APP = 'XMP DataXMP';

interface Block {
  start: number;
  end: number;
  xmp: boolean;
}

/** Skips data sub-blocks up to and including the terminator. */
async function skipSubBlocks(c: Cursor): Promise<void> {
  for (let n = 0; n < MAX_ITEMS * 16; n++) {
    const len = await c.byte();
    if (len === 0) return;
    c.pos += len;
  }
  throw new LabelFormatError(F, 'endless sub-blocks');
}

async function layout(src: ByteSource): Promise<{ headerEnd: number; blocks: Block[]; end: number }> {
  const h = await readExact(src, 0, 13, F);
  const sig = h.toString('latin1', 0, 6);
  if (sig !== 'GIF89a' && sig !== 'GIF87a') throw new LabelFormatError(F, 'bad signature');
  const flags = h[10] ?? 0;
  const headerEnd = 13 + (flags & 0x80 ? 3 * 2 ** ((flags & 7) + 1) : 0);
  const c = new Cursor(src, headerEnd, F);
  const blocks: Block[] = [];
  for (;;) {
    if (blocks.length > MAX_ITEMS) throw new LabelFormatError(F, 'too many blocks');
    const start = c.pos;
    const intro = await c.byte();
    if (intro === 0x3b) return { headerEnd, blocks, end: c.pos };
    if (intro === 0x21) {
      const label = await c.byte();
      let xmp = false;
      if (label === 0xff) {
        const size = await c.byte();
        const id = await c.bytes(size);
        xmp = size === 11 && id.toString('latin1') === XMP_APP;
      }
      await skipSubBlocks(c);
      blocks.push({ start, end: c.pos, xmp });
    } else if (intro === 0x2c) {
      const d = await c.bytes(9);
      const f = d[8] ?? 0;
      if (f & 0x80) c.pos += 3 * 2 ** ((f & 7) + 1);
      c.pos += 1; // LZW minimum code size
      await skipSubBlocks(c);
      blocks.push({ start, end: c.pos, xmp: false });
    } else throw new LabelFormatError(F, `unknown block 0x${intro.toString(16)} at ${start}`);
    if (c.pos > src.size) throw new LabelFormatError(F, 'truncated');
  }
}

/** XMP in GIF is stored raw (its bytes double as sub-block lengths) and ends in a 257-byte "magic trailer". */
async function xmpOf(src: ByteSource, b: Block): Promise<string> {
  const from = b.start + 14;
  if (b.end - from > MAX_META) throw new LabelFormatError(F, 'XMP block too large');
  const raw = await readExact(src, from, Math.max(0, b.end - from - 258), F);
  return raw.toString('utf8');
}

function xmpBlock(packet: string): Buffer {
  const trailer = Buffer.alloc(258);
  trailer[0] = 1;
  for (let i = 0; i < 256; i++) trailer[1 + i] = 255 - i;
  trailer[257] = 0;
  return Buffer.concat([
    Buffer.from([0x21, 0xff, 11]),
    Buffer.from(XMP_APP, 'latin1'),
    Buffer.from(packet, 'utf8'),
    trailer,
  ]);
}

export const gif: Codec = {
  id: 'gif',
  kind: 'image',
  placement: 'gif-xmp-extension',
  sniff: (head) => head.toString('latin1', 0, 4) === 'GIF8',
  async read(src) {
    const found: FoundLabel[] = [];
    for (const b of (await layout(src)).blocks)
      if (b.xmp)
        for (const raw of findAigcInXmp(await xmpOf(src, b)))
          found.push({ raw, where: 'XMP application extension' });
    return found;
  },
  async content(src) {
    const { blocks, end } = await layout(src);
    const out: Range[] = [];
    let at = 0;
    for (const b of blocks)
      if (b.xmp) {
        out.push({ start: at, end: b.start });
        at = b.end;
      }
    out.push({ start: at, end });
    return out;
  },
  async write(src, json) {
    const { headerEnd, blocks } = await layout(src);
    const old = blocks.find((b) => b.xmp);
    const packet = setAigcInXmp(old ? await xmpOf(src, old) : undefined, json);
    const pieces: Piece[] = [{ start: 0, end: headerEnd }, xmpBlock(packet)];
    for (const b of blocks) if (!b.xmp) pieces.push({ start: b.start, end: b.end });
    pieces.push(Buffer.from([0x3b]));
    return pieces;
  },
};
