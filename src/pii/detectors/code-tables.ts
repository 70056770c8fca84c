import { codeAt } from './code-at.js';
/**
 * Lookups by UTF-16 code for the name and address detectors' hot loops, which probe them at most
 * characters of every line: one byte read answers where a `Set`/`Map` lookup hashed, and most
 * probes end on that byte. Same answers as the Set/Map they replace (a code past the end of the
 * text, NaN, is in none). Pure.
 */

/** A set of UTF-16 codes. */
export class CodeSet {
  private readonly table = new Uint8Array(0x10000);
  constructor(chars: Iterable<string>) {
    for (const ch of chars) this.table[ch.charCodeAt(0)] = 1;
  }
  has(code: number): boolean {
    // a range test first: NaN (a code past the end of a text) must not reach the typed-array load,
    // where optimised code would give up its integer index and deoptimise, again and again
    return code >= 0 && code < 0x10000 && this.table[code] === 1;
  }
}

/** The UTF-16 codes of the characters of `chars` (a code unit each; astral ones by their first). */
export const codeSet = (chars: string): CodeSet => new CodeSet(chars);

const GOLDEN = 0x9e3779b1;

/**
 * Words by the code of their first (or last) character, each list longest first, for the name and
 * address detectors, which ask it at most characters of every line. The longest-match questions
 * (longestStartingAt, longestEndingAt) read two small hash tables only: one by the exact pair of
 * edge characters (the edge and its neighbour inward), whose entry gives the words of three or
 * more that hold the pair, longest first, as UTF-16 codes compared from the third on (局长 leads
 * to 副局长 and 常务副局长, not to the other 43 titles ending in 长), and whether the pair is itself
 * a word; and one of the one-character words. A list's tables are a few kilobytes where tables by
 * code were 256 KB an index (dozens of them: their cache misses were most of a candidate's cost).
 * `get` and `has` (by code) build a table by code on first use.
 */
