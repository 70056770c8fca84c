import { type ByteSource, LabelFormatError, type Piece, readExact } from '../source.js';
import { type Codec, type FoundLabel, MAX_ITEMS } from './codec.js';
import { findAigcInXmp, setAigcInXmp, XMP_ADOBE_NS } from './xmp.js';

const F = 'jpeg';
const XMP_SIG = Buffer.from(`${XMP_ADOBE_NS}\0`, 'latin1');

interface Segment {
  marker: number;
  start: number;
  end: number;
  xmp: boolean;
}

/** Segments up to the first SOS; the scan data (the content) runs from SOS to the end. */
async function segments(src: ByteSource): Promise<{ segs: Segment[]; sos: number }> {
  const soi = await readExact(src, 0, 2, F);
  if (soi[0] !== 0xff || soi[1] !== 0xd8) throw new LabelFormatError(F, 'no SOI marker');
  const segs: Segment[] = [];
  let at = 2;
  for (;;) {
    if (segs.length > MAX_ITEMS) throw new LabelFormatError(F, 'too many segments');
    const head = await readExact(src, at, 4, F);
    if (head[0] !== 0xff) throw new LabelFormatError(F, `no marker at byte ${at}`);
    const marker = head[1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xda) return { segs, sos: at };
    if (marker === 0xd9) throw new LabelFormatError(F, 'EOI before any scan');
    if (marker >= 0xd0 && marker <= 0xd7) throw new LabelFormatError(F, 'restart marker before the scan');
    const length = head.readUInt16BE(2);
    if (length < 2) throw new LabelFormatError(F, `segment length ${length} at ${at}`);
    const end = at + 2 + length;
    if (end > src.size) throw new LabelFormatError(F, `segment at ${at} runs past the end`);
    let xmp = false;
    if (marker === 0xe1 && length >= 2 + XMP_SIG.length)
      xmp = (await readExact(src, at + 4, XMP_SIG.length, F)).equals(XMP_SIG);
    segs.push({ marker, start: at, end, xmp });
    at = end;
  }
}

const packetOf = async (src: ByteSource, s: Segment) =>
  (await readExact(src, s.start + 4 + XMP_SIG.length, s.end - s.start - 4 - XMP_SIG.length, F)).toString(
    'utf8',
  );

export const jpeg: Codec = {
  id: 'jpeg',
  kind: 'image',
  placement: 'jpeg-app1-xmp',
  sniff: (head) => head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff,
  async read(src) {
    const found: FoundLabel[] = [];
    for (const s of (await segments(src)).segs)
      if (s.xmp)
        for (const raw of findAigcInXmp(await packetOf(src, s))) found.push({ raw, where: 'APP1 XMP' });
    return found;
  },
  async content(src) {
    return [{ start: (await segments(src)).sos, end: src.size }];
  },
  async write(src, json) {
    const { segs, sos } = await segments(src);
    const old = segs.find((s) => s.xmp);
    const packet = Buffer.from(setAigcInXmp(old ? await packetOf(src, old) : undefined, json), 'utf8');
    const length = 2 + XMP_SIG.length + packet.length;
    if (length > 0xffff) throw new LabelFormatError(F, 'XMP packet exceeds one APP1 segment');
    const head = Buffer.from([0xff, 0xe1, length >> 8, length & 0xff]);
    const app1 = Buffer.concat([head, XMP_SIG, packet]);
    const pieces: Piece[] = [Buffer.from([0xff, 0xd8])];
    // The new XMP goes where the old one was, else after APP0 (JFIF) and Exif APP1, as readers expect.
    let placed = false;
    const lead = old ? -1 : segs.findIndex((s) => s.marker !== 0xe0 && !(s.marker === 0xe1 && !s.xmp));
    segs.forEach((s, i) => {
      if (!placed && (s === old || i === lead)) {
        pieces.push(app1);
        placed = true;
      }
      if (!s.xmp) pieces.push({ start: s.start, end: s.end });
    });
    if (!placed) pieces.push(app1);
    pieces.push({ start: sos, end: src.size });
    return pieces;
  },
};
