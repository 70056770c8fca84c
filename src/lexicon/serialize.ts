import type { AutomatonData } from './automaton.js';
import { createMatcher, type Matcher, type PatternInfo } from './matcher.js';
import type { NormalizeOptions } from './normalize.js';
import type { LexiconEntry, Segmenter } from './types.js';

/**
 * Binary form of a compiled matcher: `BEIANLX1`, a u32 header length, a JSON header (entries,
 * patterns, options, array layout), then the typed arrays, 4-byte aligned. Loading only creates
 * views over the bytes, so a 100k-keyword library loads in milliseconds (no opencc, no build);
 * the bytes can live in a SharedArrayBuffer that every worker thread reads without copying.
 */
const MAGIC = 'BEIANLX1';
const ARRAYS = ['norm', 'sym', 'root', 'hState', 'hSym', 'hNext', 'fail', 'out', 'emit', 'patLen'] as const;
type ArrayName = (typeof ARRAYS)[number];
type Ctor = Uint16ArrayConstructor | Int32ArrayConstructor;
const KIND: Record<ArrayName, Ctor> = {
  norm: Uint16Array,
  sym: Uint16Array,
  root: Int32Array,
  hState: Int32Array,
  hSym: Uint16Array,
  hNext: Int32Array,
  fail: Int32Array,
  out: Int32Array,
  emit: Int32Array,
  patLen: Int32Array,
};

interface Header {
  version: 1;
  normalize: NormalizeOptions;
  entries: LexiconEntry[];
  patterns: PatternInfo[];
  lengths: Record<ArrayName, number>;
}

const align4 = (n: number): number => (n + 3) & ~3;

export function serializeMatcher(m: Matcher): Uint8Array {
  const lengths = Object.fromEntries(ARRAYS.map((k) => [k, m.automaton[k].length])) as Record<
    ArrayName,
    number
  >;
  const header: Header = {
    version: 1,
    normalize: m.normalize,
    entries: [...m.entries],
    patterns: [...m.patterns],
    lengths,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  let size = align4(12 + json.length);
  for (const k of ARRAYS) size += align4(m.automaton[k].byteLength);
  const out = new Uint8Array(size);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(8, json.length, true);
  out.set(json, 12);
  let at = align4(12 + json.length);
  for (const k of ARRAYS) {
    const a = m.automaton[k];
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += align4(a.byteLength);
  }
  return out;
}

/** Loads a serialised matcher; throws with a clear message when the bytes are not one. */
export function deserializeMatcher(bytes: Uint8Array, segmenter?: Segmenter): Matcher {
  if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC)
    throw new Error('not a compiled beian lexicon (bad magic)');
  if (bytes.byteOffset % 4 !== 0) bytes = bytes.slice();
  const len = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + len))) as Header;
  if (header.version !== 1) throw new Error(`unsupported compiled lexicon version ${header.version}`);
  let at = bytes.byteOffset + align4(12 + len);
  const arrays = {} as Record<ArrayName, Uint16Array | Int32Array>;
  for (const k of ARRAYS) {
    const C = KIND[k];
    const n = header.lengths[k];
    arrays[k] = new C(bytes.buffer as ArrayBuffer, at, n);
    at += align4(n * C.BYTES_PER_ELEMENT);
  }
  return createMatcher(
    header.entries,
    header.normalize,
    arrays as unknown as AutomatonData,
    header.patterns,
    segmenter,
  );
}
