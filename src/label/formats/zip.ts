import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { type ByteSource, LabelFormatError, type Piece, readExact } from '../source.js';
import { MAX_META } from './codec.js';

const F = 'ooxml';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  central: Buffer; // the whole central-directory record
}

/** Central directory from the end of the archive: no need to read the members. */
export async function zipEntries(src: ByteSource): Promise<ZipEntry[]> {
  const tailLen = Math.min(src.size, 65557);
  const tail = await readExact(src, src.size - tailLen, tailLen, F);
  const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > tail.length) throw new LabelFormatError(F, 'no end of central directory');
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdAt = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdAt === 0xffffffff) throw new LabelFormatError(F, 'ZIP64 is not supported');
  if (cdAt + cdSize > src.size || cdSize > MAX_META) throw new LabelFormatError(F, 'bad central directory');
  const cd = await readExact(src, cdAt, cdSize, F);
  const out: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > cd.length || cd.readUInt32LE(at) !== 0x02014b50)
      throw new LabelFormatError(F, 'bad central directory record');
    const n = cd.readUInt16LE(at + 28);
    const e = cd.readUInt16LE(at + 30);
    const c = cd.readUInt16LE(at + 32);
    const end = at + 46 + n + e + c;
    if (end > cd.length) throw new LabelFormatError(F, 'central directory record truncated');
    out.push({
      name: cd.toString('utf8', at + 46, at + 46 + n),
      flags: cd.readUInt16LE(at + 8),
      method: cd.readUInt16LE(at + 10),
      crc: cd.readUInt32LE(at + 16),
      compressedSize: cd.readUInt32LE(at + 20),
      size: cd.readUInt32LE(at + 24),
      localOffset: cd.readUInt32LE(at + 42),
      central: Buffer.from(cd.subarray(at, end)),
    });
    at = end;
  }
  return out;
}

async function dataStart(src: ByteSource, e: ZipEntry): Promise<number> {
  const h = await readExact(src, e.localOffset, 30, F);
  if (h.readUInt32LE(0) !== 0x04034b50) throw new LabelFormatError(F, `bad local header for ${e.name}`);
  return e.localOffset + 30 + h.readUInt16LE(26) + h.readUInt16LE(28);
}

/** The member's bytes from its local header to the end of its data (and data descriptor). */
async function memberRange(src: ByteSource, e: ZipEntry): Promise<{ start: number; end: number }> {
  let end = (await dataStart(src, e)) + e.compressedSize;
  if (e.flags & 8) {
    const d = await readExact(src, end, Math.min(16, src.size - end), F);
    end += d.readUInt32LE(0) === 0x08074b50 ? 16 : 12;
  }
  if (end > src.size) throw new LabelFormatError(F, `member ${e.name} runs past the end`);
  return { start: e.localOffset, end };
}

export async function readMember(src: ByteSource, e: ZipEntry): Promise<Buffer> {
  if (e.size > MAX_META || e.compressedSize > MAX_META) throw new LabelFormatError(F, `${e.name} too large`);
  const data = await readExact(src, await dataStart(src, e), e.compressedSize, F);
  if (e.method === 0) return data;
  if (e.method !== 8) throw new LabelFormatError(F, `${e.name}: compression method ${e.method}`);
  try {
    return inflateRawSync(data, { maxOutputLength: MAX_META });
  } catch {
    throw new LabelFormatError(F, `${e.name} does not inflate`);
  }
}

/** Rewrites the archive: members in `replace` get new bytes, the rest are copied compressed as they are. */
export async function rewriteZip(
  src: ByteSource,
  entries: ZipEntry[],
  replace: Map<string, Buffer>,
): Promise<Piece[]> {
  const pieces: Piece[] = [];
  const central: Buffer[] = [];
  let at = 0;
  const add = (name: string, data: Buffer) => {
    const deflated = deflateRawSync(data);
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00 (fixed, so output is reproducible)
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    local.copy(cd, 8, 6, 30);
    cd.writeUInt32LE(at, 42);
    central.push(Buffer.concat([cd, nameBuf]));
    pieces.push(local, nameBuf, deflated);
    at += 30 + nameBuf.length + deflated.length;
  };
  const done = new Set<string>();
  for (const e of entries) {
    const next = replace.get(e.name);
    if (next) {
      add(e.name, next);
      done.add(e.name);
      continue;
    }
    const r = await memberRange(src, e);
    const cd = Buffer.from(e.central);
    cd.writeUInt32LE(at, 42);
    central.push(cd);
    pieces.push(r);
    at += r.end - r.start;
  }
  for (const [name, data] of replace) if (!done.has(name)) add(name, data);
  const cdBuf = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(central.length, 8);
  eocd.writeUInt16LE(central.length, 10);
  eocd.writeUInt32LE(cdBuf.length, 12);
  eocd.writeUInt32LE(at, 16);
  pieces.push(cdBuf, eocd);
  return pieces;
}
