import type { Kb } from '../../kb/index.js';
import type { JobHandler } from '../../queue/registry.js';
import { scanShardJob } from './scan-shard.js';

/**
 * The job kinds `beian worker` runs. A new kind adds one entry here (docs/architecture.md,
 * "a job kind"); `close` releases what handlers keep between jobs (thread pools).
 */
export function workerHandlers(kb: Kb, options: { threads?: number } = {}) {
  const scan = scanShardJob(kb, options);
  const handlers: JobHandler[] = [scan.handler];
  return {
    handlers,
    close: async (): Promise<void> => {
      await scan.close();
    },
  };
}
