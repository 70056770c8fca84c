import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { BeianError, osReason } from '../errors.js';
import { buildDictionaries, type PiiDictionaries } from './dictionaries.js';
import {
  DEFAULT_PII_DIR,
  DEFAULT_WORD_STATS_SNAPSHOT,
  folderHash,
  jiebaDict,
  readSnapshot,
  statsHash,
} from './snapshot.js';
import type { WordStats } from './word-stats.js';
import { dictionariesToJson, encodeWordStats } from './word-stats-file.js';

export { DEFAULT_PII_DIR, DEFAULT_WORD_STATS_SNAPSHOT } from './snapshot.js';

/** the YAML reader, loaded only when the build's snapshot cannot be used (it is most of a cold start's modules) */
const parseYaml = (text: string): unknown =>
  (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse(text);

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
      nameCues: parseYaml(read('name-cues.yaml')),
      transliteration: parseYaml(read('transliteration.yaml')),
      address: parseYaml(read('address.yaml')),
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
