import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { parse } from 'yaml';
import { BeianError, osReason } from '../errors.js';
import { writeFileAtomicSync } from '../io/atomic.js';
import { buildDictionaries, type PiiDictionaries } from './dictionaries.js';

/** data/pii of the installed package (the same relative path from src/pii and dist/pii). */
export const DEFAULT_PII_DIR = fileURLToPath(new URL('../../data/pii/', import.meta.url));

/**
 * jieba's word list (installed with @node-rs/jieba, MIT): read at run time, never copied into data/.
 * Undefined when the package is missing; the name detector then needs context cues.
 */
function wordFrequenciesFile(): string | undefined {
  try {
    return `${dirname(createRequire(import.meta.url).resolve('@node-rs/jieba/package.json'))}/dict.txt`;
  } catch {
    return undefined;
  }
}

function readWordFrequencies(file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

const DICTIONARY_FILES = [
  'surnames.txt',
  'given-name-chars.txt',
  'common-words.txt',
  'regions.txt',
  'name-cues.yaml',
  'address.yaml',
];
/** The modules that turn the files into dictionaries: a changed rule must not read a stale cache. */
const BUILDERS = ['./dictionaries', './word-stats'].map((m) =>
  fileURLToPath(new URL(`${m}${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url)),
);

/**
 * The cache file of the built dictionaries: named by the size and time of every input (the data
 * files, jieba's word list, the building modules) and the Node version (v8 serialisation format).
 */
function cacheFile(cacheDir: string, dir: string, words: string | undefined): string {
  const h = createHash('sha256').update(process.version);
  for (const f of [...DICTIONARY_FILES.map((n) => join(dir, n)), ...BUILDERS, ...(words ? [words] : [])]) {
    try {
      const st = statSync(f);
      h.update(`${f}\0${st.size}\0${st.mtimeMs}\0`);
    } catch {
      h.update(`${f}\0missing\0`);
    }
  }
  return join(cacheDir, `pii-dictionaries-${h.digest('hex').slice(0, 24)}.v8`);
}

export interface LoadPiiOptions {
  /**
   * Keep the built dictionaries here (v8-serialised; reading them back takes a tenth of building
   * them from jieba's 350,000-line word list). Any unreadable or unwritable cache is ignored.
   */
  cacheDir?: string;
}

/** Reads the name/address dictionaries (read once per process; cached when a cacheDir is given). */
export function loadPiiDictionaries(
  dir: string = DEFAULT_PII_DIR,
  options: LoadPiiOptions = {},
): PiiDictionaries {
  const words = wordFrequenciesFile();
  const cache = options.cacheDir ? cacheFile(options.cacheDir, dir.replace(/\/$/, ''), words) : undefined;
  if (cache) {
    try {
      return deserialize(readFileSync(cache)) as PiiDictionaries;
    } catch {
      // no cache yet, or an unreadable one: build
    }
  }
  const built = buildPiiDictionaries(dir, words);
  if (cache && options.cacheDir) {
    try {
      mkdirSync(options.cacheDir, { recursive: true });
      for (const old of readdirSync(options.cacheDir))
        if (old.startsWith('pii-dictionaries-') && join(options.cacheDir, old) !== cache)
          rmSync(join(options.cacheDir, old), { force: true });
      writeFileAtomicSync(cache, serialize(built));
    } catch {
      // a read-only home or a full disk costs the next run its start-up time, nothing else
    }
  }
  return built;
}

function buildPiiDictionaries(dir: string, words: string | undefined): PiiDictionaries {
  const wordFrequencies = readWordFrequencies(words);
  const read = (name: string) => {
    const file = `${dir.replace(/\/$/, '')}/${name}`;
    try {
      return readFileSync(file, 'utf8');
    } catch (cause) {
      throw BeianError.of('ENVIRONMENT', 'pii.dictUnreadable', { file, reason: osReason(cause) }, { cause });
    }
  };
  try {
    return buildDictionaries({
      surnames: read('surnames.txt'),
      givenNameChars: read('given-name-chars.txt'),
      commonWords: read('common-words.txt'),
      regions: read('regions.txt'),
      nameCues: parse(read('name-cues.yaml')),
      address: parse(read('address.yaml')),
      ...(wordFrequencies ? { wordFrequencies } : {}),
    });
  } catch (cause) {
    if (cause instanceof BeianError) throw cause;
    throw BeianError.of('CONFIG_INVALID', 'pii.dictInvalid', { dir }, { cause });
  }
}
