import { type AutomatonData, scanTables } from '../automaton.js';
import { SEP } from '../normalize.js';
import { WASM_LAYOUT_VERSION, type WasmLayout } from './types.js';

export type { WasmLayout } from './types.js';

/**
 * Lays the automaton out for the WebAssembly hot loop (assembly/lines.ts; see types.ts). Pure; done
 * when a library is compiled (0.1 s at 50k keywords, 0.3 s for the default library) and stored in
 * the compiled file, so a scan of a compiled library does none of it.
 *
 * States are renumbered in BFS order, so the root's children are 1..d1 (read after almost every
 * character of real text that starts a keyword) and shallow, hot states share cache lines in the
 * bitsets. A depth-1 state's row is dense over the symbols, the rows packed first-fit into one
 * array of (check, next) pairs (a double array for one level only: its 2–3 thousand rows pack
 * tightly, where all levels did not). Deeper edges go to a hash of 16-byte slots (state, symbol,
 * next) so that a probe is one cache line, behind a Bloom-style bit filter like the JS loop's.
 */

const edgeHash = (s: number, x: number): number =>
  (Math.imul(s, 0x9e3779b1) ^ Math.imul(x, 0x85ebca6b)) >>> 0;

/** The trie's children of every state (by counting sort of the hashed edges) and the BFS numbering. */
interface Renumbering {
  childStart: Int32Array;
  childSym: Int32Array;
  childTo: Int32Array;
  /** newId[old state] */
  newId: Int32Array;
  /** order[new state] = old state */
  order: Int32Array;
  /** states 1..d1 are the root's children */
  d1: number;
}

function renumber(a: AutomatonData): Renumbering {
  const { root, hState, hSym, hNext, fail } = a;
  const states = fail.length;
  const nsym = root.length - 1;
  // children of every state by counting sort of the hashed edges (root's come from its row)
  const childStart = new Int32Array(states + 1);
  let deep = 0;
  for (let h = 0; h < hState.length; h++) {
    const s = hState[h] as number;
    if (s === -1) continue;
    childStart[s + 1] = (childStart[s + 1] as number) + 1;
    deep++;
  }
  for (let s = 0; s < states; s++)
    childStart[s + 1] = (childStart[s + 1] as number) + (childStart[s] as number);
  const fillAt = childStart.slice(0, states);
  const childSym = new Int32Array(deep);
  const childTo = new Int32Array(deep);
  for (let h = 0; h < hState.length; h++) {
    const s = hState[h] as number;
    if (s === -1) continue;
    const at = fillAt[s] as number;
    fillAt[s] = at + 1;
    childSym[at] = hSym[h] as number;
    childTo[at] = hNext[h] as number;
  }
  // BFS renumbering: newId[old]
  const newId = new Int32Array(states).fill(-1);
  const order = new Int32Array(states);
  newId[0] = 0;
  let tail = 1;
  for (let x = 1; x <= nsym; x++) {
    const t = root[x] as number;
    if (t !== 0 && newId[t] === -1) {
      newId[t] = tail;
      order[tail++] = t;
    }
  }
  const d1 = tail - 1;
  for (let head = 1; head < tail; head++) {
    const s = order[head] as number;
    for (let k = childStart[s] as number; k < (childStart[s + 1] as number); k++) {
      const t = childTo[k] as number;
      if (newId[t] === -1) {
        newId[t] = tail;
        order[tail++] = t;
      }
    }
  }
  return { childStart, childSym, childTo, newId, order, d1 };
}

