import { type ByteSource, LabelFormatError, type Piece, readExact } from '../source.js';
import { type Codec, type FoundLabel, MAX_ITEMS, MAX_META } from './codec.js';
import { aigcValues, parseComments, withAigc } from './vorbis-comment.js';

const F = 'flac';

interface Block {
  type: number;
  start: number;
  dataStart: number;
  end: number;
}

async function blocks(src: ByteSource): Promise<{ list: Block[]; audio: number }> {
  const sig = await readExact(src, 0, 4, F);
  if (sig.toString('latin1') !== 'fLaC') throw new LabelFormatError(F, 'bad signature');
  const list: Block[] = [];
  let at = 4;
  for (;;) {
    if (list.length > MAX_ITEMS) throw new LabelFormatError(F, 'too many metadata blocks');
    const h = await readExact(src, at, 4, F);
    const last = ((h[0] ?? 0) & 0x80) !== 0;
    const end = at + 4 + h.readUIntBE(1, 3);
    if (end > src.size) throw new LabelFormatError(F, `metadata block at ${at} runs past the end`);
    list.push({ type: (h[0] ?? 0) & 0x7f, start: at, dataStart: at + 4, end });
    at = end;
    if (last) return { list, audio: at };
  }
}

const comments = async (src: ByteSource, b: Block) => {
  if (b.end - b.dataStart > MAX_META) throw new LabelFormatError(F, 'comment block too large');
  return parseComments(await readExact(src, b.dataStart, b.end - b.dataStart, F), F);
};

function header(type: number, last: boolean, length: number): Buffer {
  if (length > 0xffffff) throw new LabelFormatError(F, 'metadata block too large');
  const h = Buffer.alloc(4);
  h[0] = (last ? 0x80 : 0) | type;
  h.writeUIntBE(length, 1, 3);
  return h;
}

export const flac: Codec = {
  id: 'flac',
  kind: 'audio',
  placement: 'flac-vorbis-comment',
  sniff: (head) => head.toString('latin1', 0, 4) === 'fLaC',
  async read(src) {
    const found: FoundLabel[] = [];
    for (const b of (await blocks(src)).list)
      if (b.type === 4)
        for (const raw of aigcValues(await comments(src, b)))
          found.push({ raw, where: 'VORBIS_COMMENT AIGC' });
    return found;
  },
  async content(src) {
    return [{ start: (await blocks(src)).audio, end: src.size }];
  },
  async write(src, json) {
    const { list, audio } = await blocks(src);
    const vc = list.find((b) => b.type === 4);
    const data = withAigc(
      vc ? await comments(src, vc) : { vendor: Buffer.from('beian'), entries: [], tail: Buffer.alloc(0) },
      json,
    );
    const kept = list.filter((b) => b.type !== 4);
    const out: Array<{ type: number; data: Piece }> = [];
    for (const b of kept) {
      out.push({ type: b.type, data: { start: b.dataStart, end: b.end } });
      if (b.type === 0) out.push({ type: 4, data }); // right after STREAMINFO
    }
    const pieces: Piece[] = [Buffer.from('fLaC', 'latin1')];
    out.forEach((b, i) => {
      const len = Buffer.isBuffer(b.data) ? b.data.length : b.data.end - b.data.start;
      pieces.push(header(b.type, i === out.length - 1, len), b.data);
    });
    pieces.push({ start: audio, end: src.size });
    return pieces;
  },
};
