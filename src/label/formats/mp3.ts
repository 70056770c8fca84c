import { type ByteSource, LabelFormatError, type Piece, readExact } from '../source.js';
import { type Codec, type FoundLabel, MAX_ITEMS, MAX_META } from './codec.js';

const F = 'mp3';
const DESC = 'AIGC';

const syncsafe = (b: Buffer, o: number) =>
  (((b[o] ?? 0) & 0x7f) << 21) |
  (((b[o + 1] ?? 0) & 0x7f) << 14) |
  (((b[o + 2] ?? 0) & 0x7f) << 7) |
  ((b[o + 3] ?? 0) & 0x7f);

function toSyncsafe(n: number): Buffer {
  return Buffer.from([(n >> 21) & 0x7f, (n >> 14) & 0x7f, (n >> 7) & 0x7f, n & 0x7f]);
}

/** Tag-level unsynchronisation (ID3v2.3) turned back into the real bytes. */
function deUnsync(b: Buffer): Buffer {
  const out = Buffer.alloc(b.length);
  let j = 0;
  for (let i = 0; i < b.length; i++) {
    out[j++] = b[i] ?? 0;
    if (b[i] === 0xff && b[i + 1] === 0) i++;
  }
  return out.subarray(0, j);
}

interface Frame {
  id: string;
  raw: Buffer; // header + body, copied verbatim when kept
  body: Buffer;
}

interface Tag {
  version: number;
  end: number; // first byte after the tag (and footer)
  frames: Frame[];
}

async function readTag(src: ByteSource): Promise<Tag | undefined> {
  if (src.size < 10) return undefined;
  const h = await readExact(src, 0, 10, F);
  if (h.toString('latin1', 0, 3) !== 'ID3') return undefined;
  const version = h[3] ?? 0;
  const flags = h[5] ?? 0;
  const size = syncsafe(h, 6);
  const end = 10 + size + (version === 4 && flags & 0x10 ? 10 : 0);
  if (size > MAX_META) throw new LabelFormatError(F, 'ID3v2 tag too large');
  if (version < 2 || version > 4) throw new LabelFormatError(F, `ID3v2.${version} is not supported`);
  let body = await readExact(src, 10, size, F);
  if (flags & 0x80 && version < 4) body = deUnsync(body);
  let at = 0;
  if (flags & 0x40 && version > 2) at = version === 4 ? syncsafe(body, 0) : 4 + body.readUInt32BE(0);
  const frames: Frame[] = [];
  const idLen = version === 2 ? 3 : 4;
  const headLen = version === 2 ? 6 : 10;
  while (at + headLen <= body.length) {
    if (frames.length > MAX_ITEMS) throw new LabelFormatError(F, 'too many frames');
    if (body[at] === 0) break; // padding
    const id = body.toString('latin1', at, at + idLen);
    const len =
      version === 2
        ? body.readUIntBE(at + 3, 3)
        : version === 4
          ? syncsafe(body, at + 4)
          : body.readUInt32BE(at + 4);
    const frameEnd = at + headLen + len;
    if (frameEnd > body.length) throw new LabelFormatError(F, `frame ${id} runs past the tag`);
    frames.push({ id, raw: body.subarray(at, frameEnd), body: body.subarray(at + headLen, frameEnd) });
    at = frameEnd;
  }
  return { version, end, frames };
}

function decode(enc: number, b: Buffer): string {
  if (enc === 0) return b.toString('latin1');
  if (enc === 3) return b.toString('utf8');
  if (enc === 2) return Buffer.from(b).swap16().toString('utf16le');
  if (b[0] === 0xfe && b[1] === 0xff)
    return Buffer.from(b.subarray(2, 2 + ((b.length - 2) & ~1)))
      .swap16()
      .toString('utf16le');
  return b.subarray(b[0] === 0xff ? 2 : 0).toString('utf16le');
}

/** TXXX: encoding, description (terminated), value. */
function userText(f: Frame): { desc: string; value: string } | undefined {
  if (f.id !== 'TXXX' && f.id !== 'TXX') return undefined;
  const enc = f.body[0] ?? 0;
  const rest = f.body.subarray(1);
  const wide = enc === 1 || enc === 2;
  let cut = -1;
  for (let i = 0; i < rest.length; i += wide ? 2 : 1)
    if (rest[i] === 0 && (!wide || rest[i + 1] === 0)) {
      cut = i;
      break;
    }
  if (cut < 0) return { desc: decode(enc, rest), value: '' };
  return {
    desc: decode(enc, rest.subarray(0, cut)),
    value: decode(enc, rest.subarray(cut + (wide ? 2 : 1))).replace(/\0+$/, ''),
  };
}

const isOurs = (f: Frame) => userText(f)?.desc.toUpperCase() === DESC;

function txxx(version: number, json: string): Buffer {
  const body = Buffer.concat([
    Buffer.from([3]),
    Buffer.from(`${DESC}\0`, 'latin1'),
    Buffer.from(json, 'utf8'),
  ]);
  const h = Buffer.alloc(10);
  h.write('TXXX', 0, 'latin1');
  if (version === 4) toSyncsafe(body.length).copy(h, 4);
  else h.writeUInt32BE(body.length, 4);
  return Buffer.concat([h, body]);
}

export const mp3: Codec = {
  id: 'mp3',
  kind: 'audio',
  placement: 'mp3-id3v2-txxx',
  sniff: (head, name) =>
    head.toString('latin1', 0, 3) === 'ID3'
      ? !/\.(flac|wav|aac)$/i.test(name)
      : head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0,
  async read(src) {
    const tag = await readTag(src);
    const found: FoundLabel[] = [];
    for (const f of tag?.frames ?? []) {
      const t = userText(f);
      if (t && t.desc.toUpperCase() === DESC)
        found.push({ raw: t.value, where: `ID3v2.${tag?.version} TXXX AIGC` });
    }
    return found;
  },
  async content(src) {
    const tag = await readTag(src);
    let end = src.size;
    if (src.size >= 128 && (await readExact(src, src.size - 128, 3, F)).toString('latin1') === 'TAG')
      end -= 128;
    return [{ start: Math.min(tag?.end ?? 0, end), end }];
  },
  async write(src, json) {
    const tag = await readTag(src);
    if (tag?.version === 2)
      throw new LabelFormatError(F, 'ID3v2.2 tags are not rewritten; convert to ID3v2.4 first');
    const version = tag?.version ?? 4;
    const frames = [...(tag?.frames ?? []).filter((f) => !isOurs(f)).map((f) => f.raw), txxx(version, json)];
    // Padding after the last frame: readers that guess v2.4 frame-size encoding by peeking at the
    // next frame id (exiftool) need something to peek at.
    const body = Buffer.concat([...frames, Buffer.alloc(64)]);
    const h = Buffer.from([0x49, 0x44, 0x33, version, 0, 0, 0, 0, 0, 0]);
    toSyncsafe(body.length).copy(h, 6);
    const pieces: Piece[] = [h, body, { start: tag?.end ?? 0, end: src.size }];
    return pieces;
  },
};
