import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { BeianError, osReason } from '../errors.js';
import { buildDictionaries, type PiiDictionaries } from './dictionaries.js';
import type { WordStats } from './word-stats.js';
import {
  decodeWordStats,
  dictionariesFromJson,
  dictionariesToJson,
  encodeWordStats,
  wordStatsExtra,
  wordStatsTag,
} from './word-stats-file.js';

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
 * this module: dist/pii/word-stats.bin (building them costs 0.3-1 s; loading is one read and a few
 * typed-array views over it, about a millisecond). Used only when the list and surnames.txt are
 * those it was built from; under tsx there is none. It also holds the other dictionaries as JSON,
 * used when every file of data/pii is as it was at the build (no YAML parse, no schema check at
 * each start: ~50 ms of a cold start).
 */
export const DEFAULT_WORD_STATS_SNAPSHOT = fileURLToPath(new URL('./word-stats.bin', import.meta.url));
// 3: WordStats.places (address.ts); 4: WordStats.taggedPersons (transliterated-name.ts)
const STATS_FORMAT = 'beian-word-stats/4';

const statsHash = (dictKey: string, surnames: string): string =>
  createHash('sha256').update(`${STATS_FORMAT}\0${dictKey}\0`).update(surnames).digest('hex');

/** A hash of every file in the dictionary folder, names and contents (a few KB to read). */
function folderHash(dir: string): string {
  const h = createHash('sha256').update(`${STATS_FORMAT}\0`);
  try {
    for (const name of readdirSync(dir).sort()) h.update(`${name}\0`).update(readFileSync(`${dir}/${name}`));
  } catch {
    return '';
  }
  return h.digest('hex');
}

interface Snapshot {
  stats?: WordStats;
  /** the other dictionaries, when the folder is as it was at the build */
  rest?: Omit<PiiDictionaries, 'words'>;
}

function readSnapshot(file: string, hash: string, dir: string): Snapshot {
  try {
    const bytes = readFileSync(file);
    if (wordStatsTag(bytes) !== hash) return {};
    const stats = decodeWordStats(bytes);
    const extra = wordStatsExtra(bytes);
    const saved = extra ? (JSON.parse(extra) as { folder?: string; dicts?: string }) : {};
    const fresh = saved.folder !== undefined && saved.folder !== '' && saved.folder === folderHash(dir);
    return {
      ...(stats ? { stats } : {}),
      ...(fresh && saved.dicts !== undefined ? { rest: dictionariesFromJson(saved.dicts) } : {}),
    };
  } catch {
    return {};
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
  const dict = jiebaDict();
  const snapshotFile = options.wordStatsSnapshot ?? DEFAULT_WORD_STATS_SNAPSHOT;
  const snap =
    dict && snapshotFile !== false
      ? readSnapshot(snapshotFile, statsHash(dict.key, surnames), dir.replace(/\/$/, ''))
      : {};
  if (snap.rest && snap.stats) return { ...snap.rest, words: snap.stats };
  const withWords = (): { wordFrequencies?: string; words?: WordStats } => {
    if (!dict) return {};
    if (snap.stats) return { words: snap.stats };
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
      transliteration: parse(read('transliteration.yaml')),
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
  const { words: stats, ...rest } = loadPiiDictionaries(dir, { wordStatsSnapshot: false });
  if (!dict || !stats) return false;
  const folder = dir.replace(/\/$/, '');
  const surnames = readFileSync(`${folder}/surnames.txt`, 'utf8');
  let extra: string | undefined;
  try {
    extra = JSON.stringify({ folder: folderHash(folder), dicts: dictionariesToJson(rest) });
  } catch {
    extra = undefined; // a dictionary JSON cannot carry: the others are read from data/pii each time
  }
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, encodeWordStats(stats, statsHash(dict.key, surnames), undefined, extra));
  renameSync(tmp, file);
  return true;
}
