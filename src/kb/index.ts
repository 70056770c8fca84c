export { formatCitation } from './cite.js';
export { KB_ITEM_KINDS, type KbItem, type KbItemKind, kbItems, searchKb } from './items.js';
export { buildKb, filingKind, type Kb, type KbSources, meets, regulation, threshold } from './kb.js';
export { canonicalFilingId, canonicalKindId, LEGACY_KIND_IDS } from './kinds.js';
export { DEFAULT_KB_DIR, DEFAULT_KB_SNAPSHOT, kbSnapshot, type LoadKbOptions, loadKb } from './load.js';
export * from './schema.js';
