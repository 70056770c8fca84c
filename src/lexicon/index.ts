/** Keyword engine: normalisation, Aho–Corasick matcher, libraries, coverage against the standard. */
export { type AutomatonData, buildAutomaton, createScanner, type Scanner, scanAll } from './automaton.js';
export {
  controlCharacter,
  type Duplicate,
  type LexiconLibrary,
  mergeLibraries,
  parseTxtLibrary,
  type RowDefaults,
  rowsToLibrary,
} from './library.js';
export {
  loadLexiconFile,
  loadStarterLibraries,
  NAUGHTY_WORDS,
  naughtyWords,
  STARTER_LEXICON_DIR,
} from './load.js';
export { compileLexicon, createMatcher, type Matcher, type PatternInfo, scoreRecord } from './matcher.js';
export { buildNormTable, DEFAULT_NORMALIZE, type NormalizeOptions, normalizeString } from './normalize.js';
export { jiebaSegmenter } from './segment.js';
export { CompiledLexiconError, deserializeMatcher, serializeMatcher } from './serialize.js';
export { type CoverageRequirement, type LexiconStats, lexiconStats } from './stats.js';
export * from './types.js';
export { keywordWarnings } from './warnings.js';
