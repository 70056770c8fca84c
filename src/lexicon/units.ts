/**
 * Growable typed columns and a set of unit strings, for compiling a keyword list into a compiled
 * library's columns (compile-columns.ts) without a string or an object per keyword.
 */
type Typed = Uint8Array | Uint16Array | Int32Array;

/** A typed array that grows by doubling; `n` elements are in use. */
export interface Column<A extends Typed> {
  a: A;
  n: number;
  /**
   * The array, with room for k more elements past n (write at a[n…], then move n). Growing keeps
   * the elements past n too: what is written there before n moves (a tentative keyword) stays.
   */
  room(k: number): A;
  push(v: number): void;
  /** The elements in use (a view). */
  view(): A;
}

/**
 * A Column class for one kind of typed array: one class (so one set of methods, whose property
 * reads stay monomorphic) per kind, not one generic class whose push sees all three.
 */
function columnClass<A extends Typed>(make: (n: number) => A): new (capacity?: number) => Column<A> {
  return class {
    a: A;
    n = 0;
    constructor(capacity = 16) {
      this.a = make(Math.max(16, capacity));
    }
    room(k: number): A {
      if (this.n + k > this.a.length) {
        let cap = this.a.length * 2;
        while (cap < this.n + k) cap *= 2;
        const b = make(cap);
        b.set(this.a);
        this.a = b;
      }
      return this.a;
    }
    push(v: number): void {
      if (this.n === this.a.length) this.room(1);
      this.a[this.n++] = v;
    }
    view(): A {
      return this.a.subarray(0, this.n) as A;
    }
  };
}

const U16Column = columnClass((n) => new Uint16Array(n));
const I32Column = columnClass((n) => new Int32Array(n));
const U8Column = columnClass((n) => new Uint8Array(n));
export const u16s = (capacity?: number): Column<Uint16Array> => new U16Column(capacity);
export const i32s = (capacity?: number): Column<Int32Array> => new I32Column(capacity);
export const u8s = (capacity?: number): Column<Uint8Array> => new U8Column(capacity);

/** FNV-1a of units[from, to). */
export function unitsHash(units: Uint16Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ (units[i] as number), 0x01000193);
  return h | 0;
}

/** units as a string, in chunks (String.fromCharCode takes its arguments on the stack). */
export function unitsString(units: Uint16Array, from: number, to: number): string {
  let out = '';
  for (let at = from; at < to; at += 4096)
    out += String.fromCharCode(...units.subarray(at, Math.min(to, at + 4096)));
  return out;
}

/**
 * Writes s into col at `at` (default: its end; not counted: the caller moves n) and returns where
 * it ends.
 */
export function writeString(col: Column<Uint16Array>, s: string, at = col.n): number {
  const a = col.room(at - col.n + s.length);
  let w = at;
  for (let i = 0; i < s.length; i++) a[w++] = s.charCodeAt(i);
  return w;
}

/** The same for src[from, to). */
export function writeUnits(
  col: Column<Uint16Array>,
  src: Uint16Array,
  from: number,
  to: number,
  at = col.n,
): number {
  const a = col.room(at - col.n + (to - from));
  let w = at;
  for (let i = from; i < to; i++) a[w++] = src[i] as number;
  return w;
}

/**
 * Distinct unit strings, each the k-th of a column (string k is units[ends[k-1], ends[k])), found by
 * their units: an open-addressing table of indices, no Map of strings.
 */
export class UnitStrings {
  readonly units: Column<Uint16Array>;
  readonly ends: Column<Int32Array>;
  private slots: Int32Array;
  private hashes: Int32Array;
  private mask: number;

  /** Sized for `strings` strings of `units` units in all (it grows past them). */
  constructor(strings = 1 << 11, units = 1 << 16) {
    let cap = 1 << 12;
    while (cap < strings * 2) cap <<= 1;
    this.units = u16s(units);
    this.ends = i32s(strings);
    this.slots = new Int32Array(cap);
    this.hashes = new Int32Array(cap);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.ends.n;
  }
  start(k: number): number {
    return k === 0 ? 0 : (this.ends.a[k - 1] as number);
  }
  /** The index of the string held (uncounted) at units[units.n, to), or -1. */
  find(to: number, h: number): number {
    const from = this.units.n;
    const len = to - from;
    const u = this.units.a;
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const k = (this.slots[s] as number) - 1;
      if (k < 0) return -1;
      if (this.hashes[s] !== h) continue;
      const at = this.start(k);
      if ((this.ends.a[k] as number) - at !== len) continue;
      let i = 0;
      while (i < len && u[at + i] === u[from + i]) i++;
      if (i === len) return k;
    }
  }
  /** Counts the string held at units[units.n, to) as the next one (find said it is new); its index. */
  add(to: number, h: number): number {
    const k = this.ends.n;
    this.units.n = to;
    this.ends.push(to);
    if ((k + 1) * 2 > this.slots.length) this.grow();
    this.place(k, h);
    return k;
  }
  private place(k: number, h: number): void {
    let s = h & this.mask;
    while ((this.slots[s] as number) !== 0) s = (s + 1) & this.mask;
    this.slots[s] = k + 1;
    this.hashes[s] = h;
  }
  private grow(): void {
    const old = this.slots;
    const oldHashes = this.hashes;
    this.slots = new Int32Array(old.length * 2);
    this.hashes = new Int32Array(old.length * 2);
    this.mask = this.slots.length - 1;
    for (let s = 0; s < old.length; s++) {
      const k = (old[s] as number) - 1;
      if (k >= 0) this.place(k, oldHashes[s] as number);
    }
  }
}
