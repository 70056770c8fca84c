import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue, Worker } from 'bullmq';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { runRedteam } from '../app/redteam/run.js';
import { starterPaths } from '../app/redteam/starter.js';
import { loadKb } from '../kb/index.js';
import type { TargetConfig } from '../redteam/targets/config.js';
import { openStore } from '../store/index.js';
import { startMockModel } from '../testing/mock-model.js';
import { connectRedis, parseQueueUrl, QUEUE_NAME } from './connection.js';
import { redteamBatchHandler } from './redteam-batch.js';
import { followQueuedRun, runJobCounts, submitQueuedRun } from './redteam-run.js';

const REDIS = process.env.BEIAN_TEST_REDIS_URL;
const PG = process.env.BEIAN_TEST_PG_URL;
const kb = loadKb();
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
});

/** A PostgreSQL schema of its own, dropped afterwards. */
async function pgStoreUrl(): Promise<string> {
  const schema = `fleet_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  cleanups.push(async () => {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  });
  const url = new URL(PG as string);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

const target = (url: string): TargetConfig => ({
  type: 'openai',
  baseUrl: url,
  model: 'mock',
  params: {},
  concurrency: 4,
  timeoutMs: 5_000,
  retries: 2,
  maxResponseBytes: 100_000,
});

describe.skipIf(!REDIS || !PG)(
  'a red-team run on the queue (set BEIAN_TEST_REDIS_URL and BEIAN_TEST_PG_URL)',
  () => {
    it('three workers give the report a local run gives; --attach follows the same run', async () => {
      const mock = await startMockModel({ latencyMs: 5 });
      cleanups.push(() => mock.close());
      const opts = {
        bankFiles: starterPaths(),
        sample: 10,
        variants: ['base64' as const],
        targets: [target(mock.url)],
      };
      const deps = { kb, fetch, env: {}, now: () => new Date() };

      const local = await openStore(join(mkdtempSync(join(tmpdir(), 'beian-fleet-')), 'local.db'));
      cleanups.push(() => local.close());
      const expected = await runRedteam({ ...opts, noCache: true }, { ...deps, store: local });

      const address = parseQueueUrl(`${REDIS}?prefix=beian-fleet-${randomBytes(4).toString('hex')}`);
      const store = await openStore(await pgStoreUrl());
      cleanups.push(() => store.close());
      const redis = connectRedis(address);
      const queue = new Queue(QUEUE_NAME, { connection: redis, prefix: address.prefix });
      cleanups.push(async () => {
        await queue.obliterate({ force: true });
        await queue.close();
        const keys = await redis.keys(`${address.prefix}:*`);
        if (keys.length) await redis.del(...keys);
        redis.disconnect();
      });
      for (let i = 0; i < 3; i++) {
        const conn = connectRedis(address);
        const handle = redteamBatchHandler({ ...deps, store, redis: conn, prefix: address.prefix });
        const w = new Worker(QUEUE_NAME, (job) => handle(job), { connection: conn, prefix: address.prefix });
        cleanups.push(async () => {
          await w.close();
          conn.disconnect();
        });
      }
      const qdeps = { ...deps, store, queue, redis, prefix: address.prefix, pollMs: 100 };
      const sub = await submitQueuedRun({ ...opts, noCache: true }, qdeps, { batchSize: 7 });
      expect(sub.pending).toBe(expected.json.total);
      expect(sub.batches).toBe(Math.ceil(expected.json.total / 7));
      const got = await followQueuedRun(sub.runId, qdeps);
      expect(got.failedBatches).toEqual([]);
      expect({ ...got.json, runId: 'x' }).toEqual({ ...expected.json, runId: 'x' });
      const verdicts = (o: typeof expected) =>
        Object.fromEntries(o.results.map((r) => [r.case_key, r.verdict]));
      expect(verdicts(got)).toEqual(verdicts(expected));
      expect(got.ranNow).toBe(expected.ranNow);
      // every prompt answered once: no batch ran twice
      expect(Math.max(...mock.stats.answered.values())).toBeLessThanOrEqual(2);
      // attaching again (a second submitter, or after the first died) reads the same finished run
      const again = await followQueuedRun(sub.runId, qdeps);
      expect(again.json).toEqual(got.json);
      expect(await runJobCounts(qdeps, sub.runId)).toEqual({
        waiting: 0,
        active: 0,
        completed: sub.batches,
        failed: 0,
      });
    }, 60_000);
  },
);