export class WordIndex {
  private readonly words: readonly string[];
  private readonly last: boolean;
  /** per code, 1 + the index of its list in `lists` (0: no word starts/ends with it); made by `get`/`has` */
  private ids: Uint16Array | undefined;
  private readonly lists: string[][] = [];
  /** the exact pairs: open addressing, slot k at 2k (key: edge << 16 | neighbour) and 2k + 1 (1 + its group; 0: empty) */
  private readonly pairTable: Int32Array;
  private readonly pairShift: number;
  /** the one-character words' codes: open addressing, -1 empty */
  private readonly singles: Int32Array;
  private readonly singleShift: number;
  /** per group, its entries are firstEntry[g] to firstEntry[g + 1] - 1 (words of three or more, longest first) */
  private readonly firstEntry: Int32Array;
  /** per group, 1 where the pair itself is a word */
  private readonly pairWord: Uint8Array;
  /** per entry, where its codes start in `units` and its length */
  private readonly entryAt: Int32Array;
  private readonly entryLength: Int32Array;
  /** the entries' words, code after code, in reading order */
  private readonly units: Uint16Array;
  constructor(words: readonly string[], last: boolean) {
    const sorted = [...new Set(words)].sort((a, b) => b.length - a.length);
    this.words = sorted;
    this.last = last;
    const groups = new Map<number, { word: boolean; long: string[] }>();
    const singles = new Set<number>();
    for (const w of sorted) {
      const k = w.charCodeAt(last ? w.length - 1 : 0);
      if (w.length === 1) singles.add(k);
      else if (w.length >= 2) {
        const key = (k << 16) | w.charCodeAt(last ? w.length - 2 : 1);
        let g = groups.get(key);
        if (g === undefined) {
          g = { word: false, long: [] };
          groups.set(key, g);
        }
        if (w.length === 2) g.word = true;
        else g.long.push(w);
      }
    }
    const cap = slots(groups.size);
    this.pairTable = new Int32Array(cap * 2);
    this.pairShift = 32 - Math.log2(cap);
    const sCap = slots(singles.size);
    this.singles = new Int32Array(sCap).fill(-1);
    this.singleShift = 32 - Math.log2(sCap);
    for (const c of singles) {
      let h = Math.imul(c, GOLDEN) >>> this.singleShift;
      while (this.singles[h] !== -1) h = (h + 1) & (sCap - 1);
      this.singles[h] = c;
    }
    this.firstEntry = new Int32Array(groups.size + 1);
    this.pairWord = new Uint8Array(groups.size);
    let entries = 0;
    let unitCount = 0;
    for (const g of groups.values()) {
      entries += g.long.length;
      for (const w of g.long) unitCount += w.length;
    }
    this.entryAt = new Int32Array(entries);
    this.entryLength = new Int32Array(entries);
    this.units = new Uint16Array(unitCount);
    let gi = 0;
    let e = 0;
    let u = 0;
    for (const [key, g] of groups) {
      let h = Math.imul(key, GOLDEN) >>> this.pairShift;
      while (this.pairTable[2 * h + 1] !== 0) h = (h + 1) & (cap - 1);
      this.pairTable[2 * h] = key;
      this.pairTable[2 * h + 1] = gi + 1;
      this.pairWord[gi] = g.word ? 1 : 0;
      this.firstEntry[gi] = e;
      for (const w of g.long) {
        this.entryAt[e] = u;
        this.entryLength[e] = w.length;
        for (let k = 0; k < w.length; k++) this.units[u++] = w.charCodeAt(k);
        e++;
      }
      gi++;
    }
    this.firstEntry[gi] = e;
  }
  private byCode(): Uint16Array {
    if (this.ids === undefined) {
      const ids = new Uint16Array(0x10000);
      for (const w of this.words) {
        const k = w.charCodeAt(this.last ? w.length - 1 : 0);
        const id = ids[k] as number;
        if (id > 0) this.lists[id - 1]?.push(w);
        else {
          this.lists.push([w]);
          ids[k] = this.lists.length;
        }
      }
      this.ids = ids;
    }
    return this.ids;
  }
  has(code: number): boolean {
    return code >= 0 && code < 0x10000 && (this.byCode()[code] as number) > 0;
  }
  get(code: number): string[] | undefined {
    if (!(code >= 0 && code < 0x10000)) return undefined;
    const id = this.byCode()[code] as number;
    return id > 0 ? this.lists[id - 1] : undefined;
  }
  /** some word of the index starts at `at` in `text` (for an index by first character) */
  startsAt(text: string, at: number): boolean {
    return this.longestStartingAt(text, at) > 0;
  }
  /** the group of the pair (edge code a, its neighbour b), or -1 */
  private group(a: number, b: number): number {
    const key = (a << 16) | b;
    const t = this.pairTable;
    const mask = (t.length >> 1) - 1;
    for (let h = Math.imul(key, GOLDEN) >>> this.pairShift; ; h = (h + 1) & mask) {
      const g = t[2 * h + 1] as number;
      if (g === 0) return -1;
      if (t[2 * h] === key) return g - 1;
    }
  }
  /** `a` is a one-character word of the index */
  private single(a: number): boolean {
    const t = this.singles;
    const mask = t.length - 1;
    for (let h = Math.imul(a, GOLDEN) >>> this.singleShift; ; h = (h + 1) & mask) {
      const c = t[h] as number;
      if (c === a) return true;
      if (c === -1) return false;
    }
  }
  /** the length of the longest word starting at `at` (for an index by first character; 0: none) */
  longestStartingAt(text: string, at: number): number {
    const a = codeAt(text, at);
    const g = this.group(a, codeAt(text, at + 1));
    if (g >= 0) {
      const to = this.firstEntry[g + 1] as number;
      for (let k = this.firstEntry[g] as number; k < to; k++) {
        const n = this.entryLength[k] as number;
        if (at + n > text.length) continue;
        const from = this.entryAt[k] as number;
        let j = 2;
        while (j < n && text.charCodeAt(at + j) === this.units[from + j]) j++;
        if (j === n) return n;
      }
      if (this.pairWord[g] === 1) return 2;
    }
    return this.single(a) ? 1 : 0;
  }
  /** the length of the longest word ending right before `end` (for an index by last character; 0: none) */
  longestEndingAt(text: string, end: number): number {
    if (end <= 0) return 0;
    const a = codeAt(text, end - 1);
    const g = this.group(a, codeAt(text, end - 2));
    if (g >= 0) {
      const to = this.firstEntry[g + 1] as number;
      for (let k = this.firstEntry[g] as number; k < to; k++) {
        const n = this.entryLength[k] as number;
        const s = end - n;
        if (s < 0) continue;
        const from = this.entryAt[k] as number;
        let j = 0;
        while (j < n - 2 && text.charCodeAt(s + j) === this.units[from + j]) j++;
        if (j === n - 2) return n;
      }
      if (this.pairWord[g] === 1) return 2;
    }
    return this.single(a) ? 1 : 0;
  }
}

/** hash-table slots for n keys: a power of two, at most half full (at least 2) */
const slots = (n: number): number => {
  let cap = 2;
  while (cap < n * 2) cap *= 2;
  return cap;
};

/** A cue list, indexed, and its bit in a table by the character its words start or end with. */
export interface Cue {
  readonly index: WordIndex;
  readonly bit: number;
}

/**
 * Hands out one bit per cue list, from `firstBit` up, and sets it in `edges` on the characters the
 * list's words end with (`last`) or start with: one read of that table rules out every list with no
 * word there, where asking each index reads its own table of 0x10000 entries (same answers).
 */
export function cueLists(
  edges: Uint16Array | Uint32Array,
  firstBit: number,
): (words: readonly string[], last: boolean) => Cue {
  let nextBit = firstBit;
  return (words, last) => {
    const bit = nextBit;
    nextBit *= 2;
    for (const w of words)
      if (w.length > 0) {
        const c = w.charCodeAt(last ? w.length - 1 : 0);
        edges[c] = (edges[c] ?? 0) | bit;
      }
    return { index: new WordIndex(words, last), bit };
  };
}
