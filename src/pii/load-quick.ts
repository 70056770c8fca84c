import { readFileSync } from 'node:fs';
import type { PiiDictionaries } from './dictionaries.js';
import {
  DEFAULT_PII_DIR,
  DEFAULT_WORD_STATS_SNAPSHOT,
  jiebaDict,
  readSnapshot,
  statsHash,
} from './snapshot.js';

/**
 * The dictionaries of `dir` from the build's snapshot when it is fresh, else as loadPiiDictionaries
 * reads them (YAML and schema checks, loaded then).
 */
export async function loadPiiDictionariesQuick(
  dir: string = DEFAULT_PII_DIR,
  snapshotFile: string = DEFAULT_WORD_STATS_SNAPSHOT,
): Promise<PiiDictionaries> {
  const folder = dir.replace(/\/$/, '');
  const dict = jiebaDict();
  if (dict) {
    let surnames: string | undefined;
    try {
      surnames = readFileSync(`${folder}/surnames.txt`, 'utf8');
    } catch {
      surnames = undefined; // loadPiiDictionaries names the missing file
    }
    if (surnames !== undefined) {
      const snap = readSnapshot(snapshotFile, statsHash(dict.key, surnames), folder);
      if (snap.rest && snap.stats) return { ...snap.rest, words: snap.stats };
    }
  }
  return (await import('./load.js')).loadPiiDictionaries(dir, { wordStatsSnapshot: snapshotFile });
}
