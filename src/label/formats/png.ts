import { crc32, inflateSync } from 'node:zlib';
import { type ByteSource, LabelFormatError, type Piece, type Range, readExact } from '../source.js';
import { type Codec, type FoundLabel, MAX_ITEMS, MAX_META } from './codec.js';
import { findAigcInXmp, setAigcInXmp } from './xmp.js';

const SIG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const XMP_KEY = 'XML:com.adobe.xmp';
const F = 'png';

interface Chunk {
  type: string;
  start: number; // offset of the length field
  dataStart: number;
  length: number;
  end: number; // after the CRC
}

export async function pngChunks(src: ByteSource): Promise<Chunk[]> {
  const sig = await readExact(src, 0, 8, F);
  if (!sig.equals(SIG)) throw new LabelFormatError(F, 'bad signature');
  const chunks: Chunk[] = [];
  let at = 8;
  while (at < src.size) {
    if (chunks.length > MAX_ITEMS) throw new LabelFormatError(F, 'too many chunks');
    const head = await readExact(src, at, 8, F);
    const length = head.readUInt32BE(0);
    const type = head.toString('latin1', 4, 8);
    const end = at + 12 + length;
    if (end > src.size) throw new LabelFormatError(F, `chunk ${type} at ${at} runs past the end`);
    chunks.push({ type, start: at, dataStart: at + 8, length, end });
    at = end;
    if (type === 'IEND') break;
  }
  if (chunks[0]?.type !== 'IHDR') throw new LabelFormatError(F, 'first chunk is not IHDR');
  return chunks;
}

const isText = (c: Chunk) => c.type === 'iTXt' || c.type === 'tEXt' || c.type === 'zTXt';

async function textChunk(src: ByteSource, c: Chunk): Promise<{ keyword: string; text: string }> {
  if (c.length > MAX_META) throw new LabelFormatError(F, `${c.type} chunk too large`);
  const data = await readExact(src, c.dataStart, c.length, F);
  const nul = data.indexOf(0);
  if (nul < 0) throw new LabelFormatError(F, `${c.type} without keyword`);
  const keyword = data.toString('latin1', 0, nul);
  if (c.type === 'tEXt') return { keyword, text: data.toString('latin1', nul + 1) };
  if (c.type === 'zTXt') return { keyword, text: inflate(data.subarray(nul + 2)).toString('latin1') };
  const compressed = data[nul + 1] === 1;
  const lang = data.indexOf(0, nul + 3);
  const translated = lang < 0 ? -1 : data.indexOf(0, lang + 1);
  if (translated < 0) throw new LabelFormatError(F, 'iTXt header truncated');
  const body = data.subarray(translated + 1);
  return { keyword, text: (compressed ? inflate(body) : body).toString('utf8') };
}

function inflate(b: Buffer): Buffer {
  try {
    return inflateSync(b, { maxOutputLength: MAX_META });
  } catch {
    throw new LabelFormatError(F, 'compressed text chunk does not inflate');
  }
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export const png: Codec = {
  id: 'png',
  kind: 'image',
  placement: 'png-itxt-xmp',
  sniff: (head) => head.subarray(0, 8).equals(SIG),
  async read(src) {
    const found: FoundLabel[] = [];
    for (const c of await pngChunks(src)) {
      if (!isText(c)) continue;
      const { keyword, text } = await textChunk(src, c);
      if (keyword === XMP_KEY)
        for (const raw of findAigcInXmp(text)) found.push({ raw, where: `${c.type} XMP` });
      else if (keyword === 'AIGC') found.push({ raw: text, where: `${c.type} AIGC` });
    }
    return found;
  },
  async content(src) {
    return (await pngChunks(src))
      .filter((c) => c.type === 'IDAT' || c.type === 'fdAT')
      .map((c): Range => ({ start: c.dataStart, end: c.dataStart + c.length }));
  },
  async write(src, json) {
    const chunks = await pngChunks(src);
    let xmp: string | undefined;
    const keep: Chunk[] = [];
    for (const c of chunks) {
      if (isText(c)) {
        const { keyword, text } = await textChunk(src, c);
        if (keyword === XMP_KEY) {
          xmp ??= text;
          continue;
        }
        if (keyword === 'AIGC') continue;
      }
      keep.push(c);
    }
    const packet = setAigcInXmp(xmp, json);
    const data = Buffer.concat([Buffer.from(`${XMP_KEY}\0\0\0\0\0`, 'latin1'), Buffer.from(packet, 'utf8')]);
    const pieces: Piece[] = [SIG];
    for (const c of keep) {
      pieces.push({ start: c.start, end: c.end });
      if (c.type === 'IHDR') pieces.push(chunk('iTXt', data));
    }
    return pieces;
  },
};
