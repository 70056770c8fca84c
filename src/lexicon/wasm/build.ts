import { type AutomatonData, buildAutomaton } from '../automaton.js';
import { SEP } from '../normalize.js';
import { api, loadWasmModule, type WasmModule } from './index.js';
import { WASM_LAYOUT_FIELDS, WASM_LAYOUT_VERSION, type WasmLayout } from './types.js';

/**
 * buildAutomaton (../automaton.ts) and then wasmLayout (layout.ts) run by WebAssembly
 * (assembly/build.ts, built by `npm run build` into dist/lexicon/wasm/build.wasm): the same tables
 * and the same image, made by compiled code instead of JS that runs once and cold (compiling a
 * 10k-keyword list in a scan). Undefined when the module is not built; BEIAN_WASM=0 turns it off
 * with the line walk (to compare).
 */
export const BUILD_FILE = 'build.wasm';

interface BuildExports {
  memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  heapBase(): number;
  build(units: number, ends: number, npat: number, norm: number, heap: number, result: number): number;
  layout(result: number, sepUnit: number): void;
}

export type AutomatonBuilder = (patterns: readonly string[], norm: Uint16Array) => AutomatonData;

/**
 * The same from the patterns as UTF-16 units end to end (pattern k ends at ends[k]): what a plain
 * list compiled into columns has (lexicon/compile-columns.ts), copied in without a string a pattern.
 */
export type UnitsAutomatonBuilder = (
  units: Uint16Array,
  ends: Int32Array,
  norm: Uint16Array,
) => AutomatonData;

const PAGE = 65536;
const align16 = (n: number): number => (n + 15) & ~15;
let module: WasmModule | null | undefined;

/** The WebAssembly builder, or undefined when build.wasm is not built (or BEIAN_WASM=0). */
export function wasmAutomatonBuilder(): AutomatonBuilder | undefined {
  if (process.env.BEIAN_WASM === '0') return undefined;
  if (module === undefined) module = loadWasmModule(BUILD_FILE) ?? null;
  const m = module;
  return m
    ? (patterns, norm) => {
        try {
          let total = 0;
          for (const p of patterns) total += p.length;
          return buildWith(
            m,
            total,
            patterns.length,
            (units, ends) => {
              let at = 0;
              for (let p = 0; p < patterns.length; p++) {
                const s = patterns[p] as string;
                for (let i = 0; i < s.length; i++) units[at++] = s.charCodeAt(i);
                ends[p] = at;
              }
            },
            norm,
          );
        } catch {
          // a trap (memory that could not grow) or a too large alphabet: the JS build decides
          return buildAutomaton(patterns, norm);
        }
      }
    : undefined;
}

/** wasmAutomatonBuilder for patterns given as units (UnitsAutomatonBuilder); the JS build on a trap. */
export function wasmUnitsBuilder(): UnitsAutomatonBuilder | undefined {
  if (process.env.BEIAN_WASM === '0') return undefined;
  if (module === undefined) module = loadWasmModule(BUILD_FILE) ?? null;
  const m = module;
  return m
    ? (units, ends, norm) => {
        try {
          return buildWith(
            m,
            units.length,
            ends.length,
            (u, e) => {
              u.set(units);
              e.set(ends);
            },
            norm,
          );
        } catch {
          return buildAutomaton(patternStrings(units, ends), norm);
        }
      }
    : undefined;
}

/** The patterns of a units column as strings (the JS build's input). */
export function patternStrings(units: Uint16Array, ends: Int32Array): string[] {
  const out: string[] = new Array(ends.length);
  let from = 0;
  for (let k = 0; k < ends.length; k++) {
    const to = ends[k] as number;
    let s = '';
    for (let at = from; at < to; at += 4096)
      s += String.fromCharCode(...units.subarray(at, Math.min(to, at + 4096)));
    out[k] = s;
    from = to;
  }
  return out;
}

function buildWith(
  m: WasmModule,
  total: number,
  npat: number,
  fill: (units: Uint16Array, ends: Int32Array) => void,
  norm: Uint16Array,
): AutomatonData {
  const ex = new api.Instance(m, {}).exports as unknown as BuildExports;
  const mem = ex.memory;
  const unitsAt = align16(ex.heapBase());
  const endsAt = align16(unitsAt + total * 2);
  const normAt = align16(endsAt + npat * 4);
  const resultAt = align16(normAt + 65536 * 2);
  const layoutAt = align16(resultAt + 11 * 8);
  const heap = align16(layoutAt + 21 * 4);
  const need = Math.ceil(heap / PAGE) - mem.buffer.byteLength / PAGE;
  if (need > 0) mem.grow(need);
  fill(new Uint16Array(mem.buffer, unitsAt, total), new Int32Array(mem.buffer, endsAt, npat));
  new Uint16Array(mem.buffer, normAt, 65536).set(norm);
  if (ex.build(unitsAt, endsAt, npat, normAt, heap, resultAt) !== 0) throw new Error('alphabet too large');
  ex.layout(layoutAt, SEP);
  // The memory may have grown: views of the new buffer. Views, not copies: the instance is done
  // with it (the memory grows no more), and copying out ~20 MB at 50k keywords cost as much again
  // in page faults and external-memory GC as the tables are then copied once more to the workers.
  const r = new Int32Array(mem.buffer, resultAt, 22);
  const i32 = (k: number): Int32Array =>
    new Int32Array(mem.buffer, r[k * 2] as number, r[k * 2 + 1] as number);
  const u16 = (k: number): Uint16Array =>
    new Uint16Array(mem.buffer, r[k * 2] as number, r[k * 2 + 1] as number);
  const l = new Int32Array(mem.buffer, layoutAt, 21);
  const wasm = {
    version: WASM_LAYOUT_VERSION,
    image: new Int32Array(mem.buffer, l[0] as number, l[1] as number),
  } as WasmLayout;
  // the fields after version, in their order in WASM_LAYOUT_FIELDS (see assembly/build.ts)
  WASM_LAYOUT_FIELDS.slice(1).forEach((k, i) => {
    wasm[k] = l[i + 2] as number;
  });
  return {
    wasm,
    norm,
    sym: u16(0),
    root: i32(1),
    hState: i32(2),
    hSym: u16(3),
    hNext: i32(4),
    fail: i32(5),
    out: i32(6),
    emit: i32(7),
    patLen: i32(8),
    cls: i32(9),
    filter: i32(10),
  };
}
