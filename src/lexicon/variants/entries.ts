import type { LexiconEntry } from '../types.js';
import { homophoneVariants, lookalikeVariants, splitCharVariants, type VariantFamily } from './generate.js';

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
  const taken = new Set(entries.map((e) => e.keyword));
  const out: LexiconEntry[] = [];
  for (const e of entries) {
    const n = [...e.keyword].length;
    if (e.severity < minSeverity || n < 2 || n > maxLength || e.context?.length) continue;
    for (const family of families) {
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
        out.push({
          keyword: v,
          category: e.category,
          severity: e.severity,
          ...(e.boundary ? { boundary: e.boundary } : {}),
          ...(e.source ? { source: e.source } : {}),
          note: `variant:${family} of ${e.keyword}`,
        });
      }
    }
  }
  return out;
}
