import { type ByteSource, LabelFormatError, type Piece, readExact } from '../source.js';
import { type Codec, type FoundLabel, MAX_ITEMS, MAX_META } from './codec.js';

const F = 'mp4';
const KEY = 'AIGC';
/** exiftool writes Keys tags under Apple's reverse-DNS prefix; the label is the same. */
const isKey = (k: string) => k === KEY || k === `com.apple.quicktime.${KEY}`;

interface Box {
  type: string;
  start: number;
  headerSize: number;
  end: number;
}

async function topLevel(src: ByteSource): Promise<Box[]> {
  const boxes: Box[] = [];
  let at = 0;
  while (at + 8 <= src.size) {
    if (boxes.length > MAX_ITEMS) throw new LabelFormatError(F, 'too many boxes');
    const h = await readExact(src, at, Math.min(16, src.size - at), F);
    let size = h.readUInt32BE(0);
    let headerSize = 8;
    if (size === 1) {
      if (h.length < 16) throw new LabelFormatError(F, 'truncated large box');
      size = Number(h.readBigUInt64BE(8));
      headerSize = 16;
    } else if (size === 0) size = src.size - at;
    if (size < headerSize || at + size > src.size)
      throw new LabelFormatError(F, `box ${h.toString('latin1', 4, 8)} at ${at} has a bad size`);
    boxes.push({ type: h.toString('latin1', 4, 8), start: at, headerSize, end: at + size });
    at += size;
  }
  if (!boxes.some((b) => b.type === 'moov')) throw new LabelFormatError(F, 'no moov box');
  return boxes;
}

/** Child boxes of an in-memory box body. */
function children(b: Buffer, from = 0, to = b.length): Box[] {
  const out: Box[] = [];
  let at = from;
  while (at + 8 <= to) {
    let size = b.readUInt32BE(at);
    let headerSize = 8;
    if (size === 1) {
      if (at + 16 > to) throw new LabelFormatError(F, 'truncated large box');
      size = Number(b.readBigUInt64BE(at + 8));
      headerSize = 16;
    } else if (size === 0) size = to - at;
    if (size < headerSize || at + size > to)
      throw new LabelFormatError(F, `box at ${at} inside moov has a bad size`);
    out.push({ type: b.toString('latin1', at + 4, at + 8), start: at, headerSize, end: at + size });
    at += size;
    if (out.length > MAX_ITEMS) throw new LabelFormatError(F, 'too many boxes');
  }
  return out;
}

const body = (b: Buffer, box: Box) => b.subarray(box.start + box.headerSize, box.end);

function box(type: string, ...parts: Buffer[]): Buffer {
  const payload = Buffer.concat(parts);
  const h = Buffer.alloc(8);
  h.writeUInt32BE(8 + payload.length, 0);
  h.write(type, 4, 'latin1');
  return Buffer.concat([h, payload]);
}

/** QuickTime writes `meta` as a plain box, ISO as a full box: tell by where `hdlr` sits. */
function metaChildren(meta: Buffer): Box[] {
  const plain = meta.length >= 8 && meta.toString('latin1', 4, 8) === 'hdlr';
  return children(meta, plain ? 0 : 4);
}

interface Mdta {
  keys: string[];
  values: Map<number, Buffer>; // key index (1-based) → ilst item body
}

function readMdta(meta: Buffer): Mdta | undefined {
  const kids = metaChildren(meta);
  const hdlr = kids.find((k) => k.type === 'hdlr');
  if (!hdlr || body(meta, hdlr).toString('latin1', 8, 12) !== 'mdta') return undefined;
  const keys: string[] = [];
  const kb = kids.find((k) => k.type === 'keys');
  if (kb) {
    const b = body(meta, kb);
    const n = b.length >= 8 ? b.readUInt32BE(4) : 0;
    let at = 8;
    for (let i = 0; i < n && at + 8 <= b.length; i++) {
      const size = b.readUInt32BE(at);
      if (size < 8 || at + size > b.length) throw new LabelFormatError(F, 'bad keys entry');
      keys.push(b.toString('utf8', at + 8, at + size));
      at += size;
    }
  }
  const values = new Map<number, Buffer>();
  const ilst = kids.find((k) => k.type === 'ilst');
  if (ilst) {
    const b = body(meta, ilst);
    for (const item of children(b)) values.set(b.readUInt32BE(item.start + 4), body(b, item));
  }
  return { keys, values };
}

function dataValue(item: Buffer): string | undefined {
  for (const d of children(item)) if (d.type === 'data') return body(item, d).subarray(8).toString('utf8');
  return undefined;
}

function findLabels(moov: Buffer): FoundLabel[] {
  const found: FoundLabel[] = [];
  const visit = (where: string, meta: Buffer) => {
    const m = readMdta(meta);
    if (!m) return;
    m.keys.forEach((k, i) => {
      if (isKey(k)) {
        const v = m.values.get(i + 1);
        const raw = v ? dataValue(v) : undefined;
        if (raw !== undefined) found.push({ raw, where });
      }
    });
  };
  for (const c of children(moov)) {
    if (c.type === 'meta') visit('moov/meta keys', body(moov, c));
    if (c.type === 'udta') {
      const u = body(moov, c);
      for (const m of children(u)) if (m.type === 'meta') visit('moov/udta/meta keys', body(u, m));
    }
  }
  return found;
}

