// AssemblyScript (compiled by scripts/build-wasm.mjs into dist/lexicon/wasm/build.wasm, not by tsc):
// buildAutomaton of ../../automaton.ts, step for step, for compiling large keyword lists on the main
// thread (typed-array work that JS runs cold, once per scan). Same tables, same numbers: the JS
// function stays the reference and the fallback; build.test.ts holds the two to identical arrays.
//
// Memory: the caller writes the input at the start of linear memory (the patterns' UTF-16 units,
// their end offsets, the normalisation table) and calls build(); the tables are allocated after
// it from a bump pointer, and their addresses and lengths are written at `result`.

let HEAP: usize = 0;

function ensure(end: usize): void {
  const have = (<usize>memory.size()) << 16;
  if (end > have) memory.grow(<i32>((end - have + 0xffff) >> 16));
}

/** bytes, 16-aligned, filled with `fill` (0 or 0xff: -1 in every i32) */
function alloc(bytes: usize, fill: u8): usize {
  const at = (HEAP + 15) & ~(<usize>15);
  HEAP = at + bytes;
  ensure(HEAP);
  memory.fill(at, fill, bytes);
  return at;
}

function ld(base: usize, i: u32): i32 {
  return load<i32>(base + ((<usize>i) << 2));
}
function st(base: usize, i: u32, v: i32): void {
  store<i32>(base + ((<usize>i) << 2), v);
}
function hashOf(s: u32, x: u32): u32 {
  return (s * 0x9e3779b1) ^ (x * 0x85ebca6b);
}

let TAB: usize = 0;
let MASK: u32 = 0;

/** the slot of edge (s, x) in TAB, or the empty slot where it would go */
function slot(s: u32, x: u32): u32 {
  let h = hashOf(s, x) & MASK;
  for (;;) {
    const at = TAB + <usize>h * 12;
    const k = load<i32>(at);
    if (k === -1 || (<u32>k === s && load<u32>(at, 4) === x)) break;
    h = (h + 1) & MASK;
  }
  return h;
}

/**
 * Builds the automaton of `npat` patterns: units (u16) at `units`, pattern p ends at
 * ends[p] (i32, exclusive; starts at ends[p - 1] or 0), norm (u16 × 65536) at `norm`, heap from
 * `heap`. Writes at `result` (i32 pairs: address, length in elements): sym, root, hState, hSym,
 * hNext, fail, out, emit, patLen, cls, filter. Returns 0, or 1 when the alphabet is too large.
 */
