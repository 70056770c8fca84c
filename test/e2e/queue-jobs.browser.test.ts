import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { UnrecoverableError, Worker } from 'bullmq';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJobCounts, submitQueuedRun } from '../../src/app/redteam/queued.js';
import { starterPaths } from '../../src/app/redteam/starter.js';
import { loadKb } from '../../src/kb/index.js';
import { connectReady } from '../../src/queue/bullmq/connection.js';
import { RunQueue } from '../../src/queue/bullmq/queue.js';
import { queueAddress, redteamQueuePort } from '../../src/queue/bullmq/redteam-port.js';
import { createApp } from '../../src/server/app.js';
import { redteamDashboardSource } from '../../src/server/redteam-source.js';
import { openStore, type Store } from '../../src/store/index.js';
import { launchChromium } from '../helpers/browser.js';
import { dropKeys } from '../helpers/redis.js';
import { throwAwaySchema } from '../helpers/store-drivers.js';

/**
 * The run page shows a queued run's batches by state (real Redis, real PostgreSQL, real headless
 * Chromium); a dashboard started without --queue needs no Redis and says so.
 */
const REDIS = process.env.BEIAN_TEST_REDIS_URL;
const PG = process.env.BEIAN_TEST_PG_URL;
const kb = loadKb();
const cleanups: Array<() => Promise<void> | void> = [];
let store: Store;
let ctx: BrowserContext;
let page: Page;
let runId = '';
let batches = 0;
let withQueue = '';
let withoutQueue = '';
let expected: Awaited<ReturnType<typeof runJobCounts>>;
let runQueue: RunQueue;

function listen(app: ReturnType<typeof createApp>): Promise<string> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      cleanups.push(() => void server.close());
      resolve(`http://127.0.0.1:${info.port}`);
    });
  });
}

beforeAll(async () => {
  if (!REDIS || !PG) return;
  const schema = await throwAwaySchema(PG, 'fleet_web');
  store = await openStore(schema.url);
  const address = queueAddress(REDIS, `beian-fleet-${randomBytes(4).toString('hex')}`);
  const redis = await connectReady(address.url);
  runQueue = new RunQueue(redis, address.names);
  const port = redteamQueuePort(redis, runQueue, address.names);
  cleanups.push(async () => {
    await runQueue.queue.obliterate({ force: true });
    await runQueue.close();
    redis.disconnect();
    await dropKeys(REDIS, `${address.names.prefix}:*`);
    await store.close();
    await schema.drop();
  });
  const deps = { store, kb, fetch, env: {}, now: () => new Date(), queue: port };
  const target = {
    type: 'openai' as const,
    baseUrl: 'http://127.0.0.1:9/v1',
    model: 'mock',
    params: {},
    concurrency: 1,
    timeoutMs: 1000,
    retries: 0,
    maxResponseBytes: 1000,
  };
  const sub = await submitQueuedRun({ bankFiles: starterPaths(), sample: 4, targets: [target] }, deps, {
    batchSize: 2,
  });
  runId = sub.runId;
  batches = sub.batches;
  // one worker fails the first batch it takes for good, then stops: the rest stay waiting
  const conn = await connectReady(address.url);
  const failedOne = new Promise<void>((resolve) => {
    const w = new Worker(
      address.names.name,
      async () => {
        throw new UnrecoverableError('poisoned batch');
      },
      { connection: conn, prefix: address.names.prefix, autorun: false },
    );
    w.on('failed', () => {
      void w.close(true).then(() => {
        conn.disconnect();
        resolve();
      });
    });
    void w.run();
  });
  await failedOne;
  expected = await runJobCounts({ queue: port, store }, runId);
  const jobs = { runJobs: (id: string) => runJobCounts({ queue: port, store }, id) };
  const base = { store, kb, clock: () => new Date(), lang: 'zh' as const, auth: {}, loopbackOnly: true };
  withQueue = await listen(
    createApp({ ...base, redteam: redteamDashboardSource(store, kb, base.clock), jobs }),
  );
  withoutQueue = await listen(createApp({ ...base, redteam: redteamDashboardSource(store, kb, base.clock) }));
  ctx = await launchChromium();
  page = await ctx.newPage();
}, 60_000);

afterAll(async () => {
  await ctx?.close();
  for (const c of cleanups.reverse()) await c();
});

describe.skipIf(!REDIS || !PG)(
  'queue jobs on the run page (BEIAN_TEST_REDIS_URL and BEIAN_TEST_PG_URL set)',
  () => {
    it('shows waiting, active, completed and failed batches of the run', async () => {
      expect(expected?.failed).toBeGreaterThanOrEqual(1);
      expect(batches).toBeGreaterThanOrEqual(3);
      // a worker closed mid-take may leave one batch active until BullMQ's stall check hands it back
      const e = expected!;
      expect(e.waiting + e.active + e.completed + e.failed).toBe(batches);
      expect(e.lost).toBe(0);
      await page.goto(`${withQueue}/redteam/${runId}`);
      const cell = (s: string) => page.locator(`#queue-jobs tr[data-state=${s}] td`).textContent();
      expect(await page.locator('#queue-jobs h2').textContent()).toBe('队列任务');
      expect(await cell('waiting')).toBe(String(expected!.waiting));
      expect(await cell('failed')).toBe(String(expected!.failed));
      expect(await cell('active')).toBe(String(expected!.active));
      expect(await cell('completed')).toBe('0');
      const json = await (await fetch(`${withQueue}/redteam/${runId}/jobs`)).json();
      expect(json).toEqual({ runId, jobs: expected });
    });

    it('counts a batch the queue lost (and the store cannot account for) as lost, not failed', async () => {
      // what a Redis restarted without its data leaves: the job is gone, the store has no result
      const [gone] = await runQueue.queue.getJobs(['waiting']);
      expect(gone).toBeDefined();
      await gone!.remove();
      await page.goto(`${withQueue}/redteam/${runId}`);
      const cell = (s: string) => page.locator(`#queue-jobs tr[data-state=${s}] td`).textContent();
      expect(await cell('lost')).toBe('1');
      expect(await cell('failed')).toBe(String(expected!.failed));
      expect(await cell('waiting')).toBe(String(expected!.waiting - 1));
      expect(await page.locator('#queue-jobs').textContent()).toContain('队列已丢失');
    });

    it('without --queue the page says the queue is not configured', async () => {
      await page.goto(`${withoutQueue}/redteam/${runId}`);
      expect(await page.locator('#queue-jobs').textContent()).toContain('未配置队列');
      expect((await fetch(`${withoutQueue}/redteam/${runId}/jobs`)).status).toBe(404);
    });
  },
);
