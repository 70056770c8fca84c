import { Queue } from 'bullmq';
import { connectRedis, parseQueueUrl, pingRedis, QUEUE_NAME } from '../queue/connection.js';
import { runJobCounts } from '../queue/redteam-run.js';
import type { JobsSource } from './deps.js';

/** The dashboard's view of the queue (`beian serve --queue redis://…`): job counts per run. */
export async function queueJobsSource(url: string): Promise<JobsSource & { close(): Promise<void> }> {
  const address = parseQueueUrl(url);
  await pingRedis(address);
  const redis = connectRedis(address);
  const queue = new Queue(QUEUE_NAME, { connection: redis, prefix: address.prefix });
  return {
    runJobs: (runId) => runJobCounts({ queue, redis, prefix: address.prefix }, runId),
    async close() {
      await queue.close();
      redis.disconnect();
    },
  };
}
