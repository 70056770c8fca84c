import { BeianError, osReason } from '../errors.js';
import { yaml } from '../util/yaml-lib.js';
import { buildKb, type Kb, type KbSources } from './kb.js';
import {
  DEFAULT_KB_DIR,
  DEFAULT_KB_SNAPSHOT,
  KB_FILES as FILES,
  kbFileOf as fileOf,
  fromSnapshot,
  readKbSource as readSource,
  SNAPSHOT_FORMAT,
  type Snapshot,
  sourcesHash,
} from './snapshot.js';

export { DEFAULT_KB_DIR, DEFAULT_KB_SNAPSHOT } from './snapshot.js';

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
