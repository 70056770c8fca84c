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
 * cue words, and nearly every probe at them fails on the second character): the word list is
 * compared only where that pair may occur.
 */
export class WordIndex {
  /** per code, 1 + the index of its list in `lists` (0: no word starts/ends with it) */
  private readonly ids = new Uint16Array(0x10000);
  private readonly lists: string[][] = [];
  /** per code, 1 where that one character is a word of the index */
  private readonly single = new Uint8Array(0x10000);
  /** 1 at pairSlot(edge character, its neighbour) of every word of two or more (collisions only cost a compare) */
  private readonly pairs = new Uint8Array(0x10000);
  constructor(words: readonly string[], last: boolean) {
    for (const w of [...new Set(words)].sort((a, b) => b.length - a.length)) {
      const k = w.charCodeAt(last ? w.length - 1 : 0);
      const id = this.ids[k] as number;
      if (id > 0) this.lists[id - 1]?.push(w);
      else {
        this.lists.push([w]);
        this.ids[k] = this.lists.length;
      }
      if (w.length === 1) this.single[k] = 1;
      else if (w.length >= 2) this.pairs[pairSlot(k, w.charCodeAt(last ? w.length - 2 : 1))] = 1;
    }
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
  /** the length of the longest word starting at `at` (for an index by first character; 0: none) */
  longestStartingAt(text: string, at: number): number {
    const a = codeAt(text, at);
    const id = this.ids[a] as number;
    if (id === 0) return 0;
    if (this.pairs[pairSlot(a, codeAt(text, at + 1))] === 1) {
      const list = this.lists[id - 1] as string[];
      for (let k = 0; k < list.length; k++) {
        const w = list[k] as string;
        if (text.startsWith(w, at)) return w.length;
      }
      return 0;
    }
    return this.single[a] === 1 ? 1 : 0;
  }
  /** the length of the longest word ending right before `end` (for an index by last character; 0: none) */
  longestEndingAt(text: string, end: number): number {
    if (end <= 0) return 0;
    const a = codeAt(text, end - 1);
    const id = this.ids[a] as number;
    if (id === 0) return 0;
    if (this.pairs[pairSlot(a, codeAt(text, end - 2))] === 1) {
      const list = this.lists[id - 1] as string[];
      for (let k = 0; k < list.length; k++) {
        const w = list[k] as string;
        if (end >= w.length && text.startsWith(w, end - w.length)) return w.length;
      }
      return 0;
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
