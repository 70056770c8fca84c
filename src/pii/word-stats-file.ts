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
  | { name: string; kind: 'f32' | 'strings' | 'text'; offset: number; length: number };

/** the section holding the caller's extra text (the rest of the dictionaries as JSON) */
const EXTRA = '#extra';

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
  extra?: string,
): Uint8Array {
  const parts: Array<{ section: Section; bytes: Uint8Array }> = [];
  if (extra !== undefined) {
    const bytes = new TextEncoder().encode(extra);
    parts.push({ section: { name: EXTRA, kind: 'text', offset: 0, length: bytes.length }, bytes });
  }
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
    if (s.kind === 'text') continue;
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

/** The extra text stored with the statistics (encodeWordStats' `extra`), if any. */
export function wordStatsExtra(bytes: Uint8Array): string | undefined {
  const header = readHeader(bytes);
  const s = header?.sections.find((x) => x.name === EXTRA && x.kind === 'text');
  if (!header || !s) return undefined;
  const from = header.base + s.offset;
  return from + s.length <= bytes.length
    ? new TextDecoder().decode(bytes.subarray(from, from + s.length))
    : undefined;
}

const SET = '\u0000set';
/**
 * The dictionaries besides the word statistics as JSON (sets tagged), so a snapshot or a worker
 * reads them back without the YAML parser and the schema checks. Throws on a value JSON cannot
 * carry (the caller then keeps the slow path).
 */
export function dictionariesToJson(d: Omit<PiiDictionaries, 'words'>): string {
  return JSON.stringify(d, (_key, v: unknown) => {
    if (v instanceof Set) return { [SET]: [...v] };
    if (
      v !== null &&
      typeof v === 'object' &&
      !Array.isArray(v) &&
      Object.getPrototypeOf(v) !== Object.prototype
    )
      throw new TypeError('dictionaries: a value JSON cannot carry');
    return v;
  });
}

export function dictionariesFromJson(text: string): Omit<PiiDictionaries, 'words'> {
  return JSON.parse(text, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && SET in v ? new Set((v as Record<string, unknown[]>)[SET]) : v,
  ) as Omit<PiiDictionaries, 'words'>;
}

/**
 * The dictionaries as worker data: one SharedArrayBuffer (the word statistics' tables, which the
 * worker reads as views, and the rest as JSON), instead of a structured clone of every set.
 */
export interface SharedPiiDictionaries {
  bytes: SharedArrayBuffer;
  /** whether word statistics are in it */
  words: boolean;
}

export function shareDictionaries(d: PiiDictionaries): SharedPiiDictionaries {
  const { words, ...rest } = d;
  const sab = (n: number) => new Uint8Array(new SharedArrayBuffer(n));
  // without statistics (no jieba list) the layout holds only the JSON
  const bytes = encodeWordStats(words ?? ({} as WordStats), '', sab, dictionariesToJson(rest));
  return { bytes: bytes.buffer as SharedArrayBuffer, words: words !== undefined };
}

export function unshareDictionaries(s: SharedPiiDictionaries): PiiDictionaries {
  const bytes = new Uint8Array(s.bytes);
  const rest = dictionariesFromJson(wordStatsExtra(bytes) ?? '{}');
  const words = s.words ? decodeWordStats(bytes) : undefined;
  return words ? { ...rest, words } : rest;
}
