import { createHash } from 'node:crypto';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { parse } from 'yaml';
import { BeianError, osReason } from '../errors.js';
import { buildDictionaries, type PiiDictionaries } from './dictionaries.js';
import type { WordStats } from './word-stats.js';

/** data/pii of the installed package (the same relative path from src/pii and dist/pii). */
export const DEFAULT_PII_DIR = fileURLToPath(new URL('../../data/pii/', import.meta.url));

/**
 * jieba's word list (installed with @node-rs/jieba, MIT): read at run time, never copied into data/.
 * Undefined when the package is missing; the name detector then needs context cues. `key` names
 * its content without reading it: a published package version never changes.
 */
function jiebaDict(): { file: string; key: string } | undefined {
  try {
    const pkgFile = createRequire(import.meta.url).resolve('@node-rs/jieba/package.json');
    const { version } = JSON.parse(readFileSync(pkgFile, 'utf8')) as { version: string };
    const file = `${dirname(pkgFile)}/dict.txt`;
    return { file, key: `@node-rs/jieba@${version} dict.txt ${statSync(file).size}` };
  } catch {
    return undefined;
  }
}

/**
 * The word statistics built from jieba's list by `npm run build` (scripts/compile-data.mjs) beside
 * this module: dist/pii/word-stats.v8 (building them costs 0.3-1 s, loading ~50 ms). Used only when
 * the list and surnames.txt are those it was built from; under tsx there is none.
 */
export const DEFAULT_WORD_STATS_SNAPSHOT = fileURLToPath(new URL('./word-stats.v8', import.meta.url));
const STATS_FORMAT = 'beian-word-stats/1';

const statsHash = (dictKey: string, surnames: string): string =>
  createHash('sha256').update(`${STATS_FORMAT}\0${dictKey}\0`).update(surnames).digest('hex');

function snapshotStats(file: string, hash: string): WordStats | undefined {
  try {
    const s = deserialize(readFileSync(file)) as { format?: unknown; hash?: unknown; stats?: WordStats };
    return s.format === STATS_FORMAT && s.hash === hash ? s.stats : undefined;
  } catch {
    return undefined;
  }
}

export interface LoadPiiOptions {
  /** the word-statistics snapshot to try (default: the build's); `false` always builds them */
  wordStatsSnapshot?: string | false;
}

/** Reads the name/address dictionaries (a few KB; read once per process or worker). */
export function loadPiiDictionaries(
  dir: string = DEFAULT_PII_DIR,
  options: LoadPiiOptions = {},
): PiiDictionaries {
  const read = (name: string) => {
    const file = `${dir.replace(/\/$/, '')}/${name}`;
    try {
      return readFileSync(file, 'utf8');
    } catch (cause) {
      throw BeianError.of('ENVIRONMENT', 'pii.dictUnreadable', { file, reason: osReason(cause) }, { cause });
    }
  };
  const surnames = read('surnames.txt');
  const withWords = (): { wordFrequencies?: string; words?: WordStats } => {
    const dict = jiebaDict();
    if (!dict) return {};
    const snapshot = options.wordStatsSnapshot ?? DEFAULT_WORD_STATS_SNAPSHOT;
    const stats = snapshot === false ? undefined : snapshotStats(snapshot, statsHash(dict.key, surnames));
    if (stats) return { words: stats };
    try {
      return { wordFrequencies: readFileSync(dict.file, 'utf8') };
    } catch {
      return {};
    }
  };
  try {
    return buildDictionaries({
      surnames,
      givenNameChars: read('given-name-chars.txt'),
      commonWords: read('common-words.txt'),
      latinGivenNames: read('latin-given-names.txt'),
      regions: read('regions.txt'),
      nameCues: parse(read('name-cues.yaml')),
      address: parse(read('address.yaml')),
      ...withWords(),
    });
  } catch (cause) {
    if (cause instanceof BeianError) throw cause;
    throw BeianError.of('CONFIG_INVALID', 'pii.dictInvalid', { dir }, { cause });
  }
}

/** Build step: the word statistics of the PII dictionaries in `dir`, for loadPiiDictionaries. */
export function writeWordStatsSnapshot(
  dir: string = DEFAULT_PII_DIR,
  file = DEFAULT_WORD_STATS_SNAPSHOT,
): boolean {
  const dict = jiebaDict();
  const stats = loadPiiDictionaries(dir, { wordStatsSnapshot: false }).words;
  if (!dict || !stats) return false;
  const surnames = readFileSync(`${dir.replace(/\/$/, '')}/surnames.txt`, 'utf8');
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, serialize({ format: STATS_FORMAT, hash: statsHash(dict.key, surnames), stats }));
  renameSync(tmp, file);
  return true;
}
