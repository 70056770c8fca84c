import { type NumberSet, SmallIntSet, WideIntSet } from '../util/int-set.js';
import type { PiiDictionaries } from './dictionaries.js';
import type { WordStats } from './word-stats.js';

/**
 * The word statistics as one flat byte layout: a small JSON header, then every table 8-byte
 * aligned. Reading it back makes views over the bytes (no copy, no per-entry work), so the build's
 * snapshot loads in about a millisecond and worker threads share one SharedArrayBuffer of it
 * instead of each receiving a structured clone of 300k set entries. Pure: the caller reads the file.
 *
 *   "BWS2" | u32 header length | header JSON | padding to 8 | sections, each 8-byte aligned
 */
const MAGIC = 0x32535742; // "BWS2" little-endian

type Section =
  | { name: string; kind: 'i32set' | 'f64set'; size: number; offset: number; length: number }
  | { name: string; kind: 'f32' | 'strings'; offset: number; length: number };

interface Header {
  /** what the statistics were built from (load.ts compares it before trusting the file) */
  tag: string;
  sections: Section[];
}

const align8 = (n: number): number => (n + 7) & ~7;

/**
 * Encodes statistics; every field is written by its kind (hash set, Float32Array, string set), so a
 * field added to WordStats travels without a change here. `into` allocates the bytes (a
 * SharedArrayBuffer-backed array to share them between threads).
 */
export function encodeWordStats(
  stats: WordStats,
  tag: string,
  into: (bytes: number) => Uint8Array = (n) => new Uint8Array(n),
): Uint8Array {
  const parts: Array<{ section: Section; bytes: Uint8Array }> = [];
  for (const [name, value] of Object.entries(stats) as Array<[string, unknown]>) {
    let bytes: Uint8Array;
    let section: Section;
    if (value instanceof SmallIntSet || value instanceof WideIntSet) {
      const t = value.table;
      bytes = new Uint8Array(t.buffer, t.byteOffset, t.byteLength);
      section = {
        name,
        kind: value instanceof SmallIntSet ? 'i32set' : 'f64set',
        size: value.size,
        offset: 0,
        length: t.length,
      };
    } else if (value instanceof Float32Array) {
      bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      section = { name, kind: 'f32', offset: 0, length: value.length };
    } else if (value instanceof Set) {
      bytes = new TextEncoder().encode([...(value as Set<string>)].join('\n'));
      section = { name, kind: 'strings', offset: 0, length: bytes.length };
    } else throw new TypeError(`word statistics field ${name}: no encoding for it`);
    parts.push({ section, bytes });
  }
  // offsets count from the first section, which starts at the first 8-byte boundary after the header
  let at = 0;
  for (const p of parts) {
    p.section.offset = at;
    at = align8(at + p.bytes.length);
  }
  const header: Header = { tag, sections: parts.map((p) => p.section) };
  const head = new TextEncoder().encode(JSON.stringify(header));
  const base = align8(8 + head.length);
  const out = into(base + at);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, head.length, true);
  out.set(head, 8);
  for (const p of parts) out.set(p.bytes, base + p.section.offset);
  return out;
}

/** The tag of encoded statistics, or undefined when the bytes are not such a file. */
export function wordStatsTag(bytes: Uint8Array): string | undefined {
  return readHeader(bytes)?.tag;
}

function readHeader(bytes: Uint8Array): (Header & { base: number }) | undefined {
  if (bytes.length < 8) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) return undefined;
  const len = view.getUint32(4, true);
  if (8 + len > bytes.length) return undefined;
  try {
    const h = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + len))) as Header;
    return typeof h.tag === 'string' && Array.isArray(h.sections)
      ? { ...h, base: align8(8 + len) }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Views over encoded statistics (the bytes must stay unchanged while they are used). Undefined
 * when the bytes are not an intact encoding.
 */
export function decodeWordStats(input: Uint8Array): WordStats | undefined {
  const header = readHeader(input);
  if (!header) return undefined;
  // typed-array views need their element alignment: a buffer read at an odd offset is copied once
  const bytes = input.byteOffset % 8 === 0 ? input : input.slice();
  const out: Record<string, NumberSet | Float32Array | ReadonlySet<string>> = {};
  for (const s of header.sections) {
    const from = header.base + s.offset;
    const at = bytes.byteOffset + from;
    const width = s.kind === 'f64set' ? 8 : s.kind === 'strings' ? 1 : 4;
    if (from % 8 !== 0 || from + s.length * width > bytes.length) return undefined;
    if (s.kind === 'i32set')
      out[s.name] = new SmallIntSet(new Int32Array(bytes.buffer, at, s.length), s.size);
    else if (s.kind === 'f64set')
      out[s.name] = new WideIntSet(new Float64Array(bytes.buffer, at, s.length), s.size);
    else if (s.kind === 'f32') out[s.name] = new Float32Array(bytes.buffer, at, s.length);
    else {
      const text = new TextDecoder().decode(bytes.subarray(from, from + s.length));
      out[s.name] = new Set(text.length === 0 ? [] : text.split('\n'));
    }
  }
  return out as unknown as WordStats;
}

/** The dictionaries as worker data: the word statistics as one SharedArrayBuffer, the rest cloned. */
export interface SharedPiiDictionaries {
  dicts: Omit<PiiDictionaries, 'words'>;
  words?: SharedArrayBuffer;
}

export function shareDictionaries(d: PiiDictionaries): SharedPiiDictionaries {
  const { words, ...rest } = d;
  if (!words) return { dicts: rest };
  const bytes = encodeWordStats(words, '', (n) => new Uint8Array(new SharedArrayBuffer(n)));
  return { dicts: rest, words: bytes.buffer as SharedArrayBuffer };
}

export function unshareDictionaries(s: SharedPiiDictionaries): PiiDictionaries {
  const words = s.words ? decodeWordStats(new Uint8Array(s.words)) : undefined;
  return words ? { ...s.dicts, words } : s.dicts;
}
