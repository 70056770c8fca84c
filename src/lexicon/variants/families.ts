import type { VariantFamily } from './generate.js';

// Apart from entries.ts: a compiled library's load names the default families (its sources' hash)
// without loading the substitution tables (~25 ms of start-up).

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
