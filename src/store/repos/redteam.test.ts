import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { resultRow, runRow } from '../../../test/fixtures/redteam-rows.js';
import { openStore } from '../index.js';
import { type ResultRow, redteamRepo } from './redteam.js';

const row = (i: number): ResultRow =>
  resultRow({
    run_id: 'r',
    case_key: `t|q${String(i).padStart(3, '0')}`,
    item_id: `q${String(i).padStart(3, '0')}`,
    category: i % 3 === 0 ? 'A.1.1' : 'A.2.5',
    verdict: i % 2 ? 'refused' : 'fail',
  });

describe('redteamRepo paging', () => {
  it('pages and filters by verdict and risk, counting every match, in a stable order', async () => {
    const store = await openStore(':memory:');
    const repo = redteamRepo(store);
    await repo.createRun(runRow({ id: 'r', total: 900 }));
    await repo.saveBatch(
      Array.from({ length: 900 }, (_, i) => row(i)),
      [],
    );
    const p1 = await repo.resultsPage('r', { offset: 0, limit: 50 });
    expect(p1.total).toBe(900);
    expect(p1.rows).toHaveLength(50);
    const f = await repo.resultsPage('r', { verdict: 'fail', category: 'A.1.1', offset: 100, limit: 100 });
    expect(f.total).toBe(150); // i even and divisible by 3
    expect(f.rows).toHaveLength(50);
    expect(f.rows.every((r) => r.verdict === 'fail' && r.category === 'A.1.1')).toBe(true);
    const all = [];
    for (let o = 0; o < 900; o += 200)
      all.push(...(await repo.resultsPage('r', { offset: o, limit: 200 })).rows);
    expect(new Set(all.map((r) => r.case_key)).size).toBe(900);
    expect(await repo.facets('r')).toEqual({
      verdicts: { fail: 450, refused: 450 },
      categories: { 'A.1.1': 300, 'A.2.5': 600 },
    });
    await store.close();
  });

  it('stores a model answer with a lone surrogate as valid UTF-8 (issue #21)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beian-surrogate-'));
    const file = join(dir, 'beian.db');
    const store = await openStore(file);
    const repo = redteamRepo(store);
    await repo.createRun(runRow({ id: 'r' }));
    await repo.saveBatch([{ ...row(1), answer: '半个\ud800字' }], []);
    await store.close();
    const raw = new Database(file, { readonly: true });
    const bytes = raw.prepare('select cast(answer as blob) as b from redteam_results').get() as { b: Buffer };
    raw.close();
    const text = bytes.b.toString('utf8');
    expect(Buffer.from(text, 'utf8').equals(bytes.b)).toBe(true);
    expect(text).toBe('半个\uFFFD字');
  });
});
