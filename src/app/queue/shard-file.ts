import { stat } from 'node:fs/promises';
import { BeianError } from '../../errors.js';
import type { ShardInput } from '../../queue/jobs.js';

/**
 * Refuses a shard whose file is gone or changed size since the submitter planned it (bad input,
 * never retried): its byte ranges would no longer fall on record boundaries. Returns the first
 * line number of the shard, for the messages that follow.
 */
export async function checkShardFile(input: ShardInput): Promise<number> {
  const line = input.range?.firstLine ?? 1;
  let size: number;
  try {
    size = (await stat(input.path ?? input.file)).size;
  } catch {
    throw BeianError.of('INPUT_INVALID', 'queue.fileMissing', { file: input.file, line });
  }
  if (size !== input.size)
    throw BeianError.of('INPUT_INVALID', 'queue.fileChanged', {
      file: input.file,
      line,
      planned: input.size,
      now: size,
    });
  return line;
}
