import { type AutomatonData, scanTables } from './automaton.js';
import { type COMPILED_MAGICS, COMPILED_PREFIX, compiledHeaderLength } from './compiled-head.js';
import { lazyArray } from './lazy-array.js';
import { createMatcher, type Matcher, type PatternInfo } from './matcher.js';
import type { NormalizeOptions } from './normalize.js';
import type { Boundary, LexiconEntry, LibrarySummary, Segmenter, Severity } from './types.js';
import { wasmLayout } from './wasm/layout.js';
import {
  WASM_LAYOUT_FIELDS,
  WASM_LAYOUT_VERSION,
  type WasmLayout,
  type WasmLayoutInfo,
} from './wasm/types.js';

/**
 * Binary form of a compiled matcher: `BEIANLX2`, a u32 header length, a small JSON header (options,
 * array layout, and the entries' strings as flat arrays), then typed arrays, 4-byte aligned: the
 * automaton, and the entries' and patterns' other fields as columns. Loading creates views over the
 * bytes; entry and pattern objects are made when first read (lazy-array.ts: no JSON object per
 * entry, no opencc, no build), so a 50k-keyword library loads in tens of milliseconds; the bytes can live in a SharedArrayBuffer that
 * every worker thread reads without copying. Version 1 files (`BEIANLX1`) still load.
 */
/**
 * BEIANLX3: the BEIANLX2 layout with keywords and notes as columns instead of header JSON; a new
 * magic so that a beian that predates them refuses such a file as not its format (bad input)
 * instead of failing on the missing header fields.
 */
const MAGIC: (typeof COMPILED_MAGICS)[number] = 'BEIANLX3';
const AUTOMATON_V1 = [
  'norm',
  'sym',
  'root',
  'hState',
  'hSym',
  'hNext',
  'fail',
  'out',
  'emit',
  'patLen',
] as const;
/** the automaton's arrays, in file order */
export const AUTOMATON = [...AUTOMATON_V1, 'cls', 'filter'] as const;
const COLUMNS = [
  'entryCategory',
  'entrySeverity',
  'entryBoundary',
  'originFile',
  'originLine',
  'patEntry',
  'patFlags',
] as const;
/** Arrays that files written before them lack (their lengths are absent from the header). */
const OPTIONAL = [
  'keywordUnits',
  'keywordEnds',
  'noteUnits',
  'noteEnds',
  'sourceIndex',
  'wasmImage',
] as const;
type ArrayName = (typeof AUTOMATON)[number] | (typeof COLUMNS)[number] | (typeof OPTIONAL)[number];
type Ctor = Uint8ArrayConstructor | Uint16ArrayConstructor | Int32ArrayConstructor;
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
  cls: Int32Array,
  filter: Int32Array,
  entryCategory: Uint16Array,
  entrySeverity: Uint8Array,
  entryBoundary: Uint8Array,
  originFile: Int32Array,
  originLine: Int32Array,
  patEntry: Int32Array,
  patFlags: Uint8Array,
  wasmImage: Int32Array,
  keywordUnits: Uint16Array,
  keywordEnds: Int32Array,
  noteUnits: Uint16Array,
  noteEnds: Int32Array,
  sourceIndex: Int32Array,
};
const ORDER: readonly ArrayName[] = [...AUTOMATON, ...COLUMNS, ...OPTIONAL];
const BOUNDARIES: ReadonlyArray<Boundary | undefined> = [undefined, 'auto', 'word', 'none'];
const FLAG = { allow: 1, word: 2, ascii: 4, fold: 8, pinyin: 16 } as const;

interface HeaderV2 {
  version: 2;
  /** checksum of everything after the header */
  checksum: number;
  normalize: NormalizeOptions;
  lengths: Record<ArrayName, number>;
  /** files before the keywordUnits column: the keywords (now columns, decoded on first read) */
  keywords?: string[];
  categories: string[];
  originFiles: string[];
  /** entry index → note / origin that is not `file:line` (rare: sparse) */
  notes?: Record<string, string>;
  origins: Record<string, string>;
  /** entry index → context words (sparse); absent in files written before it was kept */
  contexts?: Record<string, string[]>;
  /** provenance names, and per entry the index of its own (-1: none); absent in older files */
  sources?: string[];
  sourceOf?: number[];
  /** what the compiling command knew of the listed library (absent in older files: computed at load) */
  library?: LibrarySummary;
  /** offsets of the WebAssembly layout in wasmImage (absent in older files: laid out at load) */
  wasm?: WasmLayoutInfo;
}