function mdtaMeta(entries: Array<[string, Buffer]>): Buffer {
  const hdlr = box('hdlr', Buffer.alloc(8), Buffer.from('mdta', 'latin1'), Buffer.alloc(13));
  const keyBoxes = entries.map(([k]) => box('mdta', Buffer.from(k, 'utf8')));
  const head = Buffer.alloc(8);
  head.writeUInt32BE(entries.length, 4);
  const keys = box('keys', head, ...keyBoxes);
  const items = entries.map(([, item], i) => {
    const b = box('    ', item);
    b.writeUInt32BE(i + 1, 4);
    return b;
  });
  return box('meta', Buffer.alloc(4), hdlr, keys, box('ilst', ...items));
}

const utf8Item = (value: string) =>
  box('data', Buffer.from([0, 0, 0, 1, 0, 0, 0, 0]), Buffer.from(value, 'utf8'));

/** Shifts chunk offsets (stco/co64) that point past `after` by `delta`, in place. */
function shiftOffsets(b: Buffer, from: number, to: number, after: number, delta: number): void {
  for (const c of children(b, from, to)) {
    const s = c.start + c.headerSize;
    if (['trak', 'mdia', 'minf', 'stbl'].includes(c.type)) shiftOffsets(b, s, c.end, after, delta);
    else if (c.type === 'stco' || c.type === 'co64') {
      const wide = c.type === 'co64';
      const n = b.readUInt32BE(s + 4);
      if (s + 8 + n * (wide ? 8 : 4) > c.end)
        throw new LabelFormatError(F, `${c.type} table runs past its box`);
      for (let i = 0; i < n; i++) {
        const at = s + 8 + i * (wide ? 8 : 4);
        if (wide) {
          const v = b.readBigUInt64BE(at);
          if (v >= BigInt(after)) b.writeBigUInt64BE(v + BigInt(delta), at);
        } else {
          const v = b.readUInt32BE(at);
          if (v >= after) {
            if (v + delta > 0xffffffff) throw new LabelFormatError(F, 'chunk offsets overflow 32 bits');
            b.writeUInt32BE(v + delta, at);
          }
        }
      }
    }
  }
}

async function moovOf(src: ByteSource, boxes: Box[]): Promise<{ box: Box; data: Buffer }> {
  const m = boxes.find((b) => b.type === 'moov');
  if (!m) throw new LabelFormatError(F, 'no moov box');
  if (m.end - m.start > MAX_META) throw new LabelFormatError(F, 'moov too large');
  const data = await readExact(src, m.start + m.headerSize, m.end - m.start - m.headerSize, F);
  return { box: m, data };
}

export const mp4: Codec = {
  id: 'mp4',
  kind: 'video',
  placement: 'mp4-udta-meta-keys',
  sniff: (head) => ['ftyp', 'moov', 'mdat', 'wide', 'free'].includes(head.toString('latin1', 4, 8)),
  async read(src) {
    return findLabels((await moovOf(src, await topLevel(src))).data);
  },
  async content(src) {
    return (await topLevel(src))
      .filter((b) => b.type === 'mdat')
      .map((b) => ({ start: b.start + b.headerSize, end: b.end }));
  },
  async write(src, json) {
    const boxes = await topLevel(src);
    const { box: mbox, data: moov } = await moovOf(src, boxes);
    const parts: Buffer[] = [];
    let udta: Buffer | undefined;
    for (const c of children(moov)) {
      const raw = moov.subarray(c.start, c.end);
      if (c.type === 'meta' && readMdta(body(moov, c))) {
        // An AIGC key in moov/meta would be a second label: keep that meta, without the key.
        const m = readMdta(body(moov, c));
        const rest = m
          ? m.keys.flatMap(
              (k, i): Array<[string, Buffer]> => (isKey(k) ? [] : [[k, m.values.get(i + 1) ?? utf8Item('')]]),
            )
          : [];
        if (rest.length > 0) parts.push(mdtaMeta(rest));
      } else if (c.type === 'udta') udta = body(moov, c);
      else parts.push(Buffer.from(raw));
    }
    const udtaParts: Buffer[] = [];
    let entries: Array<[string, Buffer]> = [];
    for (const c of udta ? children(udta) : []) {
      const m = c.type === 'meta' && udta ? readMdta(body(udta, c)) : undefined;
      if (m)
        entries = m.keys.flatMap(
          (k, i): Array<[string, Buffer]> => (isKey(k) ? [] : [[k, m.values.get(i + 1) ?? utf8Item('')]]),
        );
      else if (udta) udtaParts.push(udta.subarray(c.start, c.end));
    }
    entries.push([KEY, utf8Item(json)]);
    udtaParts.push(mdtaMeta(entries));
    parts.push(box('udta', ...udtaParts));
    const newMoov = box('moov', ...parts);
    const delta = newMoov.length - (mbox.end - mbox.start);
    // Chunk offsets point into mdat: when moov sits before it, they move with moov's growth.
    if (delta !== 0 && boxes.some((b) => b.type === 'mdat' && b.start > mbox.start))
      shiftOffsets(newMoov, 8, newMoov.length, mbox.end, delta);
    const pieces: Piece[] = [{ start: 0, end: mbox.start }, newMoov, { start: mbox.end, end: src.size }];
    return pieces;
  },
};
