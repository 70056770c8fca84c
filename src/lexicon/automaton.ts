import { DROP } from './normalize.js';

/**
 * Aho–Corasick automaton over normalised UTF-16 code units, all in typed arrays: one read maps a
 * code unit to its normalised unit, one to its symbol; transitions from the root are a dense row
 * (most characters of real text are read at the root), the others an open-addressing hash table
 * keyed by (state, symbol). No Maps, no strings, no allocation per character in the hot loop.
 * (A double-array trie was tried first: with a Chinese alphabet of thousands of symbols its
 * placement was either quadratic to build or very sparse.)
 *
 * Patterns are distinct normalised strings, identified by their index (0..n-1).
 */
export interface AutomatonData {
  /** code unit → normalised code unit, DROP (0) = removed as noise */
  norm: Uint16Array;
  /** normalised code unit → symbol (1..nsym), 0 = not in any pattern (resets to the root) */
  sym: Uint16Array;
  /** root transitions by symbol (0 = stay at the root) */
  root: Int32Array;
  /** hash table of the other transitions: key state (-1 = empty slot), key symbol, target */
  hState: Int32Array;
  hSym: Uint16Array;
  hNext: Int32Array;
  fail: Int32Array;
  /** pattern ending exactly at this state, or -1 */
  out: Int32Array;
  /** first state on this state's failure chain (itself included) that has an output, or -1 */
  emit: Int32Array;
  /** normalised length of each pattern */
  patLen: Int32Array;
}

/** Raw hit: pattern index and original-text offsets [start, end). */
export interface RawHit {
  pattern: number;
  start: number;
  end: number;
}

/** Builds the automaton. `patterns` are already-normalised, non-empty, distinct strings. */
export function buildAutomaton(patterns: readonly string[], norm: Uint16Array): AutomatonData {
  // 1. Alphabet: only code units used by patterns get a symbol.
  const sym = new Uint16Array(65536);
  let nsym = 0;
  for (const p of patterns)
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (sym[c] === 0) {
        if (nsym === 65535) throw new Error('alphabet too large');
        sym[c] = ++nsym;
      }
    }
  // 2. The trie, edges in a Map while building (state * 65536 + symbol → state).
  const edges = new Map<number, number>();
  const outList: number[] = [-1];
  const patLen = new Int32Array(patterns.length);
  let states = 1;
  patterns.forEach((p, pi) => {
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const key = s * 65536 + (sym[p.charCodeAt(i)] as number);
      let t = edges.get(key);
      if (t === undefined) {
        t = states++;
        edges.set(key, t);
        outList.push(-1);
      }
      s = t;
    }
    outList[s] = pi;
    patLen[pi] = p.length;
  });
  // 3. Typed tables: root row, hash of the other edges (load ≤ 0.5), children lists for BFS.
  const root = new Int32Array(nsym + 1);
  let cap = 16;
  while (cap < edges.size * 2) cap <<= 1;
  const hState = new Int32Array(cap).fill(-1);
  const hSym = new Uint16Array(cap);
  const hNext = new Int32Array(cap);
  const mask = cap - 1;
  const childStart = new Int32Array(states + 1);
  for (const key of edges.keys()) {
    const at = Math.floor(key / 65536) + 1;
    childStart[at] = (childStart[at] as number) + 1;
  }
  for (let s = 0; s < states; s++)
    childStart[s + 1] = (childStart[s + 1] as number) + (childStart[s] as number);
  const fillAt = childStart.slice(0, states);
  const childSym = new Int32Array(edges.size);
  const childState = new Int32Array(edges.size);
  for (const [key, t] of edges) {
    const s = Math.floor(key / 65536);
    const x = key - s * 65536;
    const at = fillAt[s] as number;
    fillAt[s] = at + 1;
    childSym[at] = x;
    childState[at] = t;
    if (s === 0) root[x] = t;
    else {
      let h = hashOf(s, x, mask);
      while (hState[h] !== -1) h = (h + 1) & mask;
      hState[h] = s;
      hSym[h] = x;
      hNext[h] = t;
    }
  }
  edges.clear();
  const a: AutomatonData = {
    norm,
    sym,
    root,
    hState,
    hSym,
    hNext,
    fail: new Int32Array(states),
    out: Int32Array.from(outList),
    emit: new Int32Array(states).fill(-1),
    patLen,
  };
  // 4. Failure and output links in BFS order (parents before children).
  const queue = new Int32Array(states);
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const s = queue[head++] as number;
    if (s !== 0) a.emit[s] = (a.out[s] as number) !== -1 ? s : (a.emit[a.fail[s] as number] as number);
    for (let i = childStart[s] as number; i < (childStart[s + 1] as number); i++) {
      const x = childSym[i] as number;
      const t = childState[i] as number;
      queue[tail++] = t;
      if (s === 0) continue;
      let f = a.fail[s] as number;
      let to = step(a, f, x);
      while (to === -1 && f !== 0) {
        f = a.fail[f] as number;
        to = step(a, f, x);
      }
      a.fail[t] = to === -1 ? 0 : to;
    }
  }
  return a;
}

