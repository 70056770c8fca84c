import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PiiDictionaries } from './dictionaries.js';
import type { WordStats } from './word-stats.js';
import { decodeWordStats, dictionariesFromJson, wordStatsExtra, wordStatsTag } from './word-stats-file.js';

/**
 * The build's snapshot of the PII dictionaries, read without the YAML reader and the schema library
 * (loadPiiDictionaries falls back to them when the snapshot is stale or missing): a cold
 * `beian pii` loads only this before it reads the first byte.
 */

/** data/pii of the installed package (the same relative path from src/pii and dist/pii). */
export const DEFAULT_PII_DIR = fileURLToPath(new URL('../../data/pii/', import.meta.url));

/**
 * jieba's word list (installed with @node-rs/jieba, MIT): read at run time, never copied into data/.
 * Undefined when the package is missing; the name detector then needs context cues. `key` names
 * its content without reading it: a published package version never changes.
 */
export function jiebaDict(): { file: string; key: string } | undefined {
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

export const statsHash = (dictKey: string, surnames: string): string =>
  createHash('sha256').update(`${STATS_FORMAT}\0${dictKey}\0`).update(surnames).digest('hex');

/** A hash of every file in the dictionary folder, names and contents (a few KB to read). */
export function folderHash(dir: string): string {
  const h = createHash('sha256').update(`${STATS_FORMAT}\0`);
  try {
    for (const name of readdirSync(dir).sort()) h.update(`${name}\0`).update(readFileSync(`${dir}/${name}`));
  } catch {
    return '';
  }
  return h.digest('hex');
}

export interface Snapshot {
  stats?: WordStats;
  /** the other dictionaries, when the folder is as it was at the build */
  rest?: Omit<PiiDictionaries, 'words'>;
}

export function readSnapshot(file: string, hash: string, dir: string): Snapshot {
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