export function build(units: usize, ends: usize, npat: u32, norm: usize, heap: usize, result: usize): u32 {
  HEAP = heap;
  const total: u32 = npat === 0 ? 0 : <u32>ld(ends, npat - 1);
  // 1. alphabet
  const sym = alloc(65536 * 2, 0);
  let nsym: u32 = 0;
  for (let i: u32 = 0; i < total; i++) {
    const c = <usize>load<u16>(units + ((<usize>i) << 1));
    if (load<u16>(sym + (c << 1)) === 0) {
      if (nsym === 65535) return 1;
      nsym++;
      store<u16>(sym + (c << 1), <u16>nsym);
    }
  }
  // 2. the trie
  const root = alloc((<usize>(nsym + 1)) << 2, 0);
  let cap: u32 = 16;
  while (cap < total) cap <<= 1;
  TAB = alloc(<usize>cap * 12, 0xff);
  MASK = cap - 1;
  let hashed: u32 = 0;
  const edgeFrom = alloc((<usize>total) << 2, 0);
  const edgeSym = alloc((<usize>total) << 2, 0);
  const outList = alloc((<usize>(total + 1)) << 2, 0xff);
  const patLen = alloc((<usize>npat) << 2, 0);
  let states: u32 = 1;
  let from: u32 = 0;
  for (let pi: u32 = 0; pi < npat; pi++) {
    const to = <u32>ld(ends, pi);
    let s: u32 = 0;
    for (let i = from; i < to; i++) {
      const x = <u32>load<u16>(sym + ((<usize>load<u16>(units + ((<usize>i) << 1))) << 1));
      let t: u32;
      let h: u32 = 0;
      if (s === 0) t = <u32>ld(root, x);
      else {
        h = slot(s, x);
        const at = TAB + <usize>h * 12;
        t = load<i32>(at) === -1 ? 0 : load<u32>(at, 8);
      }
      if (t === 0) {
        t = states++;
        st(edgeFrom, t - 1, <i32>s);
        st(edgeSym, t - 1, <i32>x);
        if (s === 0) st(root, x, <i32>t);
        else {
          const at = TAB + <usize>h * 12;
          store<u32>(at, s);
          store<u32>(at, x, 4);
          store<u32>(at, t, 8);
          if (++hashed * 2 > cap) {
            // grow: rehash into twice the slots
            const old = TAB;
            const oldCap = cap;
            cap <<= 1;
            MASK = cap - 1;
            TAB = alloc(<usize>cap * 12, 0xff);
            for (let o: u32 = 0; o < oldCap; o++) {
              const src = old + <usize>o * 12;
              const k = load<i32>(src);
              if (k === -1) continue;
              let g = hashOf(<u32>k, load<u32>(src, 4)) & MASK;
              while (load<i32>(TAB + <usize>g * 12) !== -1) g = (g + 1) & MASK;
              memory.copy(TAB + <usize>g * 12, src, 12);
            }
          }
        }
      }
      s = t;
    }
    st(outList, s, <i32>pi);
    st(patLen, pi, <i32>(to - from));
    from = to;
  }
  // 3. children lists (counting sort of the edges by parent)
  const edges = states - 1;
  const childStart = alloc((<usize>(states + 1)) << 2, 0);
  for (let e: u32 = 0; e < edges; e++) {
    const at = <u32>ld(edgeFrom, e) + 1;
    st(childStart, at, ld(childStart, at) + 1);
  }
  for (let s: u32 = 0; s < states; s++) st(childStart, s + 1, ld(childStart, s + 1) + ld(childStart, s));
  const fillAt = alloc((<usize>states) << 2, 0);
  memory.copy(fillAt, childStart, (<usize>states) << 2);
  const childSym = alloc((<usize>edges) << 2, 0);
  const childState = alloc((<usize>edges) << 2, 0);
  for (let e: u32 = 0; e < edges; e++) {
    const s = <u32>ld(edgeFrom, e);
    const at = <u32>ld(fillAt, s);
    st(fillAt, s, <i32>(at + 1));
    st(childSym, at, ld(edgeSym, e));
    st(childState, at, <i32>(e + 1));
  }
  // the stored hash, split from the triples
  const hState = alloc((<usize>cap) << 2, 0xff);
  const hSym = alloc((<usize>cap) << 1, 0);
  const hNext = alloc((<usize>cap) << 2, 0);
  for (let h: u32 = 0; h < cap; h++) {
    const at = TAB + <usize>h * 12;
    const k = load<i32>(at);
    if (k === -1) continue;
    st(hState, h, k);
    store<u16>(hSym + ((<usize>h) << 1), <u16>load<u32>(at, 4));
    st(hNext, h, load<i32>(at, 8));
  }
  // 4. failure and output links in BFS order
  const fail = alloc((<usize>states) << 2, 0);
  const out = alloc((<usize>states) << 2, 0);
  memory.copy(out, outList, (<usize>states) << 2);
  const emit = alloc((<usize>states) << 2, 0xff);
  const queue = alloc((<usize>states) << 2, 0);
  let head: u32 = 0;
  let tail: u32 = 1;
  while (head < tail) {
    const s = <u32>ld(queue, head++);
    if (s !== 0) st(emit, s, ld(out, s) !== -1 ? <i32>s : ld(emit, <u32>ld(fail, s)));
    const cEnd = <u32>ld(childStart, s + 1);
    for (let i = <u32>ld(childStart, s); i < cEnd; i++) {
      const x = <u32>ld(childSym, i);
      const t = <u32>ld(childState, i);
      st(queue, tail++, <i32>t);
      if (s === 0) continue;
      let f = <u32>ld(fail, s);
      let to = go(root, f, x);
      while (to === -1 && f !== 0) {
        f = <u32>ld(fail, f);
        to = go(root, f, x);
      }
      st(fail, t, to === -1 ? 0 : to);
    }
  }
  // 5. scanTables: cls by code unit, and the edge filter (~8 bits an edge)
  let fbits: u32 = 1 << 12;
  while (fbits < hashed * 8 && fbits < 1 << 24) fbits <<= 1;
  const filter = alloc((<usize>(fbits >>> 5)) << 2, 0);
  const fmask = fbits - 1;
  for (let h: u32 = 0; h < cap; h++) {
    const k = ld(hState, h);
    if (k === -1) continue;
    const b = hashOf(<u32>k, <u32>load<u16>(hSym + ((<usize>h) << 1))) & fmask;
    st(filter, b >>> 5, ld(filter, b >>> 5) | (1 << (b & 31)));
  }
  const cls = alloc(65536 << 2, 0);
  for (let c: u32 = 0; c < 65536; c++) {
    const m = <u32>load<u16>(norm + ((<usize>c) << 1));
    st(
      cls,
      c,
      m === 0 ? -1 : ((<i32>load<u16>(sym + ((<usize>m) << 1))) << 1) | (m >= 0x30 && m <= 0x39 ? 1 : 0),
    );
  }
  put(result, 0, sym, 65536);
  put(result, 1, root, nsym + 1);
  put(result, 2, hState, cap);
  put(result, 3, hSym, cap);
  put(result, 4, hNext, cap);
  put(result, 5, fail, states);
  put(result, 6, out, states);
  put(result, 7, emit, states);
  put(result, 8, patLen, npat);
  put(result, 9, cls, 65536);
  put(result, 10, filter, fbits >>> 5);
  return 0;
}

function put(result: usize, k: u32, at: usize, n: u32): void {
  st(result, k * 2, <i32>at);
  st(result, k * 2 + 1, <i32>n);
}

/** the goto function on the build table: target of (s, x), or -1 */
function go(root: usize, s: u32, x: u32): i32 {
  if (s === 0) return ld(root, x);
  const at = TAB + <usize>slot(s, x) * 12;
  return load<i32>(at) === -1 ? -1 : load<i32>(at, 8);
}

/** where the caller may start writing: after the module's static data */
export function heapBase(): usize {
  return __heap_base;
}

/** where the tables end: the memory the caller may read */
export function heapEnd(): usize {
  return HEAP;
}
