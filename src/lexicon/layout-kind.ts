import { existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

// Which layout a path is, apart from the importers (layouts.ts, which load zod for category maps):
// a scan of a plain keyword file never loads them.

export const HOUBB_DICT = 'sensitive_word_dict.txt';

export type Layout = 'file' | 'folder' | 'houbb';

/** A directory holding houbb's dictionary is the houbb layout; any other directory is the folder layout. */
export function detectLayout(path: string): Layout {
  if (!statSync(path).isDirectory()) return basename(path) === HOUBB_DICT ? 'houbb' : 'file';
  return existsSync(join(path, HOUBB_DICT)) ? 'houbb' : 'folder';
}
