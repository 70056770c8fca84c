/**
 * The automaton laid out for the WebAssembly hot loop (assembly/lines.ts, see layout.ts): one
 * Int32Array image of the start of its linear memory, and the byte offsets of each table in it.
 * Stored in compiled libraries (serialize.ts), so loading one does no layout work.
 */
export interface WasmLayoutInfo {
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
  sepSym: number;
  /** bytes of the image (16-aligned): input and output buffers go after it */
  size: number;
}

export interface WasmLayout extends WasmLayoutInfo {
  image: Int32Array;
}

export const WASM_LAYOUT_FIELDS = [
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
  'sepSym',
  'size',
] as const satisfies ReadonlyArray<keyof WasmLayoutInfo>;
