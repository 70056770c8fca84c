import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { BeianError, type Issue } from '../errors.js';
import type { Kb } from '../kb/index.js';
import {
  CompiledLexiconError,
  compileLexicon,
  type Duplicate,
  deserializeMatcher,
  keywordWarnings,
  type LexiconEntry,
  type LexiconLibrary,
  loadLexiconFile,
  loadStarterLibraries,
  type Matcher,
  mergeLibraries,
  NAUGHTY_WORDS,
  type RowDefaults,
} from '../lexicon/index.js';

export interface LexiconSelection {
  /** library files (txt/csv/xlsx/json), `naughty-words`, or one compiled `.beianlx` file; empty = starter */
  files?: readonly string[];
  /** add the naughty-words Chinese list to the selection */
  naughtyWords?: boolean;
  /** exemption phrases */
  allow?: readonly string[];
  pinyin?: boolean;
  /** category/severity/boundary for rows that do not give one (source libraries only) */
  defaults?: RowDefaults;
}

export interface LoadedLexicon {
  libraries: string[];
  entries: LexiconEntry[];
  duplicates: Duplicate[];
  issues: Issue[];
  /** rows that load but deserve a look (one-character keywords): never stop a load */
  warnings: Issue[];
  matcher: Matcher;
}

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

/** Loads, validates and merges the selected libraries, and compiles the matcher. */
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
    return {
      libraries: files,
      entries: [...matcher.entries],
      duplicates: [],
      issues: [],
      warnings: [],
      matcher,
    };
  }
  const riskIds = new Set(kb.risks.map((r) => r.id));
  const libs: LexiconLibrary[] = files.length ? [] : await loadStarterLibraries(riskIds);
  for (const f of files) {
    if (f !== NAUGHTY_WORDS && isCompiled(f))
      throw new BeianError(
        'USAGE',
        `${f} is a compiled lexicon: pass it alone, or pass the source libraries`,
      );
    libs.push(await loadLexiconFile(f, riskIds, sel.defaults));
  }
  if (sel.naughtyWords && !files.includes(NAUGHTY_WORDS))
    libs.push(await loadLexiconFile(NAUGHTY_WORDS, riskIds));
  const merged = mergeLibraries(libs);
  if (merged.entries.length === 0)
    throw new BeianError('INPUT_INVALID', 'the selected lexicon has no usable keywords', {
      issues: merged.issues,
    });
  const matcher = compileLexicon(merged.entries, {
    ...(sel.allow ? { allow: sel.allow } : {}),
    ...(sel.pinyin ? { pinyin: true } : {}),
  });
  return {
    libraries: libs.map((l) => l.name),
    ...merged,
    warnings: keywordWarnings(merged.entries, matcher.automaton.norm),
    matcher,
  };
}
