// AssemblyScript (compiled by scripts/build-wasm.mjs into dist/lexicon/wasm/lines.wasm, not by tsc):
// the scan workers' hot loop, Scanner.lines of ../../automaton.ts over UTF-8 bytes in linear memory,
// and, once match tables are given (initMatch), Scanner.scan of each line with a hit: its every hit
// (pattern, start, end in UTF-16 units of the decoded line), so JS never walks the line again.
// The tables are laid out by ../tables.ts (states renumbered in BFS order, so the root's children are
// states 1..d1 with dense rows packed into one array; deeper edges in a hash of 16-byte slots, one
// cache line a probe). Same rules as the JS loop, which stays the reference: the property test in
// ../../reference.test.ts holds both to the naive matcher.

let CLS: usize = 0; // i32 by code unit: (symbol << 1) | digit, -1 = noise
let LOSYM: usize = 0; // i32 by low surrogate - 0xdc00: its symbol
let ROOT: usize = 0; // i32 by symbol: state after reading it at the root
let D1: u32 = 0; // states 1..D1 are the root's children
let BASE: usize = 0; // i32 by depth-1 state: where its row starts in PACK
let PACK: usize = 0; // (check state, next state) i32 pairs
let HASH: usize = 0; // (state, symbol, next, 0) i32 quads of the deeper edges, state -1 = empty
let HMASK: u32 = 0;
let FILTER: usize = 0; // one bit per hash of each deeper edge
let FMASK: u32 = 0;
let FAIL: usize = 0; // i32 by state
let HASOUT: usize = 0; // bitset by state: some pattern ends here
let SKIP: usize = 0; // bitset by BMP code unit: the character starts a pattern (or is a newline)
let SEPSYM: u32 = 0; // symbol of the digit separator, 0 = none
// match tables (initMatch), in the image's state numbering; MATCH false: lines() only flags lines
let MATCH = false;
let EMIT: usize = 0; // i32 by state: first state on its failure chain (itself included) where a pattern ends, -1 none
let OUTP: usize = 0; // i32 by state: the pattern ending exactly there
let PATLEN: usize = 0; // i32 by pattern: its normalised length in code units
let RING: usize = 0; // i32 ring of the UTF-16 offsets of the last symbols read
let RMASK: u32 = 0;
// the hit stream of one lines() call: per hit line a count, then (pattern, start, end) triples
let HITAT: usize = 0;
let HITEND: usize = 0;
let FULL = false;

export function init(
  cls: usize,
  loSym: usize,
  root: usize,
  d1: u32,
  base: usize,
  pack: usize,
  hash: usize,
  hmask: u32,
  filter: usize,
  fmask: u32,
  fail: usize,
  hasOut: usize,
  skip: usize,
  sepSym: u32,
): void {
  CLS = cls;
  LOSYM = loSym;
  ROOT = root;
  D1 = d1;
  BASE = base;
  PACK = pack;
  HASH = hash;
  HMASK = hmask;
  FILTER = filter;
  FMASK = fmask;
  FAIL = fail;
  HASOUT = hasOut;
  SKIP = skip;
  SEPSYM = sepSym;
}

export function initMatch(emit: usize, outp: usize, patLen: usize, ring: usize, rmask: u32): void {
  EMIT = emit;
  OUTP = outp;
  PATLEN = patLen;
  RING = ring;
  RMASK = rmask;
  MATCH = true;
}

/** Where the hit stream of the last lines() call ends (it stops short when its room ran out). */
export function hitsEnd(): usize {
  return HITAT;
}

function rootStep(x: u32): u32 {
  return load<u32>(ROOT + ((<usize>x) << 2));
}

/** A depth-1 state's goto, its failure being the root. */
function d1Step(s: u32, x: u32): u32 {
  const at = PACK + ((<usize>(load<u32>(BASE + ((<usize>s) << 2)) + x)) << 3);
  return load<u32>(at) === s ? load<u32>(at, 4) : rootStep(x);
}

/** The state after reading symbol x in state s, failure links followed. */
function step(s: u32, x: u32): u32 {
  if (x === 0) return 0;
  while (s !== 0) {
    if (s <= D1) return d1Step(s, x);
    const hx: u32 = (s * 0x9e3779b1) ^ (x * 0x85ebca6b);
    const fb = hx & FMASK;
    if ((load<u32>(FILTER + ((<usize>(fb >>> 5)) << 2)) & (1 << (fb & 31))) !== 0) {
      let h = hx & HMASK;
      for (;;) {
        const at = HASH + ((<usize>h) << 4);
        const key = load<i32>(at);
        if (key === -1) break;
        if (<u32>key === s && load<u32>(at, 4) === x) return load<u32>(at, 8);
        h = (h + 1) & HMASK;
      }
    }
    s = load<u32>(FAIL + ((<usize>s) << 2));
  }
  return rootStep(x);
}

