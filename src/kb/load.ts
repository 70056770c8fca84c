import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BeianError, osReason } from '../errors.js';
import { yaml } from '../util/yaml-lib.js';
import { buildKb, type Kb, type KbSources } from './kb.js';

/** data/kb of the installed package (the same relative path from src/kb and dist/kb). */
export const DEFAULT_KB_DIR = fileURLToPath(new URL('../../data/kb/', import.meta.url));

/**
 * The validated KB written by the build (`scripts/compile-data.mjs`) beside the compiled module:
 * dist/kb/kb-snapshot.json. Under tsx (src/kb) there is none and the YAML is read.
 */
export const DEFAULT_KB_SNAPSHOT = fileURLToPath(new URL('./kb-snapshot.json', import.meta.url));

/** Bumped when the snapshot layout or the Kb shape changes: an older snapshot is then ignored. */
const SNAPSHOT_FORMAT = 'beian-kb-snapshot/1';

const FILES: readonly (keyof KbSources)[] = [
  'regulations',
  'algorithm-types',
  'risks',
  'thresholds',
  'filing-kinds',
  'duties',
];

const fileOf = (dir: string, name: string): string => `${dir.replace(/\/$/, '')}/${name}.yaml`;

function readSource(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (cause) {
    throw BeianError.of('CONFIG_INVALID', 'kb.cannotRead', { file, reason: osReason(cause) }, { cause });
  }
}

/** sha256 over the names and bytes of the KB's source files, in a fixed order. */
function sourcesHash(texts: readonly string[]): string {
  const h = createHash('sha256').update(SNAPSHOT_FORMAT);
  FILES.forEach((name, i) => {
    h.update(`\0${name}\0`).update(texts[i] as string);
  });
  return h.digest('hex');
}

function buildFromYaml(dir: string, texts: readonly string[]): Kb {
  const sources = {} as Record<keyof KbSources, unknown>;
  FILES.forEach((name, i) => {
    try {
      sources[name] = yaml().parse(texts[i] as string);
    } catch (cause) {
      throw BeianError.of(
        'CONFIG_INVALID',
        'kb.cannotRead',
        { file: fileOf(dir, name), reason: osReason(cause) },
        {
          cause,
        },
      );
    }
  });
  return buildKb(sources);
}

interface Snapshot {
  format: string;
  hash: string;
  kb: Kb;
}

/** The snapshot's KB when it was built from exactly these sources, else undefined. */
function fromSnapshot(file: string, hash: string): Kb | undefined {
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

export interface LoadKbOptions {
  /** a snapshot to try first (default: the build's); `false` always parses and validates the YAML */
  snapshot?: string | false;
}

/**
 * Reads the knowledge base from a folder of YAML files. The YAML stays the source of truth: the
 * build's snapshot (already validated with zod) is used only when the content hash of these very
 * files matches it, so an edited or user-supplied KB is always parsed and validated (~0.1-0.2 s
 * saved per command otherwise).
 */
export function loadKb(dir: string = DEFAULT_KB_DIR, options: LoadKbOptions = {}): Kb {
  const texts = FILES.map((name) => readSource(fileOf(dir, name)));
  const snapshot = options.snapshot ?? DEFAULT_KB_SNAPSHOT;
  if (snapshot !== false) {
    const kb = fromSnapshot(snapshot, sourcesHash(texts));
    if (kb) return kb;
  }
  return buildFromYaml(dir, texts);
}

/** The snapshot of the KB in `dir` (validated here with zod), as written by the build. */
export function kbSnapshot(dir: string = DEFAULT_KB_DIR): string {
  const texts = FILES.map((name) => readSource(fileOf(dir, name)));
  const snap: Snapshot = { format: SNAPSHOT_FORMAT, hash: sourcesHash(texts), kb: buildFromYaml(dir, texts) };
  return `${JSON.stringify(snap)}\n`;
}
