import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AutomatonData, Scanner } from '../automaton.js';
import { type WasmLayout, wasmLayout } from './layout.js';
import { WASM_LAYOUT_FIELDS, type WasmLayoutInfo } from './types.js';

/**
 * The WebAssembly hot loop (assembly/lines.ts, built by `npm run build` into
 * dist/lexicon/wasm/lines.wasm): Scanner.lines over the same automaton, for the scan workers.
 * Loaded synchronously from the file beside this module (or, running from src/ under tsx, from
 * dist/); nothing is fetched. Without the file (a build without asc), callers keep the JS loop.
 *
 * The module imports its memory, a shared one (scripts/build-wasm.mjs): the automaton's image is
 * copied into it once (shareWalk), and every thread that walks lines instantiates the same compiled
 * module over that same memory (walkOf), each with its own buffers grown past the image. A scan
 * posts the SharedWalk to its workers: structured clone shares the memory and the compiled code, so
 * no thread copies the image (6.6 MB at 10k keywords, 25 MB at 50k), faults its pages in or
 * compiles the module again, and the threads' walks share one copy of the tables in the caches.
 */
export const WASM_FILE = 'lines.wasm';

const candidates = (name: string): string[] => [
  fileURLToPath(new URL(`./${name}`, import.meta.url)),
  fileURLToPath(new URL(`../../../dist/lexicon/wasm/${name}`, import.meta.url)),
];

/** The part of the WebAssembly API used here (the project's lib settings do not declare it). */
export type WasmModule = { readonly __wasmModule: unique symbol };
/** A WebAssembly.Memory; the line walk's is shared (its buffer a SharedArrayBuffer). */
export interface WasmMemory {
  readonly buffer: ArrayBufferLike;
  /** grows by `pages`, returns the size before in pages (atomically, for a shared memory) */
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: object) => { exports: unknown };
  Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
}
export const api = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** The compiled module (lines.wasm, or another built beside it), or undefined when no built file is found. */
export function loadWasmModule(name: string = WASM_FILE): WasmModule | undefined {
  for (const file of candidates(name)) if (existsSync(file)) return new api.Module(readFileSync(file));
  return undefined;
}

interface Exports {
  init(...args: number[]): void;
  initMatch(emit: number, out: number, patLen: number, ring: number, rmask: number): void;
  lines(from: number, to: number, out: number, hits: number, hitsTo: number): number;
  hitsEnd(): number;
}

const PAGE = 65536;
/** lines.wasm declares this maximum (scripts/build-wasm.mjs): a shared memory's must not exceed it */
const MAX_PAGES = 65536;
/** a thread's first buffers hold a block of this many bytes at least (tests walk a few bytes) */
const MIN_ROOM = 64 * 1024;

/**
 * The automaton's image in one shared WebAssembly memory (at address 0, where its offsets point),
 * and the compiled line walk: made once by a scan's calling thread, posted to each worker (a
 * structured clone shares both), walked by every thread (walkOf).
 */
export interface SharedWalk {
  module: WasmModule;
  memory: WasmMemory;
  /** the image's offsets (the image itself is in memory) */
  layout: WasmLayoutInfo;
}

/** The automaton's shared walk, or undefined when the module is not built. */
export function shareWalk(
  a: AutomatonData,
  module: WasmModule | undefined = loadWasmModule(),
): SharedWalk | undefined {
  return module ? shareWalkOf(a.wasm ?? wasmLayout(a), module) : undefined;
}

/** The same from a layout made beforehand (stored in a compiled library): one copy of its image. */
export function shareWalkOf(l: WasmLayout, module: WasmModule): SharedWalk {
  const memory = new api.Memory({ initial: Math.ceil(l.size / PAGE), maximum: MAX_PAGES, shared: true });
  new Int32Array(memory.buffer, 0, l.image.length).set(l.image);
  const layout = Object.fromEntries(WASM_LAYOUT_FIELDS.map((k) => [k, l[k]])) as unknown as WasmLayoutInfo;
  return { module, memory, layout };
}

