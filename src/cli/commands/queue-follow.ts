import type { FollowOptions } from '../../app/queue/scan-run.js';
import type { CliContext } from '../context.js';
import { createProgress } from '../progress.js';

/**
 * Announces a queued run and follows it with one progress bar over all workers' shards (the same
 * for scan and pii): `follow` is the use case's follower, given the bar's callback.
 */
export async function followWithProgress(
  c: CliContext,
  json: boolean | undefined,
  run: string,
  shards: number,
  follow: (options: FollowOptions) => Promise<void>,
): Promise<void> {
  c.err(`${c.t('queue.submitted', { run, shards })}\n`);
  const progress = createProgress(c, c.t('queue.progress'), { json });
  await follow({
    onProgress: (p) =>
      progress.update({
        done: p.done,
        total: p.shards,
        detail: `${(p.bytes / 1e6).toFixed(1)}/${(p.totalBytes / 1e6).toFixed(1)} MB`,
      }),
  });
  progress.finish();
}
