import { DROP, SEP } from './normalize.js';
import type { WasmLayout } from './wasm/types.js';

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
  /** code unit → (symbol << 1) | digit of its normalised unit, -1 = noise (see scanTables) */
  cls?: Int32Array;
  /** one bit per hash of (state, symbol) of the hashed edges (see scanTables) */
  filter?: Int32Array;
  /** the same automaton laid out for the WebAssembly line walk (wasm/layout.ts), when stored */
  wasm?: WasmLayout;
}

const edgeHash = (s: number, x: number): number => Math.imul(s, 0x9e3779b1) ^ Math.imul(x, 0x85ebca6b);

/**
 * Tables that only speed up scanning, derived from the others; built with the automaton and stored
 * in compiled files so that loading does no per-entry or per-edge work.
 * - cls: one read per code unit in the byte walk instead of norm then sym;
 * - filter: ~8 bits per edge, so that most missing edges (the common case past the root) cost one
 *   read of a small table instead of a probe of the big one (a cache miss).
 */
export function scanTables(a: AutomatonData): { cls: Int32Array; filter: Int32Array } {
  const { norm, sym, hState, hSym } = a;
  let edges = 0;
  for (let h = 0; h < hState.length; h++) if ((hState[h] as number) !== -1) edges++;
  let fbits = 1 << 12;
  while (fbits < edges * 8 && fbits < 1 << 24) fbits <<= 1;
  const filter = new Int32Array(fbits >>> 5);
  const fmask = fbits - 1;
  for (let h = 0; h < hState.length; h++) {
    const st = hState[h] as number;
    if (st === -1) continue;
    const b = edgeHash(st, hSym[h] as number) & fmask;
    filter[b >>> 5] = (filter[b >>> 5] as number) | (1 << (b & 31));
  }
  const cls = new Int32Array(65536);
  for (let c = 0; c < 65536; c++) {
    const m = norm[c] as number;
    cls[c] = m === DROP ? -1 : ((sym[m] as number) << 1) | (m >= 0x30 && m <= 0x39 ? 1 : 0);
  }
  return { cls, filter };
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
  // 2. The trie: the root row, and the other edges in an open-addressing hash of (state, symbol,
  //    next) triples in one array, so that a probe reads one cache line (three arrays were three
  //    misses a probe: the largest cost of compiling 50k keywords). Sized for the edges (≤ units),
  //    grown at load 1/2; split into the three stored arrays at the end.
  let units = 0;
  for (const p of patterns) units += p.length;
  const root = new Int32Array(nsym + 1);
  let cap = 16;
  while (cap < units) cap <<= 1;
  let tab = new Int32Array(cap * 3).fill(-1);
  let mask = cap - 1;
  let hashed = 0;
  const grow = (): void => {
    const old = tab;
    cap <<= 1;
    mask = cap - 1;
    tab = new Int32Array(cap * 3).fill(-1);
    for (let o = 0; o < old.length; o += 3) {
      const st = old[o] as number;
      if (st === -1) continue;
      let h = hashOf(st, old[o + 1] as number, mask);
      while ((tab[h * 3] as number) !== -1) h = (h + 1) & mask;
      tab.set(old.subarray(o, o + 3), h * 3);
    }
  };
  /** the slot of edge (s, x) in tab, or the empty slot where it would go */
  const slot = (s: number, x: number): number => {
    let h = hashOf(s, x, mask);
    for (;;) {
      const k = tab[h * 3] as number;
      if (k === -1 || (k === s && tab[h * 3 + 1] === x)) return h;
      h = (h + 1) & mask;
    }
  };
  // edges in creation order (edge e creates state e + 1), for the children lists of the BFS
  const edgeFrom = new Int32Array(units);
  const edgeSym = new Int32Array(units);
  const outList = new Int32Array(units + 1).fill(-1);
  const patLen = new Int32Array(patterns.length);
  let states = 1;
  for (let pi = 0; pi < patterns.length; pi++) {
    const p = patterns[pi] as string;
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const x = sym[p.charCodeAt(i)] as number;
      let t: number;
      let h = -1;
      if (s === 0) t = root[x] as number;
      else {
        h = slot(s, x);
        t = (tab[h * 3] as number) === -1 ? 0 : (tab[h * 3 + 2] as number);
      }
      if (t === 0) {
        t = states++;
        edgeFrom[t - 1] = s;
        edgeSym[t - 1] = x;
        if (s === 0) root[x] = t;
        else {
          tab[h * 3] = s;
          tab[h * 3 + 1] = x;
          tab[h * 3 + 2] = t;
          if (++hashed * 2 > cap) grow();
        }
      }
      s = t;
    }
    outList[s] = pi;
    patLen[pi] = p.length;
  }
  // 3. Children lists (counting sort of the edges by parent).
  const edges = states - 1;
  const childStart = new Int32Array(states + 1);
  for (let e = 0; e < edges; e++) {
    const at = (edgeFrom[e] as number) + 1;
    childStart[at] = (childStart[at] as number) + 1;
  }
  for (let s = 0; s < states; s++)
    childStart[s + 1] = (childStart[s + 1] as number) + (childStart[s] as number);
  const fillAt = childStart.slice(0, states);
  const childSym = new Int32Array(edges);
  const childState = new Int32Array(edges);
  for (let e = 0; e < edges; e++) {
    const s = edgeFrom[e] as number;
    const at = fillAt[s] as number;
    fillAt[s] = at + 1;
    childSym[at] = edgeSym[e] as number;
    childState[at] = e + 1;
  }
  const hState = new Int32Array(cap);
  const hSym = new Uint16Array(cap);
  const hNext = new Int32Array(cap);
  hState.fill(-1);
  for (let h = 0; h < cap; h++) {
    const st = tab[h * 3] as number;
    if (st === -1) continue;
    hState[h] = st;
    hSym[h] = tab[h * 3 + 1] as number;
    hNext[h] = tab[h * 3 + 2] as number;
  }
  /** the goto function on the build table (see step) */
  const go = (s: number, x: number): number => {
    if (s === 0) return root[x] as number;
    const h = slot(s, x);
    return (tab[h * 3] as number) === -1 ? -1 : (tab[h * 3 + 2] as number);
  };
  const a: AutomatonData = {
    norm,
    sym,
    root,
    hState,
    hSym,
    hNext,
    fail: new Int32Array(states),
    out: outList.slice(0, states),
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
      let to = go(f, x);
      while (to === -1 && f !== 0) {
        f = a.fail[f] as number;
        to = go(f, x);
      }
      a.fail[t] = to === -1 ? 0 : to;
    }
  }
  Object.assign(a, scanTables(a));
  return a;
}