export function wasmLayout(a: AutomatonData): WasmLayout {
  const { root, fail, emit, sym, out, patLen } = a;
  const states = fail.length;
  const nsym = root.length - 1;
  const npat = patLen.length;
  const { childStart, childSym, childTo, newId, order, d1 } = renumber(a);
  // depth-1 rows, packed first-fit (largest rows first); slot base + x holds (check, next)
  const rows = Array.from({ length: d1 }, (_, k) => k + 1).sort((p, q) => {
    const sp = order[p] as number;
    const sq = order[q] as number;
    return (
      (childStart[sq + 1] as number) -
      (childStart[sq] as number) -
      ((childStart[sp + 1] as number) - (childStart[sp] as number))
    );
  });
  // Used slots as a bitset: a row is tried at 32 bases at once, the OR over its symbols of the 32
  // used bits from base + symbol (the first zero bit is the first base that fits), so a row costs
  // one pass over its symbols per 32 bases (per base, the union-find of free slots it replaces).
  let used = new Int32Array(((nsym * 4) >>> 5) + 2);
  const bitsAt = (p: number): number => {
    const w = p >>> 5;
    const o = p & 31;
    const lo = (used[w] as number) >>> o;
    return o === 0 ? lo : lo | ((used[w + 1] as number) << (32 - o));
  };
  const base = new Int32Array(d1 + 1);
  let packLen = 0;
  let firstFree = 0;
  const xs: number[] = [];
  for (const ns of rows) {
    const s = order[ns] as number;
    const from = childStart[s] as number;
    const to = childStart[s + 1] as number;
    if (from === to) continue; // base 0: every check fails (slot checks are depth-1 ids ≥ 1 or 0)
    xs.length = 0;
    for (let k = from; k < to; k++) xs.push(childSym[k] as number);
    xs.sort((p, q) => p - q);
    let b0 = Math.max(0, firstFree - (xs[0] as number));
    let b: number;
    for (;;) {
      const need = ((b0 + nsym + 64) >>> 5) + 2;
      if (need > used.length) {
        const u = new Int32Array(Math.max(need, used.length * 2));
        u.set(used);
        used = u;
      }
      let taken = 0;
      for (let k = 0; k < xs.length && taken !== -1; k++) taken |= bitsAt(b0 + (xs[k] as number));
      if (taken !== -1) {
        const free = ~taken;
        b = b0 + 31 - Math.clz32(free & -free);
        break;
      }
      b0 += 32;
    }
    base[ns] = b;
    for (const x of xs) {
      const at = b + x;
      used[at >>> 5] = (used[at >>> 5] as number) | (1 << (at & 31));
    }
    while (((used[firstFree >>> 5] as number) & (1 << (firstFree & 31))) !== 0) firstFree++;
    packLen = Math.max(packLen, b + nsym + 1);
  }
  packLen = Math.max(packLen, nsym + 1);
  // deeper edges: the hash of 16-byte slots, load ≤ 0.5, and its filter (~8 bits an edge)
  let deeper = 0;
  for (let ns = d1 + 1; ns < states; ns++) {
    const s = order[ns] as number;
    deeper += (childStart[s + 1] as number) - (childStart[s] as number);
  }
  let cap = 16;
  while (cap < deeper * 2) cap <<= 1;
  let fbits = 1 << 12;
  while (fbits < deeper * 8 && fbits < 1 << 24) fbits <<= 1;
  // layout (in i32 words)
  let words = 0;
  const take = (n: number): number => {
    const at = words;
    words += (n + 3) & ~3;
    return at;
  };
  const wCls = take(65536);
  const wLo = take(1024);
  const wRoot = take(nsym + 1);
  const wBase = take(d1 + 1);
  const wPack = take(packLen * 2);
  const wHash = take(cap * 4);
  const wFilter = take(fbits >>> 5);
  const wFail = take(states);
  const wHasOut = take((states >>> 5) + 1);
  const wSkip = take(2048);
  const wEmit = take(states);
  const wOut = take(states);
  const wPatLen = take(npat);
  const image = new Int32Array(words);
  image.set(a.cls ?? scanTables(a).cls, wCls);
  for (let k = 0; k < 1024; k++) image[wLo + k] = sym[0xdc00 + k] as number;
  for (let x = 0; x <= nsym; x++) image[wRoot + x] = newId[root[x] as number] as number;
  image.set(base, wBase);
  for (let ns = 1; ns <= d1; ns++) {
    const s = order[ns] as number;
    const b = base[ns] as number;
    for (let k = childStart[s] as number; k < (childStart[s + 1] as number); k++) {
      const at = wPack + (b + (childSym[k] as number)) * 2;
      image[at] = ns;
      image[at + 1] = newId[childTo[k] as number] as number;
    }
  }
  for (let h = 0; h < cap; h++) image[wHash + h * 4] = -1;
  const hmask = cap - 1;
  const fmask = fbits - 1;
  for (let ns = d1 + 1; ns < states; ns++) {
    const s = order[ns] as number;
    for (let k = childStart[s] as number; k < (childStart[s + 1] as number); k++) {
      const x = childSym[k] as number;
      const hx = edgeHash(ns, x);
      const fb = hx & fmask;
      image[wFilter + (fb >>> 5)] = (image[wFilter + (fb >>> 5)] as number) | (1 << (fb & 31));
      let h = hx & hmask;
      while ((image[wHash + h * 4] as number) !== -1) h = (h + 1) & hmask;
      image[wHash + h * 4] = ns;
      image[wHash + h * 4 + 1] = x;
      image[wHash + h * 4 + 2] = newId[childTo[k] as number] as number;
    }
  }
  for (let s = 0; s < states; s++) {
    const ns = newId[s] as number;
    if (ns < 0) continue; // unreachable (cannot happen in a trie)
    image[wFail + ns] = newId[fail[s] as number] as number;
    const e = emit[s] as number;
    if (e !== -1) image[wHasOut + (ns >>> 5)] = (image[wHasOut + (ns >>> 5)] as number) | (1 << (ns & 31));
    image[wEmit + ns] = e === -1 ? -1 : (newId[e] as number);
    image[wOut + ns] = out[s] as number;
  }
  image.set(patLen, wPatLen);
  let maxLen = 1;
  for (let p = 0; p < npat; p++) if ((patLen[p] as number) > maxLen) maxLen = patLen[p] as number;
  let ring = 1;
  while (ring < maxLen + 1) ring <<= 1;
  // BMP characters that start a pattern: the hot loop skips the others at the root
  const cls = image.subarray(wCls, wCls + 65536);
  const rootRow = image.subarray(wRoot, wRoot + nsym + 1);
  for (let c = 0; c < 0x10000; c++) {
    const v = cls[c] as number;
    if (v < 0 || (rootRow[v >> 1] as number) === 0) continue;
    image[wSkip + (c >>> 5)] = (image[wSkip + (c >>> 5)] as number) | (1 << (c & 31));
  }
  return {
    version: WASM_LAYOUT_VERSION,
    image,
    cls: wCls * 4,
    loSym: wLo * 4,
    root: wRoot * 4,
    d1,
    base: wBase * 4,
    pack: wPack * 4,
    hash: wHash * 4,
    hmask,
    filter: wFilter * 4,
    fmask,
    fail: wFail * 4,
    hasOut: wHasOut * 4,
    skip: wSkip * 4,
    sepSym: sym[SEP] as number,
    size: words * 4,
    emit: wEmit * 4,
    out: wOut * 4,
    patLen: wPatLen * 4,
    rmask: ring - 1,
  };
}