interface HeaderV1 {
  version: 1;
  normalize: NormalizeOptions;
  entries: LexiconEntry[];
  patterns: PatternInfo[];
  lengths: Record<(typeof AUTOMATON_V1)[number], number>;
}

const align4 = (n: number): number => (n + 3) & ~3;

/** FNV-style checksum of the array region, word by word: a damaged file never becomes an automaton. */
function checksum(bytes: Uint8Array, from: number, to: number): number {
  const words = new Int32Array(bytes.buffer, bytes.byteOffset + from, (to - from) >>> 2);
  let h = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ (words[i] as number), 0x01000193);
  return h >>> 0;
}

/** A compiled file that cannot be loaded; callers report it as bad input. */
export class CompiledLexiconError extends Error {}

/** Where `file:line` splits (the last colon, followed by digits only), or -1 for another origin. */
function fileLine(origin: string): number {
  const at = origin.lastIndexOf(':');
  if (at < 0 || at === origin.length - 1) return -1;
  for (let i = at + 1; i < origin.length; i++) {
    const c = origin.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return -1;
  }
  return at;
}

/**
 * The line of `origin` when it is `file:line` for this file (as fileLine would split it: the line
 * is digits only, so the colon after the file is the last), else -1.
 */
function lineAfter(origin: string, file: string): number {
  const at = file.length;
  const end = origin.length;
  if (end <= at + 1 || end - at > 10 || origin.charCodeAt(at) !== 0x3a || !origin.startsWith(file)) return -1;
  let line = 0;
  for (let i = at + 1; i < end; i++) {
    const c = origin.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return -1;
    line = line * 10 + (c - 0x30);
  }
  return line;
}

/**
 * The entries of a compiled library as its columns: what serializeMatcher stores of them, and what a
 * plain keyword list compiles into straight (compile-columns.ts) without an object per entry.
 */
export interface EntryColumns {
  entryCategory: Uint16Array;
  entrySeverity: Uint8Array;
  entryBoundary: Uint8Array;
  originFile: Int32Array;
  originLine: Int32Array;
  /** keywords and notes as UTF-16 units end to end, entry i's ending at ends[i] */
  keywordUnits: Uint16Array;
  keywordEnds: Int32Array;
  noteUnits: Uint16Array;
  noteEnds: Int32Array;
  sourceIndex: Int32Array;
  /** names by first use in entry order */
  categories: string[];
  originFiles: string[];
  sources: string[];
  /** entry index → origin that is not `file:line` (sparse) */
  origins: Record<string, string>;
  /** entry index → context words (sparse) */
  contexts: Record<string, string[]>;
}

/** What a pattern stands for, as two columns: its entry (-1: an allow phrase only) and its FLAG bits. */
export interface PatternColumns {
  patEntry: Int32Array;
  patFlags: Uint8Array;
}

