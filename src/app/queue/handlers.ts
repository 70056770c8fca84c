import type { Kb } from '../../kb/index.js';
import type { JobHandler } from '../../queue/registry.js';
import { redteamBatchJob } from '../redteam/batch-job.js';
import type { RunDeps } from '../redteam/run.js';
import { piiShardJob } from './pii-shard.js';
import { scanShardJob } from './scan-shard.js';

/**
 * The job kinds `beian worker` runs. A new kind adds one entry here (docs/architecture.md,
 * "a job kind"); `close` releases what handlers keep between jobs (thread pools).
 */
export function workerHandlers(
  kb: Kb,
  options: {
    threads?: number;
    /** where a PII shard's pseudonym key is read (each worker holds the key; jobs never carry it) */
    env?: NodeJS.ProcessEnv;
    /** red-team batches: the store their results go to and the gate their limits are shared by */
    redteam?: Omit<RunDeps, 'kb' | 'onProgress' | 'signal'>;
  } = {},
) {
  const scan = scanShardJob(kb, options.threads === undefined ? {} : { threads: options.threads });
  const pii = piiShardJob({
    ...(options.threads === undefined ? {} : { threads: options.threads }),
    env: options.env ?? {},
  });
  const handlers: JobHandler[] = [scan.handler, pii.handler];
  if (options.redteam) handlers.push(redteamBatchJob({ ...options.redteam, kb }));
  return {
    handlers,
    close: async (): Promise<void> => {
      await scan.close();
      await pii.close();
    },
  };
}
