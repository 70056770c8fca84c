import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { type MockServer, startMockModel } from '../../src/testing/mock-model.js';
import { scaleOut } from '../helpers/scale-out.js';
import { runCliAsync, startCli } from '../helpers/spawn.js';

/**
 * Red-team runs across worker processes (real Redis, real PostgreSQL, the built CLI): the global
 * RPM holds for all workers together, a 429 pauses every worker, and the queued run's report is
 * the local run's.
 */
const fx = scaleOut('fleet');
const { skip, prefix, cleanups, redis: REDIS } = fx;
const banks = ['generation', 'should-refuse', 'should-not-refuse'].map((k) =>
  fileURLToPath(new URL(`../../data/banks/starter-${k}.jsonl`, import.meta.url)),
);

let mock: MockServer;

beforeAll(async () => {
  if (skip) return;
  mock = await startMockModel({ latencyMs: 50, log: true });
  cleanups.push(() => mock.close());
  // the schema is migrated once here, not by three workers racing
  const init = await runCliAsync(['redteam', 'runs', '--db', fx.dbUrl, '--json']);
  expect(init.code, init.stderr).toBe(0);
  const workers = Array.from({ length: 3 }, () =>
    startCli(['worker', '--queue', REDIS, '--queue-prefix', prefix, '--db', fx.dbUrl]),
  );
  cleanups.push(async () => {
    await Promise.all(workers.map((w) => w.stop()));
  });
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve, reject) => {
          const t = setInterval(() => {
            if (w.output().includes('redteam-batch')) {
              clearInterval(t);
              resolve();
            } else if (w.child.exitCode !== null) {
              clearInterval(t);
              reject(new Error(w.output()));
            }
          }, 50);
        }),
    ),
  );
}, 30_000);

const runArgs = (sample: number, rpm: number, concurrency = 4) => [
  'redteam',
  'run',
  ...banks.flatMap((b) => ['--bank', b]),
  '--sample',
  String(sample),
  '--base-url',
  mock.url,
  '--model',
  'mock',
  '--rpm',
  String(rpm),
  '--concurrency',
  String(concurrency),
  '--no-cache',
  '--new',
  '--json',
];
/** The same run on the queue, `batch` cases a job. */
const queuedArgs = (batch: number, ...run: Parameters<typeof runArgs>) => [
  ...runArgs(...run),
  ...['--queue', REDIS, '--queue-prefix', prefix, '--db', fx.dbUrl, '--batch-size', String(batch)],
];

describe.skipIf(skip)(
  'red team across three worker processes (BEIAN_TEST_REDIS_URL and BEIAN_TEST_PG_URL set)',
  () => {
    it('holds the target RPM for all workers together, within 10%', async () => {
      const from = mock.stats.log.length;
      // 60 cases at 600 RPM: ~6 s; three workers each pacing on their own would go at 1,800
      const r = await runCliAsync(queuedArgs(5, 20, 600));
      expect(r.code, r.stderr).toBeLessThan(2);
      const at = mock.stats.log.slice(from).map((l) => l.at);
      expect(at.length).toBe(60);
      const rpm = ((at.length - 1) / (at.at(-1)! - at[0]!)) * 60_000;
      expect(rpm).toBeLessThanOrEqual(600 * 1.1);
      expect(rpm).toBeGreaterThanOrEqual(600 * 0.9);
    }, 40_000);

    it('pauses every worker on a 429 with Retry-After', async () => {
      const from = mock.stats.log.length;
      const run = runCliAsync(queuedArgs(5, 20, 1200));
      // let the workers get going, then answer 429 "retry after 2 s" until the first one is seen
      await new Promise((r) => setTimeout(r, 800));
      mock.configure({ faults: { 'rate-limit': 1 }, retryAfterSeconds: 2 });
      while (!mock.stats.log.slice(from).some((l) => l.fault === 'rate-limit'))
        await new Promise((r) => setTimeout(r, 5));
      mock.configure({ faults: {} });
      const r = await run;
      expect(r.code, r.stderr).toBeLessThan(2);
      const log = mock.stats.log.slice(from);
      const first429 = log.find((l) => l.fault === 'rate-limit')!.at;
      // requests already on the wire (50 ms latency) may still arrive; after that, silence until the pause ends
      const during = log.filter((l) => l.at > first429 + 250 && l.at < first429 + 1900);
      expect(during).toEqual([]);
      expect(log.some((l) => l.at >= first429 + 2000 && l.fault === 'ok')).toBe(true);
      expect(JSON.parse(r.stdout).completed).toBe(60);
    }, 40_000);

    it('gives the report, JSON and exit code of a local run', async () => {
      const local = await runCliAsync([
        ...runArgs(10, 6000, 8),
        '--db',
        join(mkdtempSync(join(tmpdir(), 'beian-fleet-')), 'l.db'),
      ]);
      const queued = await runCliAsync(queuedArgs(4, 10, 6000, 8));
      expect(queued.code).toBe(local.code);
      const strip = (s: string) => {
        const { runId, elapsedMs, ...rest } = JSON.parse(s) as Record<string, unknown>;
        return rest;
      };
      expect(strip(queued.stdout)).toEqual(strip(local.stdout));
    }, 40_000);
  },
);
