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

/**
 * A bit per hash prefix of the keys of a table: four times as many bits as the table has slots, so
 * an eighth of the table's bytes (a megabyte of word pairs is 128 KB here, which stays in cache).
 * Most look-ups of the detectors miss (three characters of running text are rarely a word), and a
 * miss is then decided by this bit instead of a load from the table's far end. One function per
 * kind of table, the hash written out in each: one function for both saw two kinds of array and
 * two hash functions, and was thrown away and compiled again in every thread that loaded the sets.
 */
function smallPrefixBits(table: Int32Array): Uint8Array {
  const bits = new Uint8Array((table.length * 4) >>> 3 || 1);
  const shift = 32 - Math.log2(table.length * 4);
  for (let i = 0; i < table.length; i++) {
    const k = table[i] as number;
    if (k === EMPTY) continue;
    const b = Math.imul(k, GOLDEN) >>> shift;
    bits[b >>> 3] = (bits[b >>> 3] as number) | (1 << (b & 7));
  }
  return bits;
}
function widePrefixBits(table: Float64Array): Uint8Array {
  const bits = new Uint8Array((table.length * 4) >>> 3 || 1);
  const shift = 32 - Math.log2(table.length * 4);
  for (let i = 0; i < table.length; i++) {
    const k = table[i] as number;
    if (k === EMPTY) continue;
    const b = wideHash(k) >>> shift;
    bits[b >>> 3] = (bits[b >>> 3] as number) | (1 << (b & 7));
  }
  return bits;
}

/** Keys below 2^31 (pairs of CJK characters, UTF-16 codes), in an Int32Array. */
export class SmallIntSet implements NumberSet {
  readonly table: Int32Array;
  readonly size: number;
  private readonly shift: number;
  private readonly bits: Uint8Array;
  private readonly bitShift: number;
  constructor(table: Int32Array, size: number) {
    this.table = table;
    this.size = size;
    this.shift = 32 - Math.log2(table.length);
    this.bits = smallPrefixBits(table);
    this.bitShift = this.shift - 2;
  }
  has(key: number): boolean {
    if (!(key >= 0 && key <= 0x7fffffff)) return false;
    const hash = Math.imul(key, GOLDEN);
    const b = hash >>> this.bitShift;
    if (((this.bits[b >>> 3] as number) & (1 << (b & 7))) === 0) return false;
    const t = this.table;
    const mask = t.length - 1;
    for (let h = hash >>> this.shift; ; h = (h + 1) & mask) {
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
  private readonly bits: Uint8Array;
  private readonly bitShift: number;
  constructor(table: Float64Array, size: number) {
    this.table = table;
    this.size = size;
    this.shift = 32 - Math.log2(table.length);
    this.bits = widePrefixBits(table);
    this.bitShift = this.shift - 2;
  }
  has(key: number): boolean {
    if (!(key >= 0)) return false;
    const hash = wideHash(key);
    const b = hash >>> this.bitShift;
    if (((this.bits[b >>> 3] as number) & (1 << (b & 7))) === 0) return false;
    const t = this.table;
    const mask = t.length - 1;
    for (let h = hash >>> this.shift; ; h = (h + 1) & mask) {
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