/** Writes the hits ending in state s (the output chain), the last symbol read being the k-th. */
function emitHits(s: u32, k: u32, end: u32): void {
  let o = load<i32>(EMIT + ((<usize>s) << 2));
  while (o !== -1) {
    if (HITAT + 12 > HITEND) {
      FULL = true;
      return;
    }
    const p = load<i32>(OUTP + ((<usize>o) << 2));
    const len = load<u32>(PATLEN + ((<usize>p) << 2));
    store<i32>(HITAT, p);
    store<u32>(HITAT, load<u32>(RING + ((<usize>((k - len) & RMASK)) << 2)), 4);
    store<u32>(HITAT, end, 8);
    HITAT += 12;
    o = load<i32>(EMIT + ((<usize>load<u32>(FAIL + ((<usize>o) << 2))) << 2));
  }
}

/**
 * Scanner.scan of ../../automaton.ts on the valid UTF-8 line [from, to): every hit, overlapping,
 * in the same order, with offsets in UTF-16 units of the decoded line. Appends its count and hits
 * to the hit stream; when they do not fit, the stream ends before this line (FULL).
 */
function matchLine(from: usize, to: usize): void {
  if (FULL) return;
  if (HITAT + 4 > HITEND) {
    FULL = true;
    return;
  }
  const countAt = HITAT;
  HITAT += 4;
  let s: u32 = 0;
  let k: u32 = 0;
  let gapAt: i32 = -1;
  let lastDigit = false;
  let u: u32 = 0;
  let i = from;
  while (i < to) {
    const b0: u32 = load<u8>(i);
    let c: u32;
    let lo: u32 = 0;
    let pair = false;
    if (b0 < 0x80) {
      c = b0;
      i++;
    } else if (b0 < 0xe0) {
      c = ((b0 & 0x1f) << 6) | (<u32>load<u8>(i, 1) & 0x3f);
      i += 2;
    } else if (b0 < 0xf0) {
      c = ((b0 & 0x0f) << 12) | ((<u32>load<u8>(i, 1) & 0x3f) << 6) | (<u32>load<u8>(i, 2) & 0x3f);
      i += 3;
    } else {
      const cp: u32 =
        (((b0 & 0x07) << 18) |
          ((<u32>load<u8>(i, 1) & 0x3f) << 12) |
          ((<u32>load<u8>(i, 2) & 0x3f) << 6) |
          (<u32>load<u8>(i, 3) & 0x3f)) -
        0x10000;
      i += 4;
      c = 0xd800 + (cp >> 10);
      lo = cp & 0x3ff;
      pair = true;
    }
    const v = load<i32>(CLS + ((<usize>c) << 2));
    if (v < 0) {
      // noise (a dropped astral character is its high unit's noise; its low unit is always noise)
      if (gapAt < 0) gapAt = <i32>u;
      u += pair ? 2 : 1;
      continue;
    }
    const digit = (v & 1) === 1;
    if (gapAt >= 0) {
      if (lastDigit && digit) {
        store<u32>(RING + ((<usize>(k & RMASK)) << 2), <u32>gapAt);
        k++;
        s = step(s, SEPSYM);
      }
      gapAt = -1;
    }
    lastDigit = digit;
    store<u32>(RING + ((<usize>(k & RMASK)) << 2), u);
    k++;
    const x = <u32>v >>> 1;
    s = s === 0 ? rootStep(x) : step(s, x);
    u++;
    emitHits(s, k, u);
    if (pair) {
      // a kept (CJK) high surrogate: its low surrogate follows as itself
      store<u32>(RING + ((<usize>(k & RMASK)) << 2), u);
      k++;
      s = step(s, load<u32>(LOSYM + ((<usize>lo) << 2)));
      u++;
      emitHits(s, k, u);
    }
    if (FULL) {
      HITAT = countAt;
      return;
    }
  }
  store<u32>(countAt, <u32>((HITAT - countAt - 4) / 12));
}

function isTrimSpace(c: u32): bool {
  return (
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
    c === 0xfeff
  );
}

