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

/** the pair filter's bit for a character and its neighbour inward (a cheap hash, 2^16 slots) */
const pairSlot = (a: number, b: number): number => (Math.imul(a, 0x9e37) + b) & 0xffff;

/**
 * Words by the code of their first (or last) character, each list longest first: one probe per
 * text position, and positions whose character starts (ends) no word stop at one byte. The
 * longest-match questions (longestStartingAt, longestEndingAt) read one byte more first, a filter
 * of the pairs of edge characters the words of two or more hold (长 ends 45 titles, 的 starts 85
 * cue words, and nearly every probe at them fails on the second character); where that pair may
 * occur, a hash table by the exact pair gives the words of three or more that hold it, longest
 * first, as UTF-16 codes compared from the third on (局长 leads to 副局长 and 常务副局长, not to
 * the other 43 titles ending in 长), and whether the pair is itself a word.
 */
export class WordIndex {
  /** per code, 1 + the index of its list in `lists` (0: no word starts/ends with it) */
  private readonly ids = new Uint16Array(0x10000);
  private readonly lists: string[][] = [];
  /** per code, 1 where that one character is a word of the index */
  private readonly single = new Uint8Array(0x10000);
  /** 1 at pairSlot(edge character, its neighbour) of every word of two or more (collisions only cost a compare) */
  private readonly pairs = new Uint8Array(0x10000);
  /** the exact pairs: open addressing, key (edge << 16 | neighbour), value 1 + its group (0: empty) */
  private readonly pairKeys: Int32Array;
  private readonly pairGroups: Int32Array;
  private readonly pairShift: number;
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
    const groups = new Map<number, { word: boolean; long: string[] }>();
    for (const w of sorted) {
      const k = w.charCodeAt(last ? w.length - 1 : 0);
      const id = this.ids[k] as number;
      if (id > 0) this.lists[id - 1]?.push(w);
      else {
        this.lists.push([w]);
        this.ids[k] = this.lists.length;
      }
      if (w.length === 1) this.single[k] = 1;
      else if (w.length >= 2) {
        const n = w.charCodeAt(last ? w.length - 2 : 1);
        this.pairs[pairSlot(k, n)] = 1;
        const key = (k << 16) | n;
        let g = groups.get(key);
        if (g === undefined) {
          g = { word: false, long: [] };
          groups.set(key, g);
        }
        if (w.length === 2) g.word = true;
        else g.long.push(w);
      }
    }
    let cap = 2;
    while (cap < groups.size * 2) cap *= 2;
    this.pairKeys = new Int32Array(cap);
    this.pairGroups = new Int32Array(cap);
    this.pairShift = 32 - Math.log2(cap);
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
      let h = Math.imul(key, 0x9e3779b1) >>> this.pairShift;
      while (this.pairGroups[h] !== 0) h = (h + 1) & (cap - 1);
      this.pairKeys[h] = key;
      this.pairGroups[h] = gi + 1;
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
  has(code: number): boolean {
    return code >= 0 && code < 0x10000 && (this.ids[code] as number) > 0;
  }
  get(code: number): string[] | undefined {
    if (!(code >= 0 && code < 0x10000)) return undefined;
    const id = this.ids[code] as number;
    return id > 0 ? this.lists[id - 1] : undefined;
  }
  /** some word of the index starts at `at` in `text` (for an index by first character) */
  startsAt(text: string, at: number): boolean {
    return this.longestStartingAt(text, at) > 0;
  }
  /** the group of the pair (edge code a, its neighbour b), or -1 */
  private group(a: number, b: number): number {
    const key = (a << 16) | b;
    const keys = this.pairKeys;
    const mask = keys.length - 1;
    for (let h = Math.imul(key, 0x9e3779b1) >>> this.pairShift; ; h = (h + 1) & mask) {
      const g = this.pairGroups[h] as number;
      if (g === 0) return -1;
      if (keys[h] === key) return g - 1;
    }
  }
  /** the length of the longest word starting at `at` (for an index by first character; 0: none) */
  longestStartingAt(text: string, at: number): number {
    const a = codeAt(text, at);
    if ((this.ids[a] as number) === 0) return 0;
    const b = codeAt(text, at + 1);
    if (this.pairs[pairSlot(a, b)] === 1) {
      const g = this.group(a, b);
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
    }
    return this.single[a] === 1 ? 1 : 0;
  }
  /** the length of the longest word ending right before `end` (for an index by last character; 0: none) */
  longestEndingAt(text: string, end: number): number {
    if (end <= 0) return 0;
    const a = codeAt(text, end - 1);
    if ((this.ids[a] as number) === 0) return 0;
    const b = codeAt(text, end - 2);
    if (this.pairs[pairSlot(a, b)] === 1) {
      const g = this.group(a, b);
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
    }
    return this.single[a] === 1 ? 1 : 0;
  }
}

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
