// The build's validated KB (dist/kb/kb-snapshot.json) read without zod or YAML: load.ts falls back
// to parsing and validating the sources, and `beian scan` asks here first (snapshotKb) so that the
// scan loads neither (~25 ms of start-up).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BeianError, osReason } from '../errors.js';
import type { KbSources } from './kb.js';
import type { Kb } from './query.js';

/** data/kb of the installed package (the same relative path from src/kb and dist/kb). */
export const DEFAULT_KB_DIR = fileURLToPath(new URL('../../data/kb/', import.meta.url));

/**
 * The validated KB written by the build (`scripts/compile-data.mjs`) beside the compiled module:
 * dist/kb/kb-snapshot.json. Under tsx (src/kb) there is none and the YAML is read.
 */
export const DEFAULT_KB_SNAPSHOT = fileURLToPath(new URL('./kb-snapshot.json', import.meta.url));

/** Bumped when the snapshot layout or the Kb shape changes: an older snapshot is then ignored. */
export const SNAPSHOT_FORMAT = 'beian-kb-snapshot/1';

export const KB_FILES: readonly (keyof KbSources)[] = [
  'regulations',
  'algorithm-types',
  'risks',
  'thresholds',
  'filing-kinds',
  'duties',
];

export const kbFileOf = (dir: string, name: string): string => `${dir.replace(/\/$/, '')}/${name}.yaml`;

export function readKbSource(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (cause) {
    throw BeianError.of('CONFIG_INVALID', 'kb.cannotRead', { file, reason: osReason(cause) }, { cause });
  }
}

/** sha256 over the names and bytes of the KB's source files, in a fixed order. */
export function sourcesHash(texts: readonly string[]): string {
  const h = createHash('sha256').update(SNAPSHOT_FORMAT);
  KB_FILES.forEach((name, i) => {
    h.update(`\0${name}\0`).update(texts[i] as string);
  });
  return h.digest('hex');
}

export interface Snapshot {
  format: string;
  hash: string;
  kb: Kb;
}

/** The snapshot's KB when it was built from exactly these sources, else undefined. */
export function fromSnapshot(file: string, hash: string): Kb | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const s = JSON.parse(text) as Partial<Snapshot>;
    return s.format === SNAPSHOT_FORMAT && s.hash === hash && s.kb ? s.kb : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The KB of `dir` from the build's snapshot when it was made from exactly these files; undefined
 * otherwise (no snapshot, edited sources, a file that cannot be read): then loadKb (load.ts)
 * parses, validates and reports.
 */
export function snapshotKb(
  dir: string = DEFAULT_KB_DIR,
  snapshot: string = DEFAULT_KB_SNAPSHOT,
): Kb | undefined {
  let texts: string[];
  try {
    texts = KB_FILES.map((name) => readFileSync(kbFileOf(dir, name), 'utf8'));
  } catch {
    return undefined;
  }
  return fromSnapshot(snapshot, sourcesHash(texts));
}
