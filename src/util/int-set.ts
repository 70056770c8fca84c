/**
 * Read-only sets of non-negative integers as open-addressing hash tables in one typed array, so a
 * set can be a view over bytes read from a file or shared between threads (a SharedArrayBuffer)
 * instead of being rebuilt or structured-cloned: loading is a few views, not 100k inserts. A lookup
 * is a multiply, a mask and usually one or two loads from a table a quarter the size of a `Set`.
 * Pure.
 */
export interface NumberSet {
  has(key: number): boolean;
  readonly size: number;
}

/** the empty slot: no key is negative */
const EMPTY = -1;
const GOLDEN = 0x9e3779b1;

/** Table slots for `n` keys: a power of two, at most half full. */
export const slotsFor = (n: number): number => {
  let cap = 2;
  while (cap < n * 2) cap *= 2;
  return cap;
};

/** Keys below 2^31 (pairs of CJK characters, UTF-16 codes), in an Int32Array. */
export class SmallIntSet implements NumberSet {
  readonly table: Int32Array;
  readonly size: number;
  private readonly shift: number;
  constructor(table: Int32Array, size: number) {
    this.table = table;
    this.size = size;
    this.shift = 32 - Math.log2(table.length);
  }
  has(key: number): boolean {
    if (!(key >= 0 && key <= 0x7fffffff)) return false;
    const t = this.table;
    const mask = t.length - 1;
    for (let h = Math.imul(key, GOLDEN) >>> this.shift; ; h = (h + 1) & mask) {
      const v = t[h] as number;
      if (v === key) return true;
      if (v === EMPTY) return false;
    }
  }
}

/** Keys below 2^53 (three packed UTF-16 codes), in a Float64Array. */
export class WideIntSet implements NumberSet {
  readonly table: Float64Array;
  readonly size: number;
  private readonly shift: number;
  constructor(table: Float64Array, size: number) {
    this.table = table;
    this.size = size;
    this.shift = 32 - Math.log2(table.length);
  }
  has(key: number): boolean {
    if (!(key >= 0)) return false;
    const t = this.table;
    const mask = t.length - 1;
    for (let h = wideHash(key) >>> this.shift; ; h = (h + 1) & mask) {
      const v = t[h] as number;
      if (v === key) return true;
      if (v === EMPTY) return false;
    }
  }
}

/** low 32 bits mixed with the high ones (`>>> 0` is the value modulo 2^32 for any double) */
const wideHash = (key: number): number =>
  Math.imul((key >>> 0) ^ Math.imul((key / 4294967296) | 0, 0x85ebca6b), GOLDEN);

/** A set of the given integer keys (negative or fractional keys are refused). */
export function intSet(keys: Iterable<number>): SmallIntSet | WideIntSet {
  const list = [...new Set(keys)];
  let small = true;
  for (const k of list) {
    if (!Number.isSafeInteger(k) || k < 0) throw new RangeError(`not a non-negative safe integer: ${k}`);
    if (k > 0x7fffffff) small = false;
  }
  const cap = slotsFor(list.length);
  const mask = cap - 1;
  const shift = 32 - Math.log2(cap);
  if (small) {
    const t = new Int32Array(cap).fill(EMPTY);
    for (const k of list) {
      let h = Math.imul(k, GOLDEN) >>> shift;
      while (t[h] !== EMPTY) h = (h + 1) & mask;
      t[h] = k;
    }
    return new SmallIntSet(t, list.length);
  }
  const t = new Float64Array(cap).fill(EMPTY);
  for (const k of list) {
    let h = wideHash(k) >>> shift;
    while (t[h] !== EMPTY) h = (h + 1) & mask;
    t[h] = k;
  }
  return new WideIntSet(t, list.length);
}
