import type { Kb } from '../../kb/index.js';
import type { JobHandler } from '../../queue/registry.js';
import { redteamBatchJob } from '../redteam/batch-job.js';
import type { RunDeps } from '../redteam/run.js';
import { scanShardJob } from './scan-shard.js';

/**
 * The job kinds `beian worker` runs. A new kind adds one entry here (docs/architecture.md,
 * "a job kind"); `close` releases what handlers keep between jobs (thread pools).
 */
export function workerHandlers(
  kb: Kb,
  options: {
    threads?: number;
    /** red-team batches: the store their results go to and the gate their limits are shared by */
    redteam?: Omit<RunDeps, 'kb' | 'onProgress' | 'signal'>;
  } = {},
) {
  const scan = scanShardJob(kb, options.threads === undefined ? {} : { threads: options.threads });
  const handlers: JobHandler[] = [scan.handler];
  if (options.redteam) handlers.push(redteamBatchJob({ ...options.redteam, kb }));
  return {
    handlers,
    close: async (): Promise<void> => {
      await scan.close();
    },
  };
}
