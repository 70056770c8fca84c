import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { BeianError, osReason } from '../errors.js';
import { buildKb, type Kb, type KbSources } from './kb.js';

/** data/kb of the installed package (the same relative path from src/kb and dist/kb). */
export const DEFAULT_KB_DIR = fileURLToPath(new URL('../../data/kb/', import.meta.url));

const FILES: readonly (keyof KbSources)[] = [
  'regulations',
  'algorithm-types',
  'risks',
  'thresholds',
  'filing-kinds',
  'duties',
];

/** Reads and validates the knowledge base from a folder of YAML files. */
export function loadKb(dir: string = DEFAULT_KB_DIR): Kb {
  const sources = {} as Record<keyof KbSources, unknown>;
  for (const name of FILES) {
    const file = `${dir.replace(/\/$/, '')}/${name}.yaml`;
    try {
      sources[name] = parse(readFileSync(file, 'utf8'));
    } catch (cause) {
      throw BeianError.of(
        'CONFIG_INVALID',
        'kb.cannotRead',
        { file, reason: osReason(cause) },
        {
          cause,
        },
      );
    }
  }
  return buildKb(sources);
}
