// A worker over dist/ built as `beian worker` builds one (the engine's startWorker, a registry with
// the red-team batch job, the shared rate gate over its Redis connection), for the tests and the
// benchmark while `beian worker` is not merged. Usage: node redteam-worker.mjs QUEUE_URL PREFIX DB_URL
const dist = new URL('../../dist/', import.meta.url);
const load = (p) => import(new URL(p, dist).href);
const { connectReady } = await load('queue/bullmq/connection.js');
const { redisGate } = await load('queue/bullmq/rate-gate.js');
const { queueAddress } = await load('queue/bullmq/redteam-port.js');
const { startWorker } = await load('queue/bullmq/worker.js');
const { jobRegistry } = await load('queue/registry.js');
const { redteamBatchJob } = await load('app/redteam/batch-job.js');
const { openStore } = await load('store/index.js');
const { loadKb } = await load('kb/index.js');

const [queueUrl, prefix, dbUrl] = process.argv.slice(2);
const address = queueAddress(queueUrl, prefix);
const store = await openStore(dbUrl);
const redis = await connectReady(address.url);
const job = redteamBatchJob({
  store,
  kb: loadKb(),
  fetch,
  env: process.env,
  now: () => new Date(),
  gateFor: (targetId, l) =>
    redisGate(redis, {
      prefix: address.names.prefix,
      targetId,
      ...(l.rpm ? { rpm: l.rpm } : {}),
      concurrency: l.concurrency,
      leaseMs: l.timeoutMs + 5000,
    }),
});
const worker = startWorker(
  redis,
  jobRegistry([job]),
  { done: async () => {}, failed: async () => {} },
  {
    concurrency: 1,
    names: address.names,
  },
);
process.stdout.write('ready\n');
process.on('SIGTERM', async () => {
  await worker.stop(10_000);
  await store.close();
  redis.disconnect();
  process.exit(0);
});
