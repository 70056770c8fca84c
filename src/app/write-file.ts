import { linkSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { BeianError } from '../errors.js';

/**
 * Writes a file atomically: a temporary file in the same folder, then a rename (or, when an
 * existing file must not be replaced, a hard link that fails if the name is taken, so two writers
 * never clobber each other). A reader sees the old file or the new one, never half of it.
 */
export function writeFileAtomic(file: string, data: string, options: { overwrite: boolean }): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, data, { flag: 'wx' });
  } catch (cause) {
    throw new BeianError('ENVIRONMENT', `Cannot write in ${dirname(file)}: ${(cause as Error).message}`, {
      cause,
    });
  }
  try {
    if (options.overwrite) renameSync(tmp, file);
    else {
      linkSync(tmp, file);
      unlinkSync(tmp);
    }
  } catch (cause) {
    unlinkSync(tmp);
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST')
      throw new BeianError('USAGE', `${file} exists`, { cause, issues: [{ file, message: 'exists' }] });
    throw new BeianError('ENVIRONMENT', `Cannot write ${file}: ${(cause as Error).message}`, { cause });
  }
}
