import type { LexiconEntry } from '../types.js';
import { homophoneVariants, lookalikeVariants, splitCharVariants, type VariantFamily } from './generate.js';
import { HOMOPHONES, LOOKALIKES, SPLIT_CHARS } from './tables.js';

/**
 * Families whose variants become keywords. Zero-width and symbol mixing need none: normalisation
 * removes that noise before matching (normalize.ts), so they are measured, never generated.
 */
export const MATCHED_FAMILIES: readonly VariantFamily[] = ['homophone', 'split', 'lookalike'];

/**
 * Families matched by default: those whose variants added no flag on the clean hold-out text
 * (bench/lexicon/precision.ts: split 0, look-alike 0 of 7,453 records). Homophones added 0.08% and
 * stay opt-in (`--variants homophone`): a same-sound character is often simply another word.
 */
export const DEFAULT_VARIANTS: readonly VariantFamily[] = ['split', 'lookalike'];

export interface VariantOptions {
  /** only keywords of at least this severity get variants (default 3: high) */
  minSeverity?: number;
  /** only keywords of 2..maxLength characters (default 6): longer ones are rarely disguised whole */
  maxLength?: number;
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
  const minSeverity = options.minSeverity ?? 3;
  const maxLength = options.maxLength ?? 6;
  const taken = new Set<string>();
  for (const e of entries) taken.add(e.keyword);
  const out: LexiconEntry[] = [];
  let mask = 0;
  for (const f of families) mask |= FAMILY_BIT[f] ?? 0;
  for (const e of entries) {
    if (e.severity < minSeverity || e.context?.length) continue;
    const may = mayVary(e.keyword) & mask;
    if (may === 0) continue;
    const n = codePoints(e.keyword);
    if (n < 2 || n > maxLength) continue;
    for (const family of families) {
      if ((may & (FAMILY_BIT[family] ?? 0)) === 0) continue;
      const forms =
        family === 'homophone'
          ? homophoneVariants(e.keyword)
          : family === 'lookalike'
            ? lookalikeVariants(e.keyword)
            : family === 'split'
              ? splitCharVariants(e.keyword)
              : [];
      for (const v of forms) {
        if (taken.has(v)) continue;
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
function codePoints(word: string): number {
  let n = word.length;
  for (let i = 0; i + 1 < word.length; i++)
    if ((word.charCodeAt(i) & 0xfc00) === 0xd800 && (word.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n--;
      i++;
    }
  return n;
}
