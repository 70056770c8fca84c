import { readFileSync } from 'node:fs';
import { BeianError, type Issue } from '../errors.js';
import type { Kb } from '../kb/index.js';
import {
  compileLexicon,
  type Duplicate,
  deserializeMatcher,
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
  /** load the starter library too when files are given (the guard: default + the project's own) */
  starter?: boolean;
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
  matcher: Matcher;
}

const isCompiled = (file: string): boolean => {
  try {
    const head = readFileSync(file).subarray(0, 8);
    return head.toString('latin1') === 'BEIANLX1';
  } catch {
    return false;
  }
};

/** Loads, validates and merges the selected libraries, and compiles the matcher. */
export async function loadLexicon(kb: Kb, sel: LexiconSelection = {}): Promise<LoadedLexicon> {
  const files = [...(sel.files ?? [])];
  if (files.length === 1 && files[0] !== NAUGHTY_WORDS && isCompiled(files[0] as string)) {
    const matcher = deserializeMatcher(readFileSync(files[0] as string));
    return { libraries: files, entries: [...matcher.entries], duplicates: [], issues: [], matcher };
  }
  const riskIds = new Set(kb.risks.map((r) => r.id));
  const libs: LexiconLibrary[] = files.length && !sel.starter ? [] : await loadStarterLibraries(riskIds);
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
  return { libraries: libs.map((l) => l.name), ...merged, matcher };
}