/**
 * Walks the valid UTF-8 bytes [from, to) line by line. For each line writes one u32 at out:
 * (end - from) << 2 | blank << 1 | hit, where end excludes the newline. Returns the number of lines.
 * With match tables, also writes the hits of each line with a hit (matchLine, its trailing CR left
 * out) to the hit stream [hits, hitsTo).
 */
export function lines(from: usize, to: usize, out: usize, hits: usize, hitsTo: usize): u32 {
  HITAT = hits;
  HITEND = hitsTo;
  FULL = !MATCH;
  let s: u32 = 0;
  let gap = false;
  let lastDigit = false;
  let hit: u32 = 0;
  let blank: u32 = 1;
  let n: u32 = 0;
  let start = from;
  let i = from;
  while (i < to) {
    let c: u32 = 0;
    let lo: u32 = 0;
    let pair = false;
    // the character the skip below stopped at, decoded there (not a newline)
    let got = false;
    // At the root, past the line's first character, a character that starts no pattern leaves the
    // root there whatever the noise and digit context (no pattern starts with the separator): skip
    // runs of such ASCII and 3-byte characters (most of Chinese text) with one bit each.
    if (s === 0 && blank === 0) {
      while (i + 2 < to) {
        const lead: u32 = load<u8>(i);
        let w: usize = 0;
        if (lead < 0x80) {
          if (lead === 0x0a) break;
          c = lead;
          w = 1;
        } else if (lead >= 0xe0 && lead < 0xf0) {
          c = ((lead & 0x0f) << 12) | ((<u32>load<u8>(i, 1) & 0x3f) << 6) | (<u32>load<u8>(i, 2) & 0x3f);
          w = 3;
        } else break;
        i += w;
        if ((load<u32>(SKIP + ((<usize>(c >>> 5)) << 2)) & (1 << (c & 31))) !== 0) {
          got = true;
          break;
        }
      }
      if (!got && i >= to) break;
    }
    if (!got) {
      const b0: u32 = load<u8>(i);
      if (b0 < 0x80) {
        if (b0 === 0x0a) {
          store<u32>(out + ((<usize>n) << 2), ((<u32>(i - from)) << 2) | (blank << 1) | hit);
          n++;
          i++;
          start = i;
          s = 0;
          gap = false;
          lastDigit = false;
          hit = 0;
          blank = 1;
          continue;
        }
        c = b0;
        i++;
      } else if (b0 < 0xe0) {
        c = ((b0 & 0x1f) << 6) | (<u32>load<u8>(i, 1) & 0x3f);
        i += 2;
      } else if (b0 < 0xf0) {
        c = ((b0 & 0x0f) << 12) | ((<u32>load<u8>(i, 1) & 0x3f) << 6) | (<u32>load<u8>(i, 2) & 0x3f);
        i += 3;
      } else {
        const cp: u32 =
          (((b0 & 0x07) << 18) |
            ((<u32>load<u8>(i, 1) & 0x3f) << 12) |
            ((<u32>load<u8>(i, 2) & 0x3f) << 6) |
            (<u32>load<u8>(i, 3) & 0x3f)) -
          0x10000;
        i += 4;
        c = 0xd800 + (cp >> 10);
        lo = cp & 0x3ff;
        pair = true;
      }
    }
    if (blank && !isTrimSpace(c)) blank = 0;
    const v = load<i32>(CLS + ((<usize>c) << 2));
    if (v < 0) {
      gap = true;
      continue;
    }
    const digit = (v & 1) === 1;
    if (gap) {
      if (lastDigit && digit) s = step(s, SEPSYM);
      gap = false;
    }
    lastDigit = digit;
    const x = <u32>v >>> 1;
    if (s === 0) s = rootStep(x);
    else if (s <= D1) s = d1Step(s, x);
    else s = step(s, x);
    // A kept (CJK) high surrogate: its low surrogate follows as itself.
    if (pair) s = step(s, load<u32>(LOSYM + ((<usize>lo) << 2)));
    if ((load<u32>(HASOUT + ((<usize>(s >>> 5)) << 2)) & (1 << (s & 31))) !== 0) {
      hit = 1;
      // The line is a candidate already: skip to its end.
      while (i < to && load<u8>(i) !== 0x0a) i++;
      matchLine(start, i > start && load<u8>(i - 1) === 0x0d ? i - 1 : i);
    }
  }
  if (start < to) {
    store<u32>(out + ((<usize>n) << 2), ((<u32>(to - from)) << 2) | (blank << 1) | hit);
    n++;
  }
  return n;
}