function hashOf(s: number, x: number, mask: number): number {
  return (Math.imul(s, 0x9e3779b1) ^ Math.imul(x, 0x85ebca6b)) & mask;
}

/** Longest normalised pattern, for the ring of original offsets a scanner keeps. */
export function maxPatternLength(a: AutomatonData): number {
  let max = 1;
  for (let i = 0; i < a.patLen.length; i++) if ((a.patLen[i] as number) > max) max = a.patLen[i] as number;
  return max;
}

export type HitSink = (pattern: number, start: number, end: number) => void;

/**
 * A reusable scanner over one automaton: it owns the ring of original offsets, so scanning a record
 * allocates nothing. Both entry points read the same code-unit sequence with the same context rules
 * as normalizeString (CJK surrogate pairs kept, noise between digits read as SEP).
 */
export interface Scanner {
  /** Every occurrence of every pattern (all-overlapping), in order of end, at UTF-16 offsets. */
  scan(text: string, onHit: HitSink): void;
  /**
   * Walks the lines of valid UTF-8 `bytes` [from, to) without decoding them, calling onLine with
   * each line's byte range (newline excluded), whether some pattern occurs in it, and whether the
   * line is blank (only whitespace, as String.prototype.trim sees it). A walk may also give a hit
   * line's `hits`: what scan() reports on the decoded line (its trailing CR left out), as
   * (pattern, start, end) triples in scan()'s order; the JS walk does not.
   */
  lines(
    bytes: Uint8Array,
    from: number,
    to: number,
    onLine: (start: number, end: number, hit: boolean, blank: boolean, hits?: Int32Array) => void,
  ): void;
}

