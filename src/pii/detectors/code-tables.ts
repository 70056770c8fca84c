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

/**
 * Words by the code of their first (or last) character, each list longest first: one probe per
 * text position, and positions whose character starts (ends) no word stop at one byte.
 */
export class WordIndex {
  /** per code, 1 + the index of its list in `lists` (0: no word starts/ends with it) */
  private readonly ids = new Uint16Array(0x10000);
  private readonly lists: string[][] = [];
  constructor(words: readonly string[], last: boolean) {
    for (const w of [...new Set(words)].sort((a, b) => b.length - a.length)) {
      const k = w.charCodeAt(last ? w.length - 1 : 0);
      const id = this.ids[k] as number;
      if (id > 0) this.lists[id - 1]?.push(w);
      else {
        this.lists.push([w]);
        this.ids[k] = this.lists.length;
      }
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
    const list = this.get(text.charCodeAt(at));
    if (list === undefined) return false;
    for (let k = 0; k < list.length; k++) if (text.startsWith(list[k] as string, at)) return true;
    return false;
  }
}
