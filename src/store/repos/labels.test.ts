import { describe, expect, it } from 'vitest';
import { storeDrivers } from '../../../test/helpers/store-drivers.js';
import { labelFailures, labelRun, latestLabelRuns, startLabelRun } from './labels.js';

/** Label-check runs on every driver: SQLite always, PostgreSQL when BEIAN_TEST_PG_URL is set. */
const drivers = storeDrivers('beian-labels-');

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
