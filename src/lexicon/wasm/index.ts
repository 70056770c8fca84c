import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AutomatonData, Scanner } from '../automaton.js';
import { type WasmLayout, wasmLayout } from './layout.js';

/**
 * The WebAssembly hot loop (assembly/lines.ts, built by `npm run build` into
 * dist/lexicon/wasm/lines.wasm): Scanner.lines over the same automaton, for the scan workers.
 * Loaded synchronously from the file beside this module (or, running from src/ under tsx, from
 * dist/); nothing is fetched. Without the file (a build without asc), callers keep the JS loop.
 */
export const WASM_FILE = 'lines.wasm';

const candidates = (name: string): string[] => [
  fileURLToPath(new URL(`./${name}`, import.meta.url)),
  fileURLToPath(new URL(`../../../dist/lexicon/wasm/${name}`, import.meta.url)),
];

/** The part of the WebAssembly API used here (the project's lib settings do not declare it). */
export type WasmModule = { readonly __wasmModule: unique symbol };
interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: object) => { exports: unknown };
}
export const api = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** The compiled module (lines.wasm, or another built beside it), or undefined when no built file is found. */
export function loadWasmModule(name: string = WASM_FILE): WasmModule | undefined {
  for (const file of candidates(name)) if (existsSync(file)) return new api.Module(readFileSync(file));
  return undefined;
}

interface Exports {
  memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  init(...args: number[]): void;
  initMatch(emit: number, out: number, patLen: number, ring: number, rmask: number): void;
  lines(from: number, to: number, out: number, hits: number, hitsTo: number): number;
  hitsEnd(): number;
}

const PAGE = 65536;

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
  return module ? wasmLinesOf(a.wasm ?? wasmLayout(a), module) : undefined;
}

/**
 * The same from a layout made beforehand (stored in a compiled library: each instance copies the
 * image into its memory, one memcpy).
 */
export function wasmLinesOf(
  l: WasmLayout,
  module: WasmModule | undefined = loadWasmModule(),
): Scanner['lines'] | undefined {
  if (!module) return undefined;
  const ex = new api.Instance(module, {}).exports as unknown as Exports;
  const mem = ex.memory;
  const ensure = (bytes: number): void => {
    const need = Math.ceil(bytes / PAGE) - mem.buffer.byteLength / PAGE;
    if (need > 0) mem.grow(need);
  };
  ensure(l.size);
  new Int32Array(mem.buffer, 0, l.image.length).set(l.image);
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
  // after the image: the ring of offsets the hits are read with, then input and output
  const ringAt = l.size;
  const input = (ringAt + (l.rmask + 1) * 4 + 15) & ~15;
  ensure(input);
  ex.initMatch(l.emit, l.out, l.patLen, ringAt, l.rmask);
  return (bytes, from, to, onLine) => {
    const len = to - from;
    if (len <= 0) return;
    // input, then one u32 a line (at most len + 1 lines), 4-aligned, then the hit stream (room for
    // a word a byte: when a block's hits need more, its later lines come without them)
    const outAt = (input + len + 3) & ~3;
    const hitsAt = outAt + (len + 1) * 4;
    const hitsTo = hitsAt + len * 4 + 4096;
    ensure(hitsTo);
    new Uint8Array(mem.buffer, input, len).set(bytes.subarray(from, to));
    const n = ex.lines(input, input + len, outAt, hitsAt, hitsTo);
    const out = new Uint32Array(mem.buffer, outAt, n);
    const stream = new Int32Array(mem.buffer, hitsAt, (ex.hitsEnd() - hitsAt) >>> 2);
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
