import { createHash } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BeianError, type Issue } from '../errors.js';
import type { Kb } from '../kb/index.js';
// The modules themselves, not the lexicon barrel: a compiled library's load needs none of the
// source path's (variant tables, stats), which is imported when a list is compiled.
import type { Duplicate, LexiconLibrary, RowDefaults } from '../lexicon/library.js';
import {
  DEFAULT_LEXICON_DIR,
  loadDefaultLibraries,
  loadLexiconFile,
  loadLibraryRules,
  NAUGHTY_WORDS,
} from '../lexicon/load.js';
import type { Matcher } from '../lexicon/matcher.js';
import type { LibraryRules } from '../lexicon/rules.js';
import { CompiledLexiconError, deserializeMatcher, serializeMatcher } from '../lexicon/serialize.js';
import type { LexiconEntry } from '../lexicon/types.js';
import { DEFAULT_VARIANTS } from '../lexicon/variants/families.js';
import type { VariantFamily } from '../lexicon/variants/generate.js';
import { libraryVersion } from '../lexicon/version.js';
import { wasmAutomatonBuilder, wasmUnitsBuilder } from '../lexicon/wasm/build.js';

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
  /** entries.length, known without making the entries of a compiled library (a scan reports only it) */
  keywords: number;
  /** content hash of the merged entries (lexicon/version.ts) */
  version: string;
  /** library-layer rules (reporting cues), applied wherever matches are counted */
  rules: LibraryRules;
  /** the serialised matcher when it was loaded from one (workers get these bytes as they are) */
  compiled?: Uint8Array;
}

/**
 * The default library compiled by the build (`scripts/compile-data.mjs`): dist/lexicon/
 * default.beianlx plus a sidecar with the content hash of its sources and what the source load
 * reports. Under tsx (src/) there is none and the CSVs are loaded and compiled (~1.5 CPU-s).
 */
export const DEFAULT_LEXICON_COMPILED = fileURLToPath(new URL('../lexicon/default.beianlx', import.meta.url));
const SIDE_FORMAT = 'beian-default-lexicon/1';

interface DefaultSidecar {
  format: string;
  hash: string;
  libraries: string[];
  duplicates: Duplicate[];
  issues: Issue[];
  warnings: Issue[];
  version: string;
  /** keywords listed (entries without the matched-only variants); absent in older sidecars */
  keywords?: number;
  /** DEFAULT_LEXICON_DIR at build time: origins and issues name files under it */
  dir: string;
}

/**
 * A compiled library's bytes, read straight into a SharedArrayBuffer: a scan's worker threads read
 * them there, with no copy of the (tens of MB) file in between.
 */
function readShared(file: string): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const out = new Uint8Array(new SharedArrayBuffer(fstatSync(fd).size));
    let at = 0;
    while (at < out.length) {
      const n = readSync(fd, out, at, out.length - at, at);
      if (n === 0) return out.subarray(0, at);
      at += n;
    }
    return out;
  } finally {
    closeSync(fd);
  }
}

/** Everything the default selection's result depends on besides the code: its files and the KB's risks. */
function defaultSourcesHash(riskIds: ReadonlySet<string>, dir = DEFAULT_LEXICON_DIR): string {
  const h = createHash('sha256').update(SIDE_FORMAT);
  h.update(`\0risks\0${[...riskIds].sort().join(',')}\0variants\0${DEFAULT_VARIANTS.join(',')}`);
  for (const f of readdirSync(dir).sort()) h.update(`\0${f}\0`).update(readFileSync(join(dir, f)));
  return h.digest('hex');
}

const isDefaultSelection = (sel: LexiconSelection): boolean =>
  !sel.files?.length &&
  !sel.naughtyWords &&
  !sel.allow?.length &&
  !sel.pinyin &&
  sel.variants === undefined &&
  sel.categoryMap === undefined &&
  (sel.defaults === undefined || Object.keys(sel.defaults).length === 0);

