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
// the tables of the last build, for layout()
let A_SYM: usize = 0;
let A_ROOT: usize = 0;
let A_HSTATE: usize = 0;
let A_HSYM: usize = 0;
let A_HNEXT: usize = 0;
let A_FAIL: usize = 0;
let A_EMIT: usize = 0;
let A_OUT: usize = 0;
let A_PATLEN: usize = 0;
let A_NPAT: u32 = 0;
let A_CLS: usize = 0;
let A_NSYM: u32 = 0;
let A_STATES: u32 = 0;
let A_CAP: u32 = 0;
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
  A_SYM = sym;
  A_ROOT = root;
  A_HSTATE = hState;
  A_HSYM = hSym;
  A_HNEXT = hNext;
  A_FAIL = fail;
  A_EMIT = emit;
  A_OUT = out;
  A_PATLEN = patLen;
  A_NPAT = npat;
  A_CLS = cls;
  A_NSYM = nsym;
  A_STATES = states;
  A_CAP = cap;
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

// ---- wasmLayout of ../layout.ts, step for step, over the tables of the last build ----

let USED: usize = 0;
let USED_LEN: u32 = 0; // words

function bitsAt(p: u32): u32 {
  const w = p >>> 5;
  const o = p & 31;
  const lo = <u32>ld(USED, w) >>> o;
  return o === 0 ? lo : lo | ((<u32>ld(USED, w + 1)) << (32 - o));
}

/**
 * The WebAssembly line walk's image of the last build's automaton (../layout.ts: same words, same
 * offsets). Writes at `result` (i32): image address, its length in words, then the layout's fields
 * cls, loSym, root, d1, base, pack, hash, hmask, filter, fmask, fail, hasOut, skip, sepSym, size,
 * emit, out, patLen, rmask.
 */