/** The entries' columns (see EntryColumns), from entry objects. */
export function entryColumns(list: readonly LexiconEntry[]): EntryColumns {
  const n = list.length;
  const categories: string[] = [];
  const catIndex = new Map<string, number>();
  const originFiles: string[] = [];
  const fileIndex = new Map<string, number>();
  const entryCategory = new Uint16Array(n);
  const entrySeverity = new Uint8Array(n);
  const entryBoundary = new Uint8Array(n);
  const originFile = new Int32Array(n).fill(-1);
  const originLine = new Int32Array(n);
  // keywords and notes as UTF-16 units end to end (a column, not JSON: a 100k-entry header took
  // ~50 ms to decode and parse at every load, in every scan worker too)
  let keywordChars = 0;
  let noteChars = 0;
  for (const e of list) {
    keywordChars += e.keyword.length;
    noteChars += e.note?.length ?? 0;
  }
  const keywordUnits = new Uint16Array(keywordChars);
  const keywordEnds = new Int32Array(n);
  const noteUnits = new Uint16Array(noteChars);
  const noteEnds = new Int32Array(n);
  let kAt = 0;
  let nAt = 0;
  const origins: Record<string, string> = {};
  const contexts: Record<string, string[]> = {};
  const sources: string[] = [];
  const sourceNumber = new Map<string, number>();
  const sourceIndex = new Int32Array(n).fill(-1);
  let lastFile = -1;
  list.forEach((e, i) => {
    if (e.context?.length) contexts[i] = e.context;
    if (e.source !== undefined) {
      let k = sourceNumber.get(e.source);
      if (k === undefined) {
        k = sources.push(e.source) - 1;
        sourceNumber.set(e.source, k);
      }
      sourceIndex[i] = k;
    }
    let c = catIndex.get(e.category);
    if (c === undefined) {
      c = categories.push(e.category) - 1;
      catIndex.set(e.category, c);
    }
    entryCategory[i] = c;
    entrySeverity[i] = e.severity;
    entryBoundary[i] = boundaryCode(e.boundary);
    for (let j = 0; j < e.keyword.length; j++) keywordUnits[kAt++] = e.keyword.charCodeAt(j);
    keywordEnds[i] = kAt;
    if (e.note !== undefined) for (let j = 0; j < e.note.length; j++) noteUnits[nAt++] = e.note.charCodeAt(j);
    noteEnds[i] = nAt;
    if (e.origin !== undefined) {
      // most entries come from the file of the entry before: `file:line` without slicing or lookup
      const o = e.origin;
      const line = lastFile < 0 ? -1 : lineAfter(o, originFiles[lastFile] as string);
      if (line >= 0) {
        originFile[i] = lastFile;
        originLine[i] = line;
        return;
      }
      const at = fileLine(o);
      if (at >= 0) {
        const file = e.origin.slice(0, at);
        let f = fileIndex.get(file);
        if (f === undefined) {
          f = originFiles.push(file) - 1;
          fileIndex.set(file, f);
        }
        originFile[i] = f;
        originLine[i] = Number(o.slice(at + 1));
        lastFile = f;
      } else origins[i] = o;
    }
  });
  return {
    entryCategory,
    entrySeverity,
    entryBoundary,
    originFile,
    originLine,
    keywordUnits,
    keywordEnds,
    noteUnits,
    noteEnds,
    sourceIndex,
    categories,
    originFiles,
    sources,
    origins,
    contexts,
  };
}

/** A boundary as stored in entryBoundary (0: none given). */
export const boundaryCode = (b: Boundary | undefined): number => (b ? BOUNDARIES.indexOf(b) : 0);

/** A pattern's flags as stored in patFlags. */
export const patternFlags = (p: PatternInfo): number =>
  (p.allow ? FLAG.allow : 0) |
  (p.word ? FLAG.word : 0) |
  (p.ascii ? FLAG.ascii : 0) |
  (p.fold ? FLAG.fold : 0) |
  (p.variant === 'pinyin' ? FLAG.pinyin : 0);

/** The patterns' columns, from pattern objects (loops, not TypedArray.from: ~10 ms at 60k). */
function patternColumns(patterns: readonly PatternInfo[]): PatternColumns {
  const np = patterns.length;
  const patEntry = new Int32Array(np);
  const patFlags = new Uint8Array(np);
  for (let k = 0; k < np; k++) {
    const p = patterns[k] as PatternInfo;
    patEntry[k] = p.entry;
    patFlags[k] = patternFlags(p);
  }
  return { patEntry, patFlags };
}

/** Everything a compiled library stores: the automaton, the entries' and patterns' columns. */
export interface CompiledParts {
  normalize: NormalizeOptions;
  automaton: AutomatonData;
  entries: EntryColumns;
  patterns: PatternColumns;
}