/**
 * Scanner.lines run by WebAssembly, same arguments and callbacks as the JS loop; undefined when
 * the module is not built. Each call copies the bytes into linear memory (a memcpy) and walks them
 * there; the per-line results come back as one word each. Each line with a hit also comes with its
 * hits (onLine's `hits`: what Scanner.scan finds in the decoded line, its trailing CR left out), so
 * the caller need not walk it again.
 */
export function wasmLines(
  a: AutomatonData,
  module: WasmModule | undefined = loadWasmModule(),
): Scanner['lines'] | undefined {
  const shared = shareWalk(a, module);
  return shared ? walkOf(shared) : undefined;
}

/** The same from a layout made beforehand (its image copied into a memory of its own walk). */
export function wasmLinesOf(
  l: WasmLayout,
  module: WasmModule | undefined = loadWasmModule(),
): Scanner['lines'] | undefined {
  return module ? walkOf(shareWalkOf(l, module)) : undefined;
}

/**
 * This thread's Scanner.lines over a shared walk: an instance of its module over its memory, the
 * tables read where shareWalk put them. The thread's buffers (the hits' ring of offsets, input,
 * per-line output, hit stream) are a region of the memory of its own, taken by growing the memory
 * (a shared memory grows atomically: threads growing at once get regions that do not overlap),
 * with room for a block a quarter larger than the largest so far rounded up to a power of two, so
 * blocks of a slightly varying size (line-aligned) take a region once.
 */
export function walkOf(w: SharedWalk): Scanner['lines'] {
  const l = w.layout;
  const mem = w.memory;
  const ex = new api.Instance(w.module, { env: { memory: mem } }).exports as unknown as Exports;
  ex.init(
    l.cls,
    l.loSym,
    l.root,
    l.d1,
    l.base,
    l.pack,
    l.hash,
    l.hmask,
    l.filter,
    l.fmask,
    l.fail,
    l.hasOut,
    l.skip,
    l.sepSym,
  );
  const ringBytes = (l.rmask + 1) * 4;
  let room = 0;
  let input = 0;
  let inputView: Uint8Array = new Uint8Array(0);
  const take = (len: number): void => {
    room = MIN_ROOM;
    while (room < len + (len >>> 2)) room *= 2;
    // the ring, then input, then one u32 a line (at most len + 1 lines), then the hit stream (room
    // for a word a byte: when a block's hits need more, its later lines come without them)
    const bytes = ringBytes + 16 + room + 4 + (room + 1) * 4 + room * 4 + 4096;
    const pages = Math.ceil(bytes / PAGE);
    const at = mem.grow(pages) * PAGE;
    ex.initMatch(l.emit, l.out, l.patLen, at, l.rmask);
    input = (at + ringBytes + 15) & ~15;
    inputView = new Uint8Array(mem.buffer, input, room);
  };
  return (bytes, from, to, onLine) => {
    const len = to - from;
    if (len <= 0) return;
    if (len > room) take(len);
    const outAt = (input + len + 3) & ~3;
    const hitsAt = outAt + (len + 1) * 4;
    const hitsTo = hitsAt + len * 4 + 4096;
    inputView.set(bytes.subarray(from, to));
    const n = ex.lines(input, input + len, outAt, hitsAt, hitsTo);
    const buffer = inputView.buffer;
    const out = new Uint32Array(buffer, outAt, n);
    const stream = new Int32Array(buffer, hitsAt, (ex.hitsEnd() - hitsAt) >>> 2);
    let at = 0;
    let start = from;
    for (let k = 0; k < n; k++) {
      const v = out[k] as number;
      const end = from + (v >>> 2);
      if ((v & 1) === 1 && at < stream.length) {
        const count = stream[at] as number;
        onLine(start, end, true, (v & 2) === 2, stream.slice(at + 1, at + 1 + count * 3));
        at += 1 + count * 3;
      } else onLine(start, end, (v & 1) === 1, (v & 2) === 2);
      start = end + 1;
    }
  };
}
