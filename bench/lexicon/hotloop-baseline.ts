/**
 * Frozen copy of the byte walk of createScanner (src/lexicon/automaton.ts) as it was before the
 * hot-loop work of issue #13, so that bench/lexicon/hotloop.ts can run old and new side by side.
 */
import { type AutomatonData, type Scanner, scanTables } from '../../src/lexicon/automaton.js';
import { SEP } from '../../src/lexicon/normalize.js';

const isTrimSpace = (c: number): boolean =>
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

export function baselineLines(a: AutomatonData): Scanner['lines'] {
  const { sym, root, hState, hSym, hNext, fail, emit } = a;
  const mask = hState.length - 1;
  const { cls, filter } = a.cls && a.filter ? { cls: a.cls, filter: a.filter } : scanTables(a);
  const fmask = filter.length * 32 - 1;
  // "some pattern ends here" as a bitset: read for every character, it stays in L1 where emit[]
  // (4 bytes a state) would be a cache miss.
  const hasOut = new Int32Array((emit.length >>> 5) + 1);
  for (let st = 0; st < emit.length; st++)
    if ((emit[st] as number) !== -1) hasOut[st >>> 5] = (hasOut[st >>> 5] as number) | (1 << (st & 31));
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
  return (bytes, from, to, onLine) => {
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
          ((b0 & 0x0f) << 12) | (((bytes[i + 1] as number) & 0x3f) << 6) | ((bytes[i + 2] as number) & 0x3f);
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
      s = s === 0 ? (root[x] as number) : step(s, x);
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
  };
}
