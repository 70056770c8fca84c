// A bare BullMQ worker over dist/ that runs only `redteam-batch` jobs: stands in for `beian worker`
// in tests until the engine's worker command is merged. Usage: node redteam-worker.mjs QUEUE_URL DB_URL
import { Worker } from 'bullmq';

const dist = new URL('../../dist/', import.meta.url);
const { connectRedis, parseQueueUrl, QUEUE_NAME } = await import(new URL('queue/connection.js', dist).href);
const { redteamBatchHandler, REDTEAM_BATCH } = await import(new URL('queue/redteam-batch.js', dist).href);
const { openStore } = await import(new URL('store/index.js', dist).href);
const { loadKb } = await import(new URL('kb/index.js', dist).href);

const [queueUrl, dbUrl] = process.argv.slice(2);
const address = parseQueueUrl(queueUrl);
const store = await openStore(dbUrl);
const redis = connectRedis(address);
const handle = redteamBatchHandler({
  store,
  kb: loadKb(),
  fetch,
  env: process.env,
  now: () => new Date(),
  redis,
  prefix: address.prefix,
});
const worker = new Worker(
  QUEUE_NAME,
  async (job) => {
    if (job.name !== REDTEAM_BATCH) throw new Error(`no handler for ${job.name}`);
    return handle(job);
  },
  { connection: connectRedis(address), prefix: address.prefix },
);
await worker.waitUntilReady();
process.stdout.write('ready\n');
process.on('SIGTERM', async () => {
  await worker.close();
  await store.close();
  redis.disconnect();
  process.exit(0);
});
