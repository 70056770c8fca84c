/**
 * The automaton laid out for the WebAssembly hot loop (assembly/lines.ts, see layout.ts): one
 * Int32Array image of the start of its linear memory, and the byte offsets of each table in it.
 * Stored in compiled libraries (serialize.ts), so loading one does no layout work.
 */
export interface WasmLayoutInfo {
  /** WASM_LAYOUT_VERSION when made: a stored layout of another version is made again at load */
  version: number;
  /** byte offsets into the image, in the order of init()'s parameters */
  cls: number;
  loSym: number;
  root: number;
  d1: number;
  base: number;
  pack: number;
  hash: number;
  hmask: number;
  filter: number;
  fmask: number;
  fail: number;
  hasOut: number;
  /** bitset by BMP code unit: the character starts a pattern (the root skips the others) */
  skip: number;
  sepSym: number;
  /** bytes of the image (16-aligned): input and output buffers go after it */
  size: number;
  /**
   * The tables of the line walk's hits (assembly/lines.ts matchLine), in the image's numbering:
   * i32 by state, the first output state of its failure chain (itself included) or -1 (emit); i32
   * by state, the pattern ending there (out); i32 by pattern, its normalised length (patLen).
   */
  emit: number;
  out: number;
  patLen: number;
  /** the ring of offsets the hits are read with: its size less one (a power of two less one) */
  rmask: number;
}

export interface WasmLayout extends WasmLayoutInfo {
  image: Int32Array;
}

/** Bumped whenever the image's tables or their meaning change (assembly/lines.ts and layout.ts). */
export const WASM_LAYOUT_VERSION = 4;

export const WASM_LAYOUT_FIELDS = [
  'version',
  'cls',
  'loSym',
  'root',
  'd1',
  'base',
  'pack',
  'hash',
  'hmask',
  'filter',
  'fmask',
  'fail',
  'hasOut',
  'skip',
  'sepSym',
  'size',
  'emit',
  'out',
  'patLen',
  'rmask',
] as const satisfies ReadonlyArray<keyof WasmLayoutInfo>;