function columns(parts: CompiledParts): {
  header: HeaderV2;
  arrays: Record<ArrayName, ArrayBufferView & ArrayLike<number>>;
} {
  const { automaton, entries: e, patterns: p } = parts;
  const layout = automaton.wasm ?? wasmLayout(automaton);
  const arrays = {
    ...Object.fromEntries(AUTOMATON_V1.map((k) => [k, automaton[k]])),
    ...(automaton.cls && automaton.filter
      ? { cls: automaton.cls, filter: automaton.filter }
      : scanTables(automaton)),
    entryCategory: e.entryCategory,
    entrySeverity: e.entrySeverity,
    entryBoundary: e.entryBoundary,
    originFile: e.originFile,
    originLine: e.originLine,
    patEntry: p.patEntry,
    patFlags: p.patFlags,
    wasmImage: layout.image,
    keywordUnits: e.keywordUnits,
    keywordEnds: e.keywordEnds,
    noteUnits: e.noteUnits,
    noteEnds: e.noteEnds,
    sourceIndex: e.sourceIndex,
  } as unknown as Record<ArrayName, ArrayLike<number> & ArrayBufferView>;
  const lengths = Object.fromEntries(ORDER.map((k) => [k, arrays[k].length])) as Record<ArrayName, number>;
  const wasm = Object.fromEntries(WASM_LAYOUT_FIELDS.map((k) => [k, layout[k]])) as unknown as WasmLayoutInfo;
  return {
    header: {
      version: 2,
      checksum: 0,
      normalize: parts.normalize,
      lengths,
      categories: e.categories,
      originFiles: e.originFiles,
      origins: e.origins,
      contexts: e.contexts,
      sources: e.sources,
      wasm,
    },
    arrays,
  };
}

export interface SerializeOptions {
  shared?: boolean;
  library?: LibrarySummary;
  /**
   * false: no checksum (0 is written): bytes handed to this process's worker threads, which load
   * them as verified, never to a file (a cold pass over tens of MB at every scan's start)
   */
  checksum?: false;
}

/**
 * The bytes of a compiled matcher. `shared`: in a SharedArrayBuffer, as a scan hands them to its
 * worker threads. The arrays are copied once, straight into the output; the header's checksum is
 * written last, the JSON padded with spaces to the width it was laid out with (JSON allows them).
 */
export function serializeMatcher(m: Matcher, options: SerializeOptions = {}): Uint8Array {
  return serializeParts(
    {
      normalize: m.normalize,
      automaton: m.automaton,
      entries: entryColumns(m.entries),
      patterns: patternColumns(m.patterns),
    },
    options,
  );
}

