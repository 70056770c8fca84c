import { normalizeString } from '../normalize.js';
import type { LexiconEntry } from '../types.js';
import { homophoneVariants, lookalikeVariants, splitCharVariants, type VariantFamily } from './generate.js';
import { HOMOPHONES, LOOKALIKES, SPLIT_CHARS } from './tables.js';

export { DEFAULT_VARIANTS, MATCHED_FAMILIES } from './families.js';

export interface VariantOptions {
  /** only keywords of at least this severity get variants (default 3: high) */
  minSeverity?: number;
  /** only keywords of 2..maxLength characters (default 6): longer ones are rarely disguised whole */
  maxLength?: number;
  /**
   * The entries' normalised keywords and their index (mergeLibraries' keys and keyIndex, made with
   * `table`): a form is then known to be an entry's keyword by its normal form, without a set of
   * every keyword (50k strings hashed at every compile).
   */
  keys?: { keyIndex: ReadonlyMap<string, number>; table: Uint16Array };
}

const FAMILY_BIT: Partial<Record<VariantFamily, number>> = { homophone: 1, split: 2, lookalike: 4 };
let keyBits: Uint8Array | undefined;
/**
 * By code unit, the families with a substitution for it (bit per FAMILY_BIT). Look-alikes are
 * looked up lower-cased, so ASCII capitals take their small letter's bit; other cased letters are
 * never skipped (see mayVary). Keys are single BMP units (checked: a longer one disables the skip).
 */
function familyKeys(): Uint8Array | undefined {
  if (keyBits) return keyBits;
  const bits = new Uint8Array(65536);
  const tables: Array<[Readonly<Record<string, unknown>>, number]> = [
    [HOMOPHONES, 1],
    [SPLIT_CHARS, 2],
    [LOOKALIKES, 4],
  ];
  for (const [table, bit] of tables)
    for (const k of Object.keys(table)) {
      if (k.length !== 1 || (k.charCodeAt(0) & 0xf800) === 0xd800) return undefined;
      const c = k.charCodeAt(0);
      bits[c] = (bits[c] as number) | bit;
      if (bit === 4 && c >= 0x61 && c <= 0x7a) bits[c - 0x20] = (bits[c - 0x20] as number) | bit;
    }
  keyBits = bits;
  return bits;
}

/**
 * The families that may have a form of `word` (FAMILY_BIT bits): none for most keywords, whose
 * generators then need not run. Units outside ASCII and the caseless CJK blocks (U+2E80–U+A4CF)
 * say every family: their lower case is not checked here.
 */
function mayVary(word: string): number {
  const bits = familyKeys();
  if (!bits) return 0xff;
  let out = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    out |= bits[c] as number;
    if (c >= 0x80 && (c < 0x2e80 || c > 0xa4cf)) return 0xff;
  }
  return out;
}

/** mayVary of the keyword held as units[from, to) (a plain list compiled into columns: no string). */
export function mayVaryUnits(units: Uint16Array, from: number, to: number): number {
  const bits = familyKeys();
  if (!bits) return 0xff;
  let out = 0;
  for (let i = from; i < to; i++) {
    const c = units[i] as number;
    out |= bits[c] as number;
    if (c >= 0x80 && (c < 0x2e80 || c > 0xa4cf)) return 0xff;
  }
  return out;
}

/** The FAMILY_BIT bits of these families. */
export function familyMask(families: readonly VariantFamily[]): number {
  let mask = 0;
  for (const f of families) mask |= FAMILY_BIT[f] ?? 0;
  return mask;
}

/** The FAMILY_BIT bit of one family (0: not generated from the tables). */
export const familyBit = (f: VariantFamily): number => FAMILY_BIT[f] ?? 0;

/** Defaults of VariantOptions: keywords of this severity and up, of 2..this many characters. */
export const VARIANT_MIN_SEVERITY = 3;
export const VARIANT_MAX_LENGTH = 6;

/** The forms of `word` one family generates, in the order variantEntries takes them. */
export function familyForms(family: VariantFamily, word: string): string[] {
  return family === 'homophone'
    ? homophoneVariants(word)
    : family === 'lookalike'
      ? lookalikeVariants(word)
      : family === 'split'
        ? splitCharVariants(word)
        : [];
}

/**
 * Library entries for the evasion variants of the high-severity keywords, one per distinct
 * variant, same category and severity as the keyword, with a note naming the family and the
 * original. A variant equal to an existing keyword is skipped (the keyword itself wins).
 */
export function variantEntries(
  entries: readonly LexiconEntry[],
  families: readonly VariantFamily[],
  options: VariantOptions = {},
): LexiconEntry[] {
  const minSeverity = options.minSeverity ?? VARIANT_MIN_SEVERITY;
  const maxLength = options.maxLength ?? VARIANT_MAX_LENGTH;
  const keys = options.keys;
  const taken = new Set<string>();
  if (!keys) for (const e of entries) taken.add(e.keyword);
  const isKeyword = (v: string): boolean => {
    if (!keys) return false; // in taken
    const at = keys.keyIndex.get(normalizeString(v, keys.table));
    return at !== undefined && entries[at]?.keyword === v;
  };
  const out: LexiconEntry[] = [];
  const mask = familyMask(families);
  for (const e of entries) {
    if (e.severity < minSeverity || e.context?.length) continue;
    const may = mayVary(e.keyword) & mask;
    if (may === 0) continue;
    const n = codePoints(e.keyword);
    if (n < 2 || n > maxLength) continue;
    for (const family of families) {
      if ((may & (FAMILY_BIT[family] ?? 0)) === 0) continue;
      for (const v of familyForms(family, e.keyword)) {
        if (taken.has(v) || isKeyword(v)) continue;
        taken.add(v);
        // fields set one by one in the order the entry always had (no object spreads per variant)
        const entry: LexiconEntry = { keyword: v, category: e.category, severity: e.severity };
        if (e.boundary) entry.boundary = e.boundary;
        if (e.source) entry.source = e.source;
        entry.note = `variant:${family} of ${e.keyword}`;
        out.push(entry);
      }
    }
  }
  return out;
}

/** [...word].length without the array: a surrogate pair is one code point, a lone surrogate one too. */
export function codePoints(word: string): number {
  let n = word.length;
  for (let i = 0; i + 1 < word.length; i++)
    if ((word.charCodeAt(i) & 0xfc00) === 0xd800 && (word.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n--;
      i++;
    }
  return n;
}