/** The build's compiled default library when its sources are unchanged, else undefined. */
function compiledDefault(riskIds: ReadonlySet<string>, file: string): LoadedLexicon | undefined {
  let side: Partial<DefaultSidecar>;
  let bytes: Uint8Array;
  try {
    const text = readFileSync(`${file}.json`, 'utf8');
    side = JSON.parse(text) as Partial<DefaultSidecar>;
    // the package may have been built in another folder than the one it runs from
    if (side.dir && side.dir !== DEFAULT_LEXICON_DIR)
      side = JSON.parse(
        text
          .split(JSON.stringify(side.dir).slice(1, -1))
          .join(JSON.stringify(DEFAULT_LEXICON_DIR).slice(1, -1)),
      ) as Partial<DefaultSidecar>;
    if (side.format !== SIDE_FORMAT || side.hash !== defaultSourcesHash(riskIds)) return undefined;
    bytes = readShared(file);
  } catch {
    return undefined;
  }
  let matcher: Matcher;
  try {
    matcher = deserializeMatcher(bytes);
  } catch {
    return undefined;
  }
  const built = side.dir;
  if (built && built !== DEFAULT_LEXICON_DIR)
    for (const e of matcher.entries)
      if (e.origin?.startsWith(built)) e.origin = DEFAULT_LEXICON_DIR + e.origin.slice(built.length);
  // The listed entries are made when first asked for (a scan needs only their number).
  let listed: LexiconEntry[] | undefined;
  const entries = (): LexiconEntry[] => {
    listed ??= matcher.entries.filter((e) => !e.note?.startsWith(VARIANT_NOTE));
    return listed;
  };
  return {
    libraries: side.libraries ?? [],
    get entries() {
      return entries();
    },
    keywords: side.keywords ?? entries().length,
    duplicates: side.duplicates ?? [],
    issues: side.issues ?? [],
    warnings: side.warnings ?? [],
    matcher,
    version: side.version ?? '',
    rules: loadLibraryRules(),
    compiled: bytes,
  };
}

/** Build step: compiles the default library from source and writes it with its sidecar. */
export async function writeCompiledDefault(kb: Kb, file: string = DEFAULT_LEXICON_COMPILED): Promise<void> {
  const riskIds = new Set(kb.risks.map((r) => r.id));
  const lex = await loadLexicon(kb, {}, { compiledDefault: false });
  const side: DefaultSidecar = {
    format: SIDE_FORMAT,
    hash: defaultSourcesHash(riskIds),
    libraries: lex.libraries,
    duplicates: lex.duplicates,
    issues: lex.issues,
    warnings: lex.warnings,
    version: lex.version,
    keywords: lex.keywords,
    dir: DEFAULT_LEXICON_DIR,
  };
  for (const [target, data] of [
    [file, serializeMatcher(lex.matcher)],
    [`${file}.json`, JSON.stringify(side)],
  ] as const) {
    writeFileSync(`${target}.${process.pid}.tmp`, data);
    renameSync(`${target}.${process.pid}.tmp`, target);
  }
}

