import { type ByteSource, LabelFormatError, type Piece, type Range, readExact } from '../source.js';
import { type Codec, type FoundLabel, MAX_META } from './codec.js';
import { aigcValues, type Comments, parseComments, withAigc } from './vorbis-comment.js';

const F = 'ogg';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let j = 0; j < 8; j++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
    t[i] = r >>> 0;
  }
  return t;
})();

export function oggCrc(b: Buffer): number {
  let crc = 0;
  for (const byte of b) crc = ((crc << 8) ^ (CRC_TABLE[((crc >>> 24) ^ byte) & 0xff] ?? 0)) >>> 0;
  return crc >>> 0;
}

interface Page {
  start: number;
  payloadStart: number;
  end: number;
  serial: number;
  seq: number;
  lacing: Buffer;
}

async function pageAt(src: ByteSource, at: number): Promise<Page> {
  const h = await readExact(src, at, 27, F);
  if (h.toString('latin1', 0, 4) !== 'OggS') throw new LabelFormatError(F, `no page at byte ${at}`);
  const nseg = h[26] ?? 0;
  const lacing = await readExact(src, at + 27, nseg, F);
  let len = 0;
  for (const l of lacing) len += l;
  const end = at + 27 + nseg + len;
  if (end > src.size) throw new LabelFormatError(F, `page at ${at} runs past the end`);
  return {
    start: at,
    payloadStart: at + 27 + nseg,
    end,
    serial: h.readUInt32LE(14),
    seq: h.readUInt32LE(18),
    lacing,
  };
}

type Codecs = 'vorbis' | 'opus';

interface Headers {
  codec: Codecs;
  serial: number;
  first: Page; // identification header page
  packets: Buffer[]; // header packets after the first (comment, [setup])
  comments: Comments;
  end: number; // first byte after the header pages
  pages: number; // header pages after the first
}

async function headers(src: ByteSource): Promise<Headers> {
  const first = await pageAt(src, 0);
  const ident = await readExact(src, first.payloadStart, Math.min(8, first.end - first.payloadStart), F);
  let codec: Codecs;
  if (ident.toString('latin1', 1, 7) === 'vorbis') codec = 'vorbis';
  else if (ident.toString('latin1', 0, 8) === 'OpusHead') codec = 'opus';
  else throw new LabelFormatError(F, 'only Ogg Vorbis and Ogg Opus are supported');
  const want = codec === 'vorbis' ? 2 : 1;
  const packets: Buffer[] = [];
  let current: Buffer[] = [];
  let size = 0;
  let at = first.end;
  let pages = 0;
  while (packets.length < want) {
    const p = await pageAt(src, at);
    if (p.serial !== first.serial) throw new LabelFormatError(F, 'multiplexed Ogg streams are not supported');
    const payload = await readExact(src, p.payloadStart, p.end - p.payloadStart, F);
    let off = 0;
    for (const l of p.lacing) {
      current.push(payload.subarray(off, off + l));
      off += l;
      size += l;
      if (size > MAX_META) throw new LabelFormatError(F, 'header packets too large');
      if (l < 255) {
        packets.push(Buffer.concat(current));
        current = [];
      }
    }
    at = p.end;
    pages++;
  }
  const c = packets[0] ?? Buffer.alloc(0);
  const magic = codec === 'vorbis' ? '\x03vorbis' : 'OpusTags';
  if (c.toString('latin1', 0, magic.length) !== magic)
    throw new LabelFormatError(F, 'second packet is not a comment header');
  return {
    codec,
    serial: first.serial,
    first,
    packets,
    comments: parseComments(c.subarray(magic.length), F),
    end: at,
    pages,
  };
}

/** Lays packets out on pages (≤ 255 lacing values each), as the header pages of the stream. */
function paginate(packets: Buffer[], serial: number, firstSeq: number): Buffer[] {
  const segs: Array<{ data: Buffer; ends: boolean }> = [];
  for (const p of packets) {
    let off = 0;
    for (;;) {
      const l = Math.min(255, p.length - off);
      segs.push({ data: p.subarray(off, off + l), ends: l < 255 });
      off += l;
      if (l < 255) break;
    }
  }
  const pages: Buffer[] = [];
  let continued = false;
  for (let i = 0; i < segs.length; i += 255) {
    const group = segs.slice(i, i + 255);
    const h = Buffer.alloc(27 + group.length);
    h.write('OggS', 0, 'latin1');
    h[5] = continued ? 1 : 0;
    const completes = group.some((s) => s.ends);
    if (completes) h.writeBigUInt64LE(0n, 6);
    else h.writeBigInt64LE(-1n, 6);
    h.writeUInt32LE(serial, 14);
    h.writeUInt32LE((firstSeq + pages.length) >>> 0, 18);
    h[26] = group.length;
    group.forEach((s, j) => {
      h[27 + j] = s.data.length;
    });
    const page = Buffer.concat([h, ...group.map((s) => s.data)]);
    page.writeUInt32LE(oggCrc(page), 22);
    pages.push(page);
    continued = !(group[group.length - 1]?.ends ?? true);
  }
  return pages;
}

async function* rest(src: ByteSource, from: number, serial: number, delta: number): AsyncGenerator<Piece> {
  let at = from;
  while (at < src.size) {
    const p = await pageAt(src, at);
    if (delta === 0 || p.serial !== serial) yield { start: p.start, end: p.end };
    else {
      const page = Buffer.from(await readExact(src, p.start, p.end - p.start, F));
      page.writeUInt32LE((p.seq + delta) >>> 0, 18);
      page.writeUInt32LE(0, 22);
      page.writeUInt32LE(oggCrc(page), 22);
      yield page;
    }
    at = p.end;
  }
}

async function* payloads(src: ByteSource, from: number): AsyncGenerator<Range> {
  let at = from;
  while (at < src.size) {
    const p = await pageAt(src, at);
    yield { start: p.payloadStart, end: p.end };
    at = p.end;
  }
}

export const ogg: Codec = {
  id: 'ogg',
  kind: 'audio',
  placement: 'ogg-vorbis-comment',
  sniff: (head) => head.toString('latin1', 0, 4) === 'OggS',
  async read(src) {
    const h = await headers(src);
    return aigcValues(h.comments).map(
      (raw): FoundLabel => ({ raw, where: `${h.codec === 'opus' ? 'OpusTags' : 'Vorbis comment'} AIGC` }),
    );
  },
  async content(src) {
    return payloads(src, (await headers(src)).end);
  },
  async write(src, json) {
    const h = await headers(src);
    const magic = Buffer.from(h.codec === 'vorbis' ? '\x03vorbis' : 'OpusTags', 'latin1');
    const packets = [Buffer.concat([magic, withAigc(h.comments, json)]), ...h.packets.slice(1)];
    const first = h.first;
    const pages = paginate(packets, h.serial, first.seq + 1);
    const delta = pages.length - h.pages;
    async function* all(): AsyncGenerator<Piece> {
      yield { start: first.start, end: first.end };
      yield* pages;
      yield* rest(src, h.end, h.serial, delta);
    }
    return all();
  },
};
