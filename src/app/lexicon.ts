import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { BeianError, type Issue } from '../errors.js';
import type { Kb } from '../kb/index.js';
import {
  CompiledLexiconError,
  compileLexicon,
  DEFAULT_VARIANTS,
  type Duplicate,
  deserializeMatcher,
  keywordWarnings,
  type LexiconEntry,
  type LexiconLibrary,
  type LibraryRules,
  libraryVersion,
  loadDefaultLibraries,
  loadLexiconFile,
  loadLibraryRules,
  type Matcher,
  mergeLibraries,
  NAUGHTY_WORDS,
  type RowDefaults,
  type VariantFamily,
  variantEntries,
} from '../lexicon/index.js';

export interface LexiconSelection {
  /**
   * library files (txt/csv/xlsx/json), folders (konsheng one-word-a-line layout, houbb dict + tags),
   * `naughty-words`, or one compiled `.beianlx` file; empty = the shipped default library
   */
  files?: readonly string[];
  /** load the starter library too when files are given (the guard: default + the project's own) */
  starter?: boolean;
  /** add the naughty-words Chinese list to the selection */
  naughtyWords?: boolean;
  /** exemption phrases */
  allow?: readonly string[];
  pinyin?: boolean;
  /** category/severity/boundary for rows that do not give one (source libraries only) */
  defaults?: RowDefaults;
  /** a category map for folder layouts (else the folder's categories.yaml, else a shipped map) */
  categoryMap?: string;
  /** evasion-variant families matched for high-severity keywords (default DEFAULT_VARIANTS; [] = none) */
  variants?: readonly VariantFamily[];
}

export interface LoadedLexicon {
  libraries: string[];
  entries: LexiconEntry[];
  duplicates: Duplicate[];
  issues: Issue[];
  /** rows that load but deserve a look (one-character keywords): never stop a load */
  warnings: Issue[];
  matcher: Matcher;
  /** content hash of the merged entries (lexicon/version.ts) */
  version: string;
  /** library-layer rules (reporting cues), applied wherever matches are counted */
  rules: LibraryRules;
}

/** Notes of generated variant entries start so (lexicon/variants/entries.ts). */
const VARIANT_NOTE = 'variant:';

/** Reads only the magic (a compiled library can be tens of MB). */
const isCompiled = (file: string): boolean => {
  try {
    const fd = openSync(file, 'r');
    try {
      const head = Buffer.alloc(8);
      readSync(fd, head, 0, 8, 0);
      return /^BEIANLX\d$/.test(head.toString('latin1'));
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
};

/** Loads, validates and merges the selected libraries (the one loading path), and compiles the matcher. */
export async function loadLexicon(kb: Kb, sel: LexiconSelection = {}): Promise<LoadedLexicon> {
  const files = [...(sel.files ?? [])];
  if (files.length === 1 && files[0] !== NAUGHTY_WORDS && isCompiled(files[0] as string)) {
    const file = files[0] as string;
    let matcher: Matcher;
    try {
      matcher = deserializeMatcher(readFileSync(file));
    } catch (e) {
      if (!(e instanceof CompiledLexiconError)) throw e;
      throw BeianError.of('INPUT_INVALID', 'lexicon.compiledInvalid', { file, reason: e.message });
    }
    const entries = matcher.entries.filter((e) => !e.note?.startsWith(VARIANT_NOTE));
    return {
      libraries: files,
      entries,
      duplicates: [],
      issues: [],
      warnings: [],
      matcher,
      version: libraryVersion(entries),
      rules: loadLibraryRules(),
    };
  }
  const riskIds = new Set(kb.risks.map((r) => r.id));
  const libs: LexiconLibrary[] = files.length && !sel.starter ? [] : await loadDefaultLibraries(riskIds);
  for (const f of files) {
    if (f !== NAUGHTY_WORDS && isCompiled(f))
      throw BeianError.of('USAGE', 'lexicon.compiledMixed', { file: f });
    libs.push(
      await loadLexiconFile(
        f,
        riskIds,
        sel.defaults,
        sel.categoryMap ? { categoryMap: sel.categoryMap } : {},
      ),
    );
  }
  if (sel.naughtyWords && !files.includes(NAUGHTY_WORDS))
    libs.push(await loadLexiconFile(NAUGHTY_WORDS, riskIds));
  const merged = mergeLibraries(libs);
  if (merged.entries.length === 0)
    throw BeianError.of('INPUT_INVALID', 'lexicon.empty', undefined, {
      issues: merged.issues,
    });
  const allow = [...(sel.allow ?? []), ...libs.flatMap((l) => l.allow ?? [])];
  // Variants are matched, not listed: they stay out of entries, stats, diff and the version id.
  const variants = variantEntries(merged.entries, sel.variants ?? DEFAULT_VARIANTS);
  const matcher = compileLexicon([...merged.entries, ...variants], {
    ...(allow.length ? { allow } : {}),
    ...(sel.pinyin ? { pinyin: true } : {}),
  });
  return {
    libraries: libs.map((l) => l.name),
    ...merged,
    warnings: keywordWarnings(merged.entries, matcher.automaton.norm),
    matcher,
    version: libraryVersion(merged.entries),
    rules: loadLibraryRules(),
  };
}
