// How many lines a block has, which the reader needs for the next block's first line number
// before any thread has walked it: Buffer.indexOf called once a newline costs ~20-35 ms of a cold
// CLI run's CPU per 64 MiB of text (350,000 calls, most before the JIT has warmed up); a 16-bytes-a-
// step WebAssembly loop (SIMD), the block copied into its memory, ~7 ms.

/**
 * The module (160 bytes), compiled by AssemblyScript 0.28 (`asc newlines.ts --optimizeLevel 3
 * --runtime stub --noAssert --enable simd --initialMemory 1`) from:
 *
 *   export function newlines(at: usize, length: usize): u32 {
 *     const end = at + length;
 *     const nl = i8x16.splat(10);
 *     let n: u32 = 0;
 *     let p = at;
 *     for (; p + 16 <= end; p += 16) n += popcnt<u32>(i8x16.bitmask(i8x16.eq(v128.load(p), nl)));
 *     for (; p < end; p++) if (load<u8>(p) == 10) n++;
 *     return n;
 *   }
 */
const WASM =
  'AGFzbQEAAAABBwFgAn9/AX8DAgEABQMBAAEHFQIIbmV3bGluZXMAAAZtZW1vcnkCAAptAWsBAn8gACABaiEDA0AgAEEQaiIBIANNBEAgAiAA/QAEAP0MCgoKCgoKCgoKCgoKCgoKCv0j/WRpaiECIAEhAAwBCwsDQCAAIANJBEAgAkEBaiACIAAtAABBCkYbIQIgAEEBaiEADAELCyACCw==';

const NL = 0x0a;
const PAGE = 65536;
/** Blocks up to this size go through the module's memory (a longer line's block: indexOf). */
const MAX_COPY = 16 << 20;
/** Below this, indexOf is as quick as the copy. */
const MIN_COPY = 4096;

/** The part of the WebAssembly API used here (the project's lib settings do not declare it). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
interface Exports {
  memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  newlines(at: number, length: number): number;
}

/** Compiled once per thread (a few microseconds); undefined without WebAssembly SIMD. */
const module: object | undefined = (() => {
  try {
    const api = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
    return new api.Module(Buffer.from(WASM, 'base64'));
  } catch {
    return undefined;
  }
})();

/** Whether counts go through the WebAssembly loop (else indexOf). */
export const NEWLINES_SIMD = module !== undefined;

/** Newlines in b, found by Buffer's native search. */
export function newlinesByIndexOf(b: Uint8Array): number {
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  let n = 0;
  for (let i = buf.indexOf(NL); i >= 0; i = buf.indexOf(NL, i + 1)) n++;
  return n;
}

/** A counter of newline bytes, with a WebAssembly memory of its own (one per file read). */
export function newlineCounter(): (b: Uint8Array) => number {
  let ex: Exports | undefined;
  let view: Uint8Array | undefined;
  return (b) => {
    if (!module || b.length < MIN_COPY || b.length > MAX_COPY) return newlinesByIndexOf(b);
    if (!ex) {
      const api = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
      ex = new api.Instance(module, {}).exports as Exports;
    }
    const need = Math.ceil(b.length / PAGE) - ex.memory.buffer.byteLength / PAGE;
    if (need > 0) ex.memory.grow(need);
    if (view?.buffer !== ex.memory.buffer) view = new Uint8Array(ex.memory.buffer);
    view.set(b, 0);
    return ex.newlines(0, b.length);
  };
}
