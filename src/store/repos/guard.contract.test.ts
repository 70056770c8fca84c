import { describe, expect, it } from 'vitest';
import { storeDrivers } from '../../../test/helpers/store-drivers.js';
import { interceptionCounts, listInterceptions, purgeInterceptions, saveInterceptions } from './guard.js';

/** The guard's interception records on SQLite and, with BEIAN_TEST_PG_URL, PostgreSQL (own schema). */
const drivers = storeDrivers('beian-guard-store-');

describe.each(drivers)('guard records: %s', (_name, open) => {
  it('saves, counts per day and risk in SQL, lists newest first and purges by retention', async () => {
    const store = await open();
    const rec = (iso: string, risk: string, action: string) => ({
      at: new Date(iso),
      direction: 'input',
      risk,
      keyword: '紫色暗号',
      keywordId: 'own.txt:2',
      action,
      userHash: 'abcd',
      excerpt: '…紫色暗号…',
    });
    await saveInterceptions(store, [
      rec('2026-05-01T01:00:00Z', 'A.1.8', 'block'),
      rec('2026-11-20T01:00:00Z', 'A.1.8', 'block'),
      rec('2026-11-20T02:00:00Z', 'A.1.8', 'block'),
      rec('2026-11-21T02:00:00Z', 'A.2.5', 'mask'),
    ]);
    const counts = await interceptionCounts(store, new Date('2026-11-01T00:00:00Z'));
    expect(counts.sort((a, b) => a.day.localeCompare(b.day))).toEqual([
      { day: '2026-11-20', risk: 'A.1.8', direction: 'input', action: 'block', n: 2 },
      { day: '2026-11-21', risk: 'A.2.5', direction: 'input', action: 'mask', n: 1 },
    ]);
    expect((await listInterceptions(store, new Date('2026-01-01T00:00:00Z'), 2)).map((r) => r.at)).toEqual([
      '2026-11-21T02:00:00.000Z',
      '2026-11-20T02:00:00.000Z',
    ]);
    expect(await purgeInterceptions(store, new Date('2026-06-01T00:00:00Z'))).toBe(1);
    expect((await listInterceptions(store, new Date(0), 10)).length).toBe(3);
    await store.close();
  });
});
