/** Evasion variants (谐音, 拆字, 火星文/look-alikes, zero-width and symbol mixing): pure generators. */
export { DEFAULT_VARIANTS, MATCHED_FAMILIES, type VariantOptions, variantEntries } from './entries.js';
export {
  disguiseWith,
  homophoneVariants,
  lookalikeVariants,
  splitCharVariant,
  splitCharVariants,
  symbolMixVariant,
  VARIANT_FAMILIES,
  type VariantFamily,
  zeroWidthVariant,
} from './generate.js';
