import { linkSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { BeianError, issueOf, osReason } from '../errors.js';

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
    throw BeianError.of(
      'ENVIRONMENT',
      'file.cannotWriteIn',
      { dir: dirname(file), reason: osReason(cause) },
      {
        cause,
      },
    );
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
      throw BeianError.of(
        'USAGE',
        'file.exists',
        { file },
        { cause, issues: [issueOf({ file }, 'file.issue.exists')] },
      );
    throw BeianError.of('ENVIRONMENT', 'file.cannotWrite', { file, reason: osReason(cause) }, { cause });
  }
}