/** Whitespace as String.prototype.trim sees it. */
export const isTrimSpace = (c: number): boolean =>
  c === 0x20 ||
  (c >= 0x09 && c <= 0x0d) ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

export function createScanner(a: AutomatonData): Scanner {
  const { norm, sym, root, hState, hSym, hNext, fail, out, emit, patLen } = a;
  const mask = hState.length - 1;
  let ringSize = 1;
  while (ringSize < maxPatternLength(a) + 1) ringSize <<= 1;
  const ring = new Int32Array(ringSize);
  const rmask = ringSize - 1;
  const { cls, filter } = a.cls && a.filter ? { cls: a.cls, filter: a.filter } : scanTables(a);
  const fmask = filter.length * 32 - 1;
  // Tables of lines() only, made on its first call (a scan worker walks lines in WebAssembly and
  // uses this scanner for the candidate lines' scan()):
  // - hasOut: "some pattern ends here" as a bitset: read for every character, it stays in L1 where
  //   emit[] (4 bytes a state) would be a cache miss;
  // - failRoot: states whose failure link is the root, as a bitset (L1/L2) for the inline step.
  let lineBits: { hasOut: Int32Array; failRoot: Int32Array } | undefined;
  const linesTables = (): { hasOut: Int32Array; failRoot: Int32Array } => {
    if (lineBits) return lineBits;
    const hasOut = new Int32Array((emit.length >>> 5) + 1);
    for (let st = 0; st < emit.length; st++)
      if ((emit[st] as number) !== -1) hasOut[st >>> 5] = (hasOut[st >>> 5] as number) | (1 << (st & 31));
    const failRoot = new Int32Array((fail.length >>> 5) + 1);
    for (let st = 1; st < fail.length; st++)
      if ((fail[st] as number) === 0) failRoot[st >>> 5] = (failRoot[st >>> 5] as number) | (1 << (st & 31));
    lineBits = { hasOut, failRoot };
    return lineBits;
  };
  /** The state after reading symbol x in state s (failure links followed); 0 = root. */
  const step = (s: number, x: number): number => {
    if (x === 0) return 0;
    for (;;) {
      if (s === 0) return root[x] as number;
      const hx = Math.imul(s, 0x9e3779b1) ^ Math.imul(x, 0x85ebca6b);
      const b = hx & fmask;
      if (((filter[b >>> 5] as number) & (1 << (b & 31))) !== 0) {
        let h = hx & mask;
        for (;;) {
          const key = hState[h] as number;
          if (key === -1) break;
          if (key === s && hSym[h] === x) return hNext[h] as number;
          h = (h + 1) & mask;
        }
      }
      s = fail[s] as number;
    }
  };
  const sepSym = sym[SEP] as number;
  return {
    scan(text, onHit) {
      let s = 0;
      let k = 0;
      let gapAt = -1;
      let lastDigit = false;
      let lowNext = false;
      const n = text.length;
      for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        let m: number;
        if (lowNext) {
          m = c;
          lowNext = false;
        } else {
          m = norm[c] as number;
          if (m === DROP) {
            if (gapAt < 0) gapAt = i;
            continue;
          }
          if ((m & 0xfc00) === 0xd800) {
            if ((text.charCodeAt(i + 1) & 0xfc00) !== 0xdc00) {
              if (gapAt < 0) gapAt = i;
              continue;
            }
            lowNext = true;
          }
          const digit = m >= 0x30 && m <= 0x39;
          if (gapAt >= 0) {
            if (lastDigit && digit) {
              ring[k & rmask] = gapAt;
              k++;
              s = step(s, sepSym);
            }
            gapAt = -1;
          }
          lastDigit = digit;
        }
        ring[k & rmask] = i;
        k++;
        const x = sym[m] as number;
        s = s === 0 ? (root[x] as number) : step(s, x);
        let o = emit[s] as number;
        while (o !== -1) {
          const p = out[o] as number;
          onHit(p, ring[(k - (patLen[p] as number)) & rmask] as number, i + 1);
          o = emit[fail[o] as number] as number;
        }
      }
    },
    lines(bytes, from, to, onLine) {
      const { hasOut, failRoot } = linesTables();
      let s = 0;
      let gap = false;
      let lastDigit = false;
      let hit = false;
      let blank = true;
      let start = from;
      let i = from;
      while (i < to) {
        const b0 = bytes[i] as number;
        let c: number;
        let lo = 0;
        if (b0 < 0x80) {
          if (b0 === 0x0a) {
            onLine(start, i, hit, blank);
            i++;
            start = i;
            s = 0;
            gap = false;
            lastDigit = false;
            hit = false;
            blank = true;
            continue;
          }
          c = b0;
          i++;
        } else if (b0 < 0xe0) {
          c = ((b0 & 0x1f) << 6) | ((bytes[i + 1] as number) & 0x3f);
          i += 2;
        } else if (b0 < 0xf0) {
          c =
            ((b0 & 0x0f) << 12) |
            (((bytes[i + 1] as number) & 0x3f) << 6) |
            ((bytes[i + 2] as number) & 0x3f);
          i += 3;
        } else {
          const cp =
            (((b0 & 0x07) << 18) |
              (((bytes[i + 1] as number) & 0x3f) << 12) |
              (((bytes[i + 2] as number) & 0x3f) << 6) |
              ((bytes[i + 3] as number) & 0x3f)) -
            0x10000;
          i += 4;
          c = 0xd800 + (cp >> 10);
          lo = 0xdc00 + (cp & 0x3ff);
        }
        if (blank && !isTrimSpace(c)) blank = false;
        const v = cls[c] as number;
        if (v < 0) {
          gap = true;
          continue;
        }
        const digit = (v & 1) === 1;
        if (gap) {
          if (lastDigit && digit) s = step(s, sepSym);
          gap = false;
        }
        lastDigit = digit;
        const x = v >> 1;
        if (s === 0) s = root[x] as number;
        else {
          // The common case past the root, inline: no edge (the filter says so) from a state that
          // fails straight to the root. root[0] is 0, so symbol 0 (no pattern) also lands there.
          const hx = Math.imul(s, 0x9e3779b1) ^ Math.imul(x, 0x85ebca6b);
          const b = hx & fmask;
          s =
            ((filter[b >>> 5] as number) & (1 << (b & 31))) === 0 &&
            ((failRoot[s >>> 5] as number) & (1 << (s & 31))) !== 0
              ? (root[x] as number)
              : step(s, x);
        }
        // A kept (CJK) high surrogate: its low surrogate follows as itself.
        if (lo !== 0) s = step(s, sym[lo] as number);
        if (((hasOut[s >>> 5] as number) & (1 << (s & 31))) !== 0) {
          hit = true;
          // The line is a candidate already: skip to its end.
          const nl = bytes.indexOf(0x0a, i);
          i = nl < 0 || nl > to ? to : nl;
        }
      }
      if (start < to) onLine(start, to, hit, blank);
    },
  };
}

/**
 * Every occurrence of every pattern (all-overlapping), in order of end position, with offsets in
 * the ORIGINAL text. Dropped (noise) code units inside a match are covered by its span.
 * Convenience for one-off scans: a matcher keeps one Scanner instead.
 */
export function scanAll(a: AutomatonData, text: string, onHit: HitSink): void {
  createScanner(a).scan(text, onHit);
}
