/** Keyword engine: normalisation, Aho–Corasick matcher, libraries, coverage against the standard. */
export { type AutomatonData, buildAutomaton, createScanner, type Scanner, scanAll } from './automaton.js';
export {
  categoryMapSchema,
  detectLayout,
  type Layout,
  type LayoutOptions,
  LEXICON_MAPS_DIR,
  loadFolder,
  loadHoubb,
  readCategoryMap,
} from './layouts.js';
export {
  controlCharacter,
  type Duplicate,
  type LexiconLibrary,
  mergeLibraries,
  parseTxtLibrary,
  type RowDefaults,
  rowsToLibrary,
  UNCLASSIFIED,
} from './library.js';
export {
  DEFAULT_LEXICON_DIR,
  LIBRARY_RULES_FILE,
  loadDefaultLibraries,
  loadLexiconFile,
  loadLibraryRules,
  loadStarterLibraries,
  NAUGHTY_WORDS,
  naughtyWords,
  STARTER_LEXICON_DIR,
} from './load.js';
export { compileLexicon, createMatcher, type Matcher, type PatternInfo } from './matcher.js';
export { buildNormTable, DEFAULT_NORMALIZE, type NormalizeOptions, normalizeString } from './normalize.js';
export { type CountedMatches, countedMatcher, type LibraryRules } from './rules.js';
export { DEFAULT_SCORE_WINDOW, type ScoreOptions, scoreRecord } from './score.js';
export { jiebaSegmenter } from './segment.js';
export { CompiledLexiconError, deserializeMatcher, serializeMatcher } from './serialize.js';
export { type CoverageRequirement, type LexiconStats, lexiconStats } from './stats.js';
export * from './types.js';
export * as variants from './variants/index.js';
export { DEFAULT_VARIANTS, type VariantFamily, variantEntries } from './variants/index.js';
export { diffLibraries, type EntryChange, type LibraryDiff, libraryVersion } from './version.js';
export { keywordWarnings } from './warnings.js';