export function layout(result: usize, sepUnit: u32): void {
  const states = A_STATES;
  const nsym = A_NSYM;
  // children of every state by counting sort of the hashed edges
  const childStart = alloc((<usize>(states + 1)) << 2, 0);
  let deep: u32 = 0;
  for (let h: u32 = 0; h < A_CAP; h++) {
    const s = ld(A_HSTATE, h);
    if (s === -1) continue;
    st(childStart, <u32>s + 1, ld(childStart, <u32>s + 1) + 1);
    deep++;
  }
  for (let s: u32 = 0; s < states; s++) st(childStart, s + 1, ld(childStart, s + 1) + ld(childStart, s));
  const fillAt = alloc((<usize>states) << 2, 0);
  memory.copy(fillAt, childStart, (<usize>states) << 2);
  const childSym = alloc((<usize>deep) << 2, 0);
  const childTo = alloc((<usize>deep) << 2, 0);
  for (let h: u32 = 0; h < A_CAP; h++) {
    const s = ld(A_HSTATE, h);
    if (s === -1) continue;
    const at = <u32>ld(fillAt, <u32>s);
    st(fillAt, <u32>s, <i32>(at + 1));
    st(childSym, at, <i32>load<u16>(A_HSYM + ((<usize>h) << 1)));
    st(childTo, at, ld(A_HNEXT, h));
  }
  // BFS renumbering: newId[old]
  const newId = alloc((<usize>states) << 2, 0xff);
  const order = alloc((<usize>states) << 2, 0);
  st(newId, 0, 0);
  let tail: u32 = 1;
  for (let x: u32 = 1; x <= nsym; x++) {
    const t = <u32>ld(A_ROOT, x);
    if (t !== 0 && ld(newId, t) === -1) {
      st(newId, t, <i32>tail);
      st(order, tail++, <i32>t);
    }
  }
  const d1 = tail - 1;
  for (let head: u32 = 1; head < tail; head++) {
    const s = <u32>ld(order, head);
    const end = <u32>ld(childStart, s + 1);
    for (let k = <u32>ld(childStart, s); k < end; k++) {
      const t = <u32>ld(childTo, k);
      if (ld(newId, t) === -1) {
        st(newId, t, <i32>tail);
        st(order, tail++, <i32>t);
      }
    }
  }
  // depth-1 rows, largest first, ties in id order (the JS stable sort): a counting sort
  let maxc: u32 = 0;
  for (let ns: u32 = 1; ns <= d1; ns++) {
    const s = <u32>ld(order, ns);
    const c = <u32>(ld(childStart, s + 1) - ld(childStart, s));
    if (c > maxc) maxc = c;
  }
  const bucket = alloc((<usize>(maxc + 2)) << 2, 0);
  for (let ns: u32 = 1; ns <= d1; ns++) {
    const s = <u32>ld(order, ns);
    const c = <u32>(ld(childStart, s + 1) - ld(childStart, s));
    st(bucket, maxc - c + 1, ld(bucket, maxc - c + 1) + 1);
  }
  for (let k: u32 = 0; k <= maxc; k++) st(bucket, k + 1, ld(bucket, k + 1) + ld(bucket, k));
  const rows = alloc((<usize>(d1 + 1)) << 2, 0);
  for (let ns: u32 = 1; ns <= d1; ns++) {
    const s = <u32>ld(order, ns);
    const c = <u32>(ld(childStart, s + 1) - ld(childStart, s));
    const at = <u32>ld(bucket, maxc - c);
    st(bucket, maxc - c, <i32>(at + 1));
    st(rows, at, <i32>ns);
  }
  // first-fit packing with the used-slot bitset, 32 bases at once
  USED_LEN = ((nsym * 4) >>> 5) + 2;
  USED = alloc((<usize>USED_LEN) << 2, 0);
  const base = alloc((<usize>(d1 + 1)) << 2, 0);
  const xs = alloc((<usize>(maxc + 1)) << 2, 0);
  let packLen: u32 = 0;
  let firstFree: u32 = 0;
  for (let r: u32 = 0; r < d1; r++) {
    const ns = <u32>ld(rows, r);
    const s = <u32>ld(order, ns);
    const from = <u32>ld(childStart, s);
    const to = <u32>ld(childStart, s + 1);
    if (from === to) continue;
    const n = to - from;
    // the row's symbols, ascending (insertion sort: rows are short, and distinct)
    for (let k: u32 = 0; k < n; k++) {
      const v = ld(childSym, from + k);
      let j = k;
      while (j > 0 && ld(xs, j - 1) > v) {
        st(xs, j, ld(xs, j - 1));
        j--;
      }
      st(xs, j, v);
    }
    const x0 = <u32>ld(xs, 0);
    let b0: u32 = firstFree > x0 ? firstFree - x0 : 0;
    let b: u32 = 0;
    for (;;) {
      const need = ((b0 + nsym + 64) >>> 5) + 2;
      if (need > USED_LEN) {
        const len = max<u32>(need, USED_LEN * 2);
        const u = alloc((<usize>len) << 2, 0);
        memory.copy(u, USED, (<usize>USED_LEN) << 2);
        USED = u;
        USED_LEN = len;
      }
      let taken: u32 = 0;
      for (let k: u32 = 0; k < n && taken !== 0xffffffff; k++) taken |= bitsAt(b0 + <u32>ld(xs, k));
      if (taken !== 0xffffffff) {
        b = b0 + <u32>ctz(~taken);
        break;
      }
      b0 += 32;
    }
    st(base, ns, <i32>b);
    for (let k: u32 = 0; k < n; k++) {
      const at = b + <u32>ld(xs, k);
      st(USED, at >>> 5, ld(USED, at >>> 5) | (1 << (at & 31)));
    }
    while (firstFree < USED_LEN * 32 && (ld(USED, firstFree >>> 5) & (1 << (firstFree & 31))) !== 0)
      firstFree++;
    if (b + nsym + 1 > packLen) packLen = b + nsym + 1;
  }
  if (nsym + 1 > packLen) packLen = nsym + 1;
  // deeper edges: the hash of 16-byte slots, load ≤ 0.5, and its filter
  let deeper: u32 = 0;
  for (let ns = d1 + 1; ns < states; ns++) {
    const s = <u32>ld(order, ns);
    deeper += <u32>(ld(childStart, s + 1) - ld(childStart, s));
  }
  let cap: u32 = 16;
  while (cap < deeper * 2) cap <<= 1;
  let fbits: u32 = 1 << 12;
  while (fbits < deeper * 8 && fbits < 1 << 24) fbits <<= 1;
  // layout (in i32 words)
  let words: u32 = 0;
  const wCls = words;
  words += 65536;
  const wLo = words;
  words += 1024;
  const wRoot = words;
  words += (nsym + 1 + 3) & ~3;
  const wBase = words;
  words += (d1 + 1 + 3) & ~3;
  const wPack = words;
  words += (packLen * 2 + 3) & ~3;
  const wHash = words;
  words += cap * 4;
  const wFilter = words;
  words += ((fbits >>> 5) + 3) & ~3;
  const wFail = words;
  words += (states + 3) & ~3;
  const wHasOut = words;
  words += ((states >>> 5) + 1 + 3) & ~3;
  const wSkip = words;
  words += 2048;
  const wEmit = words;
  words += (states + 3) & ~3;
  const wOut = words;
  words += (states + 3) & ~3;
  const wPatLen = words;
  words += (A_NPAT + 3) & ~3;
  const image = alloc((<usize>words) << 2, 0);
  memory.copy(image + ((<usize>wCls) << 2), A_CLS, 65536 << 2);
  for (let k: u32 = 0; k < 1024; k++)
    st(image, wLo + k, <i32>load<u16>(A_SYM + ((<usize>(0xdc00 + k)) << 1)));
  for (let x: u32 = 0; x <= nsym; x++) st(image, wRoot + x, ld(newId, <u32>ld(A_ROOT, x)));
  memory.copy(image + ((<usize>wBase) << 2), base, (<usize>(d1 + 1)) << 2);
  for (let ns: u32 = 1; ns <= d1; ns++) {
    const s = <u32>ld(order, ns);
    const b = <u32>ld(base, ns);
    const end = <u32>ld(childStart, s + 1);
    for (let k = <u32>ld(childStart, s); k < end; k++) {
      const at = wPack + (b + <u32>ld(childSym, k)) * 2;
      st(image, at, <i32>ns);
      st(image, at + 1, ld(newId, <u32>ld(childTo, k)));
    }
  }
  for (let h: u32 = 0; h < cap; h++) st(image, wHash + h * 4, -1);
  const hmask = cap - 1;
  const fmask = fbits - 1;
  for (let ns = d1 + 1; ns < states; ns++) {
    const s = <u32>ld(order, ns);
    const end = <u32>ld(childStart, s + 1);
    for (let k = <u32>ld(childStart, s); k < end; k++) {
      const x = <u32>ld(childSym, k);
      const hx = hashOf(ns, x);
      const fb = hx & fmask;
      st(image, wFilter + (fb >>> 5), ld(image, wFilter + (fb >>> 5)) | (1 << (fb & 31)));
      let h = hx & hmask;
      while (ld(image, wHash + h * 4) !== -1) h = (h + 1) & hmask;
      st(image, wHash + h * 4, <i32>ns);
      st(image, wHash + h * 4 + 1, <i32>x);
      st(image, wHash + h * 4 + 2, ld(newId, <u32>ld(childTo, k)));
    }
  }
  for (let s: u32 = 0; s < states; s++) {
    const ns = ld(newId, s);
    if (ns < 0) continue;
    st(image, wFail + <u32>ns, ld(newId, <u32>ld(A_FAIL, s)));
    const e = ld(A_EMIT, s);
    if (e !== -1) {
      const w = wHasOut + (<u32>ns >>> 5);
      st(image, w, ld(image, w) | (1 << (<u32>ns & 31)));
    }
    st(image, wEmit + <u32>ns, e === -1 ? -1 : ld(newId, <u32>e));
    st(image, wOut + <u32>ns, ld(A_OUT, s));
  }
  memory.copy(image + ((<usize>wPatLen) << 2), A_PATLEN, (<usize>A_NPAT) << 2);
  let maxLen: u32 = 1;
  for (let p: u32 = 0; p < A_NPAT; p++) if (<u32>ld(A_PATLEN, p) > maxLen) maxLen = <u32>ld(A_PATLEN, p);
  let ring: u32 = 1;
  while (ring < maxLen + 1) ring <<= 1;
  for (let c: u32 = 0; c < 0x10000; c++) {
    const v = ld(image, wCls + c);
    if (v < 0 || ld(image, wRoot + (<u32>v >> 1)) === 0) continue;
    st(image, wSkip + (c >>> 5), ld(image, wSkip + (c >>> 5)) | (1 << (c & 31)));
  }
  st(result, 0, <i32>image);
  st(result, 1, <i32>words);
  st(result, 2, <i32>(wCls * 4));
  st(result, 3, <i32>(wLo * 4));
  st(result, 4, <i32>(wRoot * 4));
  st(result, 5, <i32>d1);
  st(result, 6, <i32>(wBase * 4));
  st(result, 7, <i32>(wPack * 4));
  st(result, 8, <i32>(wHash * 4));
  st(result, 9, <i32>hmask);
  st(result, 10, <i32>(wFilter * 4));
  st(result, 11, <i32>fmask);
  st(result, 12, <i32>(wFail * 4));
  st(result, 13, <i32>(wHasOut * 4));
  st(result, 14, <i32>(wSkip * 4));
  st(result, 15, <i32>load<u16>(A_SYM + ((<usize>sepUnit) << 1)));
  st(result, 16, <i32>(words * 4));
  st(result, 17, <i32>(wEmit * 4));
  st(result, 18, <i32>(wOut * 4));
  st(result, 19, <i32>(wPatLen * 4));
  st(result, 20, <i32>(ring - 1));
}