/** The same bytes from the parts themselves (a plain list compiled straight into columns). */
export function serializeParts(parts: CompiledParts, options: SerializeOptions = {}): Uint8Array {
  const { header, arrays } = columns(parts);
  if (options.library) header.library = options.library;
  let region = 0;
  for (const k of ORDER) region += align4(arrays[k].byteLength);
  header.checksum = 0xffffffff; // the widest value: the real one fits in its place
  const encoder = new TextEncoder();
  const width = encoder.encode(JSON.stringify(header)).length;
  const start = align4(COMPILED_PREFIX + width);
  const size = start + region;
  const out = new Uint8Array(options.shared ? new SharedArrayBuffer(size) : new ArrayBuffer(size));
  let at = start;
  for (const k of ORDER) {
    const a = arrays[k];
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += align4(a.byteLength);
  }
  header.checksum = options.checksum === false ? 0 : checksum(out, start, size);
  const json = encoder.encode(JSON.stringify(header));
  out.set(encoder.encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(8, width, true);
  out.set(json, COMPILED_PREFIX);
  out.fill(0x20, COMPILED_PREFIX + json.length, COMPILED_PREFIX + width);
  return out;
}

function views<K extends ArrayName>(
  bytes: Uint8Array,
  from: number,
  names: readonly K[],
  lengths: Record<K, number>,
): Record<K, Uint8Array | Uint16Array | Int32Array> {
  let at = bytes.byteOffset + from;
  const end = bytes.byteOffset + bytes.length;
  const out = {} as Record<K, Uint8Array | Uint16Array | Int32Array>;
  for (const k of names) {
    const C = KIND[k];
    const n = lengths[k];
    if (n === undefined && (OPTIONAL as readonly string[]).includes(k)) continue;
    if (!Number.isInteger(n) || n < 0 || at + n * C.BYTES_PER_ELEMENT > end)
      throw new CompiledLexiconError(`array ${k} does not fit in the file (truncated or damaged)`);
    out[k] = new C(bytes.buffer as ArrayBuffer, at, n);
    at += align4(n * C.BYTES_PER_ELEMENT);
  }
  return out;
}

/** Loads a serialised matcher; throws with a clear message when the bytes are not one. */
export function deserializeMatcher(
  bytes: Uint8Array,
  segmenter?: Segmenter,
  /** bytes already checked in this process (a scan's workers get what the main thread loaded) */
  options: { verified?: boolean } = {},
): Matcher {
  // (the magic and the header's length are read as a scan reads them ahead: compiled-head.ts)
  const len = compiledHeaderLength(bytes);
  if (len === undefined) throw new CompiledLexiconError('not a compiled beian lexicon (bad magic)');
  if (bytes.byteOffset % 4 !== 0) bytes = bytes.slice();
  if (COMPILED_PREFIX + len > bytes.length)
    throw new CompiledLexiconError('header longer than the file (truncated or damaged)');
  let header: HeaderV1 | HeaderV2;
  try {
    header = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(
        bytes.subarray(COMPILED_PREFIX, COMPILED_PREFIX + len),
      ),
    ) as HeaderV1 | HeaderV2;
  } catch {
    throw new CompiledLexiconError('header is not readable (damaged file)');
  }
  if (header === null || typeof header !== 'object' || typeof header.lengths !== 'object' || !header.lengths)
    throw new CompiledLexiconError('header has no array layout (damaged file)');
  const from = align4(COMPILED_PREFIX + len);
  if (header.version === 2 && !options.verified && checksum(bytes, from, bytes.length) !== header.checksum)
    throw new CompiledLexiconError('checksum mismatch (damaged file): compile the library again');
  if (header.version === 1) {
    if (!Array.isArray(header.entries) || !Array.isArray(header.patterns))
      throw new CompiledLexiconError('header has no entries (damaged file)');
    const arrays = views(bytes, from, AUTOMATON_V1, header.lengths);
    return createMatcher(
      header.entries,
      header.normalize,
      arrays as unknown as AutomatonData,
      header.patterns,
      segmenter,
    );
  }
  if ((header as { version: unknown }).version !== 2)
    throw new Error(
      `unsupported compiled lexicon version ${String((header as { version: unknown }).version)}`,
    );
  const a = views(bytes, from, ORDER, header.lengths);
  const cat = a.entryCategory;
  const sev = a.entrySeverity;
  const bnd = a.entryBoundary;
  const oFile = a.originFile;
  const oLine = a.originLine;
  const contexts = header.contexts ?? {};
  const sourceNames = header.sources;
  const sourceOf = header.sourceOf ?? a.sourceIndex;
  if (!header.keywords) {
    checkEnds(a.keywordUnits, a.keywordEnds, cat.length, 'keyword');
    checkEnds(a.noteUnits, a.noteEnds, cat.length, 'note');
  }
  const keywordAt = header.keywords
    ? (
        (ks: string[]) => (i: number) =>
          ks[i] as string
      )(header.keywords)
    : unitColumn(a.keywordUnits as Uint16Array, a.keywordEnds as Int32Array, 'keyword');
  const noteAt = header.notes
    ? (
        (ns: Record<string, string>) => (i: number) =>
          ns[i]
      )(header.notes)
    : unitColumn(a.noteUnits as Uint16Array, a.noteEnds as Int32Array, 'note');
  const entries = lazyArray<LexiconEntry>(cat.length, (i) => {
    const e: LexiconEntry = {
      keyword: keywordAt(i) as string,
      category: header.categories[cat[i] as number] as string,
      severity: sev[i] as Severity,
    };
    const note = noteAt(i);
    if (note) e.note = note;
    const context = contexts[i];
    if (context !== undefined) e.context = context;
    const source = sourceOf?.[i] ?? -1;
    if (source >= 0 && sourceNames?.[source] !== undefined) e.source = sourceNames[source];
    const b = BOUNDARIES[bnd[i] as number];
    if (b) e.boundary = b;
    const f = oFile[i] as number;
    if (f >= 0) e.origin = `${header.originFiles[f]}:${oLine[i]}`;
    else if (header.origins[i] !== undefined) e.origin = header.origins[i];
    return e;
  });
  const pe = a.patEntry;
  const pf = a.patFlags;
  const patterns = lazyArray<PatternInfo>(pe.length, (i) => {
    const f = pf[i] as number;
    const p: PatternInfo = {
      entry: pe[i] as number,
      allow: (f & FLAG.allow) !== 0,
      word: (f & FLAG.word) !== 0,
      ascii: (f & FLAG.ascii) !== 0,
    };
    if (f & FLAG.fold) p.fold = true;
    if (f & FLAG.pinyin) p.variant = 'pinyin';
    return p;
  });
  const automaton = a as unknown as AutomatonData;
  const wasm = wasmOf(header.wasm, a.wasmImage as Int32Array | undefined);
  if (wasm) automaton.wasm = wasm;
  const m = createMatcher(entries, header.normalize, automaton, patterns, segmenter, (i) => ({
    keyword: keywordAt(i) as string,
    category: header.categories[cat[i] as number] as string,
    severity: sev[i] as Severity,
  }));
  const library = header.library;
  const summary =
    library && typeof library.version === 'string' && Number.isInteger(library.keywords)
      ? { library: { version: library.version, keywords: library.keywords } }
      : {};
  return Object.assign(m, { withContext: Object.keys(contexts).map(Number), ...summary });
}

