import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../open.js';
import type { Store } from '../store.js';
import { labelFailures, labelRun, latestLabelRuns, startLabelRun } from './labels.js';

/** Label-check runs on every driver: SQLite always, PostgreSQL when BEIAN_TEST_PG_URL is set. */
const PG_URL = process.env.BEIAN_TEST_PG_URL;
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function pgFresh(): Promise<Store> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const u = new URL(PG_URL as string);
  u.searchParams.set('options', `-c search_path=${schema}`);
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`drop schema ${schema} cascade`);
    await c.end();
  });
  return openStore(u.toString());
}

const drivers: Array<[string, () => Promise<Store>]> = [
  ['sqlite', () => openStore(join(mkdtempSync(join(tmpdir(), 'beian-labels-')), 'b.db'))],
];
if (PG_URL) drivers.push(['postgres', pgFresh]);

describe.each(drivers)('label runs on %s', (_name, open) => {
  it('streams 1,203 results in batches, keeps the latest run per service and lists failures in order', async () => {
    const store = await open();
    try {
      const old = await startLabelRun(store, {
        inputs: ['/a'],
        service: 'svc',
        platform: false,
        now: new Date('2026-11-01T00:00:00Z'),
      });
      await old.finish({ total: 0, passed: 0, failed: 0, byFormat: {} });
      const run = await startLabelRun(store, {
        inputs: ['/a'],
        service: 'svc',
        platform: true,
        now: new Date('2026-11-02T00:00:00Z'),
      });
      for (let i = 0; i < 1203; i++)
        await run.add({
          file: `/a/${i}.png`,
          format: 'png',
          ok: i % 400 !== 7,
          implicitOk: i % 400 !== 7,
          explicit: 'n/a',
          platformClass: '1',
          issues: i % 400 === 7 ? [{ severity: 'error', code: 'absent' }] : [],
        });
      await run.finish({
        total: 1203,
        passed: 1200,
        failed: 3,
        byFormat: { png: { total: 1203, failed: 3 } },
        byClass: { '1': 1203 },
      });
      const other = await startLabelRun(store, {
        inputs: ['/b'],
        platform: false,
        now: new Date('2026-11-03T00:00:00Z'),
      });
      await other.finish({ total: 0, passed: 0, failed: 0, byFormat: {} });

      const latest = await latestLabelRuns(store);
      expect(latest.map((r) => [r.service, r.total])).toEqual([
        [null, 0],
        ['svc', 1203],
      ]);
      expect(await labelRun(store, run.id)).toMatchObject({
        platform: true,
        failed: 3,
        byClass: { '1': 1203 },
      });
      const f = await labelFailures(store, run.id);
      expect(f.map((x) => x.file)).toEqual(['/a/7.png', '/a/407.png', '/a/807.png']);
      expect(f[0]?.issues).toEqual([{ severity: 'error', code: 'absent' }]);
    } finally {
      await store.close();
    }
  });
});
