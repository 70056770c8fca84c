import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { BeianError } from '../../errors.js';
import {
  CategoryMapFile,
  type CategoryMaps,
  type CategoryMapFile as MapFile,
  mergeMaps,
} from '../../redteam/banks/category-map.js';
import { zodIssues } from '../../util/zod-issues.js';
import { BANKS_DIR } from './starter.js';

export const MAPS_DIR = join(BANKS_DIR, 'maps');

/** Reads and validates one category map (YAML or JSON). */
export function readMapFile(file: string): MapFile {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw BeianError.of(
      code === 'ENOENT' ? 'NOT_FOUND' : 'INPUT_INVALID',
      'redteam.map.cannotRead',
      { file, detail: (cause as Error).message },
      { cause },
    );
  }
  const parsed = CategoryMapFile.safeParse(raw);
  if (!parsed.success)
    throw BeianError.of(
      'INPUT_INVALID',
      'redteam.map.invalid',
      { file },
      { issues: zodIssues(parsed.error, file) },
    );
  return parsed.data;
}

/** The shipped maps (data/banks/maps/*.yaml), benchmark maps before the shared synonyms. */
export function shippedMapFiles(dir = MAPS_DIR): MapFile[] {
  const names = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort((a, b) => (a.startsWith('common.') ? 1 : b.startsWith('common.') ? -1 : a.localeCompare(b)));
  return names.map((n) => readMapFile(join(dir, n)));
}

/** The user's maps (--map, in the order given) win over the shipped ones. */
export const loadCategoryMaps = (userFiles: readonly string[] = []): CategoryMaps =>
  mergeMaps([...userFiles.map(readMapFile), ...shippedMapFiles()]);

/**
 * The same maps, read on first use: a bank in our own schema with risk ids never needs them,
 * and parsing every map costs start-up time on each run. A user map that does not exist is still
 * reported at once.
 */
export function lazyCategoryMaps(userFiles: readonly string[] = []): CategoryMaps {
  for (const f of userFiles) if (!existsSync(f)) readMapFile(f);
  let maps: CategoryMaps | undefined;
  const get = () => {
    maps ??= loadCategoryMaps(userFiles);
    return maps;
  };
  return {
    get entries() {
      return get().entries;
    },
    get ids() {
      return get().ids;
    },
  };
}