/** A units column's ends, one per entry, rising, within the units: checked at load (strings are made later). */
function checkEnds(
  units: ArrayLike<number> | undefined,
  ends: ArrayLike<number> | undefined,
  n: number,
  what: string,
): void {
  if (!units || !ends || ends.length !== n)
    throw new CompiledLexiconError(`no ${what} column (damaged file)`);
  let last = 0;
  for (let i = 0; i < n; i++) {
    const e = ends[i] as number;
    if (e < last) throw new CompiledLexiconError(`${what} column out of order (damaged file)`);
    last = e;
  }
  if (last > units.length)
    throw new CompiledLexiconError(`${what} column longer than its units (damaged file)`);
}

/**
 * The strings of a units column (all of them end to end, entry i's ending at ends[i]); '' (or
 * undefined) for an empty one. The first reads decode their own units (a scan reads the few entries
 * with context words: decoding a 100k-entry column for them was ~50 ms in every thread); after
 * WHOLE_AFTER reads the column is decoded once into one string and sliced from it.
 */
const WHOLE_AFTER = 4096;

function unitColumn(
  units: Uint16Array | undefined,
  ends: Int32Array | undefined,
  what: string,
): (i: number) => string | undefined {
  if (!units || !ends) throw new CompiledLexiconError(`no ${what} column (damaged file)`);
  let all: string | undefined;
  let reads = 0;
  return (i) => {
    const start = i === 0 ? 0 : (ends[i - 1] as number);
    const end = ends[i] as number;
    if (!(start <= end && end <= units.length))
      throw new CompiledLexiconError(`${what} ${i} out of range (damaged file)`);
    if (start === end) return undefined;
    if (all === undefined && ++reads <= WHOLE_AFTER) return decodeUnits(units, start, end);
    if (all === undefined) all = decodeUnits(units, 0, units.length);
    return all.slice(start, end);
  };
}

function decodeUnits(units: Uint16Array, from: number, to: number): string {
  let out = '';
  for (let at = from; at < to; at += 4096)
    out += String.fromCharCode(...units.subarray(at, Math.min(to, at + 4096)));
  return out;
}

/** The stored WebAssembly layout, if whole: offsets inside the image (the hot loop trusts them). */
function wasmOf(info: WasmLayoutInfo | undefined, image: Int32Array | undefined): WasmLayout | undefined {
  if (!info || !image || typeof info !== 'object' || info.version !== WASM_LAYOUT_VERSION) return undefined;
  const size = image.length * 4;
  for (const k of WASM_LAYOUT_FIELDS) {
    const v = info[k];
    if (
      !Number.isInteger(v) ||
      v < 0 ||
      (k !== 'size' &&
        k !== 'hmask' &&
        k !== 'fmask' &&
        k !== 'd1' &&
        k !== 'sepSym' &&
        k !== 'rmask' &&
        k !== 'version' &&
        v >= size)
    )
      throw new CompiledLexiconError(`WebAssembly layout field ${k} out of range (damaged file)`);
  }
  const pow2 = (m: number): boolean => ((m + 1) & m) === 0;
  if (
    info.size !== size ||
    !pow2(info.hmask) ||
    !pow2(info.fmask) ||
    !pow2(info.rmask) ||
    info.hash + (info.hmask + 1) * 16 > size ||
    info.filter + (info.fmask + 1) / 8 > size
  )
    throw new CompiledLexiconError('WebAssembly layout does not fit its image (damaged file)');
  return { ...info, image };
}