function hashOf(s: number, x: number, mask: number): number {
  return (Math.imul(s, 0x9e3779b1) ^ Math.imul(x, 0x85ebca6b)) & mask;
}

/** The goto function: target of (s, x), or -1 (the root "stays" on a missing symbol: 0 → 0). */
function step(a: AutomatonData, s: number, x: number): number {
  if (s === 0) return a.root[x] as number;
  const mask = a.hState.length - 1;
  let h = hashOf(s, x, mask);
  for (;;) {
    const k = a.hState[h] as number;
    if (k === -1) return -1;
    if (k === s && a.hSym[h] === x) return a.hNext[h] as number;
    h = (h + 1) & mask;
  }
}

/**
 * Every occurrence of every pattern (all-overlapping), in order of end position, with offsets in
 * the ORIGINAL text. Dropped (noise) code units inside a match are covered by its span.
 */
export function scanAll(
  a: AutomatonData,
  text: string,
  onHit: (pattern: number, start: number, end: number) => void,
): void {
  const { norm, sym, root, hState, hSym, hNext, fail, out, emit, patLen } = a;
  const mask = hState.length - 1;
  // Original offset of the last normalised units (a ring), to map match starts back.
  const n = text.length;
  // No match is longer than the text: short texts (the guard's stream windows) skip the O(patterns) pass.
  let maxLen = Math.max(1, n);
  if (n >= patLen.length) {
    maxLen = 1;
    for (let i = 0; i < patLen.length; i++) if ((patLen[i] as number) > maxLen) maxLen = patLen[i] as number;
  }
  let ringSize = 1;
  while (ringSize < maxLen) ringSize <<= 1;
  const ring = new Int32Array(ringSize);
  const rmask = ringSize - 1;
  let s = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const m = norm[text.charCodeAt(i)] as number;
    if (m === DROP) continue;
    ring[k & rmask] = i;
    k++;
    const x = sym[m] as number;
    if (x === 0) {
      s = 0;
      continue;
    }
    for (;;) {
      if (s === 0) {
        s = root[x] as number;
        break;
      }
      let h = (Math.imul(s, 0x9e3779b1) ^ Math.imul(x, 0x85ebca6b)) & mask;
      let t = -1;
      for (;;) {
        const key = hState[h] as number;
        if (key === -1) break;
        if (key === s && hSym[h] === x) {
          t = hNext[h] as number;
          break;
        }
        h = (h + 1) & mask;
      }
      if (t !== -1) {
        s = t;
        break;
      }
      s = fail[s] as number;
    }
    let o = emit[s] as number;
    while (o !== -1) {
      const p = out[o] as number;
      onHit(p, ring[(k - (patLen[p] as number)) & rmask] as number, i + 1);
      o = emit[fail[o] as number] as number;
    }
  }
}