export interface LoadLexiconOptions {
  /** the build's compiled default library to use for the default selection (`false`: compile from source) */
  compiledDefault?: string | false;
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
export async function loadLexicon(
  kb: Kb,
  sel: LexiconSelection = {},
  options: LoadLexiconOptions = {},
): Promise<LoadedLexicon> {
  const files = [...(sel.files ?? [])];
  const compiledFile = options.compiledDefault ?? DEFAULT_LEXICON_COMPILED;
  if (compiledFile !== false && isDefaultSelection(sel)) {
    const lex = compiledDefault(new Set(kb.risks.map((r) => r.id)), compiledFile);
    if (lex) return lex;
  }
  if (files.length === 1 && files[0] !== NAUGHTY_WORDS && isCompiled(files[0] as string)) {
    const file = files[0] as string;
    let matcher: Matcher;
    const bytes = readShared(file);
    try {
      matcher = deserializeMatcher(bytes);
    } catch (e) {
      if (!(e instanceof CompiledLexiconError)) throw e;
      throw BeianError.of('INPUT_INVALID', 'lexicon.compiledInvalid', { file, reason: e.message });
    }
    // The listed entries are made when first asked for: a scan needs only the stored version and count.
    let listed: LexiconEntry[] | undefined;
    const entries = (): LexiconEntry[] => {
      listed ??= matcher.entries.filter((e) => !e.note?.startsWith(VARIANT_NOTE));
      return listed;
    };
    const stored = matcher.library;
    return {
      libraries: files,
      get entries() {
        return entries();
      },
      keywords: stored?.keywords ?? entries().length,
      duplicates: [],
      issues: [],
      warnings: [],
      matcher,
      version: stored?.version ?? libraryVersion(entries()),
      rules: loadLibraryRules(),
      compiled: bytes,
    };
  }
  const riskIds = new Set(kb.risks.map((r) => r.id));
  const plain = await plainLists(sel, files, riskIds);
  if (plain) return plain;
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
  const [
    { mergeLibraries },
    { compileLexicon },
    { buildNormTable, DEFAULT_NORMALIZE },
    { variantEntries },
    { keywordWarnings },
  ] = await Promise.all([
    import('../lexicon/library.js'),
    import('../lexicon/matcher.js'),
    import('../lexicon/normalize.js'),
    import('../lexicon/variants/entries.js'),
    import('../lexicon/warnings.js'),
  ]);
  const { keys, keyIndex, ...merged } = mergeLibraries(libs);
  if (merged.entries.length === 0)
    throw BeianError.of('INPUT_INVALID', 'lexicon.empty', undefined, {
      issues: merged.issues,
    });
  const allow = [...(sel.allow ?? []), ...libs.flatMap((l) => l.allow ?? [])];
  // Variants are matched, not listed: they stay out of entries, stats, diff and the version id.
  const variants = variantEntries(merged.entries, sel.variants ?? DEFAULT_VARIANTS, {
    keys: { keyIndex, table: buildNormTable(DEFAULT_NORMALIZE) },
  });
  const build = wasmAutomatonBuilder();
  const matcher = compileLexicon([...merged.entries, ...variants], {
    ...(allow.length ? { allow } : {}),
    ...(sel.pinyin ? { pinyin: true } : {}),
    ...(build ? { build } : {}),
    keys: { keys, keyIndex },
  });
  return {
    libraries: libs.map((l) => l.name),
    ...merged,
    keywords: merged.entries.length,
    warnings: keywordWarnings(merged.entries, matcher.automaton.norm, keys),
    matcher,
    version: libraryVersion(merged.entries),
    rules: loadLibraryRules(),
  };
}

/**
 * A selection of plain keyword lists only (TXT files: no table, folder, houbb or naughty-words
 * layout, no starter library, no pinyin) compiled straight into a compiled library's columns
 * (lexicon/compile-columns.ts): the same matcher, version, issues and warnings as the general path
 * below, without an object per keyword, and the bytes the scan threads get made once. Undefined
 * for any other selection, or when a file cannot be read (the general path reports it).
 */
async function plainLists(
  sel: LexiconSelection,
  files: readonly string[],
  riskIds: ReadonlySet<string>,
): Promise<LoadedLexicon | undefined> {
  if (!files.length || sel.starter || sel.naughtyWords || sel.pinyin) return undefined;
  const { detectLayout } = await import('../lexicon/layout-kind.js');
  const sources: Array<{ name: string; content: string }> = [];
  for (const f of files) {
    const ext = extname(f).toLowerCase();
    if (f === NAUGHTY_WORDS || ext === '.csv' || ext === '.json' || ext === '.xlsx') return undefined;
    try {
      if (detectLayout(f) !== 'file' || isCompiled(f)) return undefined;
      sources.push({ name: f, content: readFileSync(f, 'utf8') });
    } catch {
      return undefined;
    }
  }
  const [{ compilePlainLists }, { buildNormTable, DEFAULT_NORMALIZE }] = await Promise.all([
    import('../lexicon/compile-columns.js'),
    import('../lexicon/normalize.js'),
  ]);
  const build = wasmUnitsBuilder();
  const c = compilePlainLists(sources, riskIds, {
    ...(sel.defaults ? { defaults: sel.defaults } : {}),
    variants: sel.variants ?? DEFAULT_VARIANTS,
    ...(sel.allow?.length ? { allow: sel.allow } : {}),
    table: buildNormTable(DEFAULT_NORMALIZE),
    ...(build ? { build } : {}),
  });
  if (c.keywords === 0)
    throw BeianError.of('INPUT_INVALID', 'lexicon.empty', undefined, { issues: c.issues });
  // the bytes are this process's (no checksum): loaded as verified, as the scan threads load them
  const matcher = deserializeMatcher(c.bytes, undefined, { verified: true });
  return {
    libraries: [...files],
    get entries() {
      return c.entries();
    },
    duplicates: c.duplicates,
    issues: c.issues,
    warnings: c.warnings,
    matcher,
    keywords: c.keywords,
    version: c.version,
    rules: loadLibraryRules(),
    compiled: c.bytes,
  };
}
