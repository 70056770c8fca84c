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

describe('redteamRepo.saveBatch on SQLite', () => {
  /** An error row replaced by a later try, a cache key written twice (first answer kept), a lone surrogate. */
  const writeAll = async (repo: ReturnType<typeof redteamRepo>) => {
    await repo.saveBatch(
      [{ ...row(1), status: 'error', answer: null, error: 'ECONNREFUSED', verdict: 'error' }, row(2)],
      [{ key: 'k1', target_id: 't', model: 'm', answer: 'first', created_at: 'x' }],
    );
    // parent_id and variant absent, as Insertable allows
    const { parent_id: _p, variant: _v, ...bare } = { ...row(1), answer: '半个\ud800字', attempts: 3 };
    await repo.saveBatch(
      [bare],
      [{ key: 'k1', target_id: 't', model: 'm', answer: 'second', created_at: 'y' }],
    );
  };
  const dump = async (store: Awaited<ReturnType<typeof openStore>>) => ({
    results: await store.db.selectFrom('redteam_results').selectAll().orderBy('case_key').execute(),
    cache: await store.db.selectFrom('redteam_cache').selectAll().execute(),
  });

  it('the prepared-statement path stores exactly what the Kysely path stores', async () => {
    const fast = await openStore(':memory:');
    expect(fast.sqlite).toBeDefined();
    await redteamRepo(fast).createRun(runRow({ id: 'r' }));
    await writeAll(redteamRepo(fast));
    // the same store seen without its raw connection (as PostgreSQL is): the query-builder path
    const slow = await openStore(':memory:');
    await redteamRepo(slow).createRun(runRow({ id: 'r' }));
    await writeAll(redteamRepo({ db: slow.db }));
    const got = await dump(fast);
    expect(got).toEqual(await dump(slow));
    expect(got.results).toHaveLength(2);
    expect(got.results[0]).toMatchObject({ status: 'ok', error: null, answer: '半个\uFFFD字', attempts: 3 });
    expect(got.cache).toEqual([{ key: 'k1', target_id: 't', model: 'm', answer: 'first', created_at: 'x' }]);
    await fast.close();
    await slow.close();
  });

  it('waits behind a Kysely transaction open on the same connection instead of joining it', async () => {
    const store = await openStore(':memory:');
    const repo = redteamRepo(store);
    await repo.createRun(runRow({ id: 'r' }));
    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    // a transaction that stays open across turns of the event loop, then rolls back
    const other = store.db.transaction().execute(async (tx) => {
      await redteamRepo({ db: tx }).setRunStatus('r', 'failed', 'y');
      await gate;
      throw new Error('rolled back');
    });
    await new Promise((r) => setImmediate(r));
    expect(store.sqlite?.inTransaction).toBe(true);
    const write = repo.saveBatch([row(1)], []);
    release();
    await expect(other).rejects.toThrow('rolled back');
    await write;
    // written after the other transaction, not inside it (a savepoint would have rolled back too)
    expect(await repo.okKeys('r')).toEqual(new Set([row(1).case_key]));
    expect((await repo.getRun('r'))?.status).toBe('done');
    await store.close();
  });
});
