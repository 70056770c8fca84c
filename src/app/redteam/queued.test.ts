import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKb } from '../../kb/index.js';
import { connectReady } from '../../queue/bullmq/connection.js';
import { RunQueue } from '../../queue/bullmq/queue.js';
import { redisGate } from '../../queue/bullmq/rate-gate.js';
import { queueAddress, redteamQueuePort } from '../../queue/bullmq/redteam-port.js';
import { startWorker } from '../../queue/bullmq/worker.js';
import { jobRegistry } from '../../queue/registry.js';
import type { TargetConfig } from '../../redteam/targets/config.js';
import { openStore } from '../../store/index.js';
import { queueRunById } from '../../store/repos/queue.js';
import { startMockModel } from '../../testing/mock-model.js';
import { storeSink } from '../queue/sink.js';
import { redteamBatchJob } from './batch-job.js';
import { followQueuedRun, runJobCounts, submitQueuedRun } from './queued.js';
import { runRedteam } from './run.js';
import { starterPaths } from './starter.js';

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

      const address = queueAddress(REDIS as string, `beian-fleet-${randomBytes(4).toString('hex')}`);
      const store = await openStore(await pgStoreUrl());
      cleanups.push(() => store.close());
      const redis = await connectReady(address.url);
      const runQueue = new RunQueue(redis, address.names);
      cleanups.push(async () => {
        await runQueue.queue.obliterate({ force: true });
        await runQueue.close();
        const keys = await redis.keys(`${address.names.prefix}:*`);
        if (keys.length) await redis.del(...keys);
        redis.disconnect();
      });
      // three workers as `beian worker` builds them: the registry, the shared gate over its connection
      for (let i = 0; i < 3; i++) {
        const conn = await connectReady(address.url);
        const job = redteamBatchJob({
          ...deps,
          store,
          gateFor: (targetId, l) =>
            redisGate(conn, {
              prefix: address.names.prefix,
              targetId,
              ...(l.rpm ? { rpm: l.rpm } : {}),
              concurrency: l.concurrency,
              leaseMs: l.timeoutMs + 5000,
            }),
        });
        const w = startWorker(
          conn,
          jobRegistry([job]),
          { done: async () => {}, failed: async () => {} },
          { concurrency: 1, names: address.names },
        );
        cleanups.push(async () => {
          await w.stop(5000);
          conn.disconnect();
        });
      }
      const qdeps = { ...deps, store, queue: redteamQueuePort(redis, runQueue, address.names), pollMs: 100 };
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
        lost: 0,
      });
    }, 60_000);

    it('gets back what a Redis that lost its data forgot: the run record from the database, the batches re-enqueued', async () => {
      const mock = await startMockModel({ latencyMs: 2 });
      cleanups.push(() => mock.close());
      const opts = { bankFiles: starterPaths(), sample: 4, targets: [target(mock.url)], noCache: true };
      const deps = { kb, fetch, env: {}, now: () => new Date() };
      const address = queueAddress(REDIS as string, `beian-fleet-${randomBytes(4).toString('hex')}`);
      const store = await openStore(await pgStoreUrl());
      cleanups.push(() => store.close());
      const redis = await connectReady(address.url);
      const runQueue = new RunQueue(redis, address.names);
      const wipe = async () => {
        const keys = await redis.keys(`${address.names.prefix}:*`);
        if (keys.length) await redis.del(...keys);
      };
      cleanups.push(async () => {
        await wipe();
        await runQueue.close();
        redis.disconnect();
      });
      const qdeps = {
        ...deps,
        store,
        queue: redteamQueuePort(redis, runQueue, address.names),
        pollMs: 50,
        reenqueueMs: 0,
      };
      const sub = await submitQueuedRun(opts, qdeps, { batchSize: 3 });
      expect(sub.batches).toBeGreaterThan(2);
      // Redis restarted without persistence before any worker ran: no jobs, no run record
      await wipe();
      expect(await qdeps.queue.loadMeta(sub.runId)).toBeUndefined();
      // the dashboard finds the run in the database, and nothing it can account for: all lost
      expect(await runJobCounts(qdeps, sub.runId)).toEqual({
        waiting: 0,
        active: 0,
        completed: 0,
        failed: 0,
        lost: sub.batches,
      });
      const conn = await connectReady(address.url);
      const w = startWorker(
        conn,
        jobRegistry([redteamBatchJob({ ...deps, store })]),
        storeSink(store, 'w1', deps.now),
        { concurrency: 1, names: address.names },
      );
      cleanups.push(async () => {
        await w.stop(5000);
        conn.disconnect();
      });
      // an attaching follower: it finds the run in the database and puts the batches back
      const got = await followQueuedRun(sub.runId, qdeps);
      expect(got.failedBatches).toEqual([]);
      expect(got.json.completed).toBe(sub.pending);
      expect(await qdeps.queue.loadMeta(sub.runId)).toMatchObject({ batches: sub.batches });
      const meta = await qdeps.queue.loadMeta(sub.runId);
      expect((await queueRunById(store, meta?.queueRun ?? ''))?.status).toBe('done');
      // once done, the lost jobs that have results count as completed, whatever the queue holds
      await wipe();
      expect(await runJobCounts(qdeps, sub.runId)).toMatchObject({ completed: sub.batches, lost: 0 });
      const again = await followQueuedRun(sub.runId, qdeps);
      expect(again.failedBatches).toEqual([]);
      expect(again.json).toEqual(got.json);
    }, 60_000);
  },
);
