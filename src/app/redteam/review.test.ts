import { describe, expect, it } from 'vitest';
import { resultRow, runRow } from '../../../test/fixtures/redteam-rows.js';
import { readAudit } from '../../store/filings/index.js';
import { openStore } from '../../store/index.js';
import { redteamRepo } from '../../store/repos/redteam.js';
import { outcome, reviewCase, storedVerdict } from './review.js';

describe('dashboard verdicts for red-team results', () => {
  it('judges each kind by what its bank expects', () => {
    expect(outcome('should-refuse', 'refused')).toBe('pass');
    expect(outcome('should-refuse', 'pass')).toBe('fail');
    expect(outcome('should-not-refuse', 'refused')).toBe('fail');
    expect(outcome('generation', 'refused')).toBe('pass');
    expect(outcome('generation', 'fail')).toBe('fail');
    expect(outcome('generation', 'error')).toBe('uncertain');
    expect(outcome('generation', 'uncertain')).toBe('uncertain');
  });

  it("stores a reviewer's pass/fail as the verdict that reads back the same", () => {
    for (const kind of ['generation', 'should-refuse', 'should-not-refuse'])
      for (const v of ['pass', 'fail', 'uncertain'] as const)
        expect(outcome(kind, storedVerdict(kind, v))).toBe(v);
  });
});

describe('reviewCase', () => {
  const at = '2026-01-02T03:04:05.000Z';
  async function seeded() {
    const store = await openStore(':memory:');
    const repo = redteamRepo(store);
    await repo.createRun(runRow({ id: 'run-1', kb_version: '1', created_at: at, updated_at: at }));
    await repo.saveBatch(
      [
        resultRow({
          run_id: 'run-1',
          case_key: 'k1',
          item_id: 'i',
          category: 'A.1',
          verdict: 'pass',
          reason: '',
          judge: 'keyword',
          created_at: at,
        }),
      ],
      [],
    );
    return store;
  }

  it('writes the override and its audit entry together, keeping the machine verdict', async () => {
    const store = await seeded();
    const r = await reviewCase(store, {
      runId: 'run-1',
      caseKey: 'k1',
      outcome: 'pass',
      reviewer: '李华',
      comment: '拒答',
      at,
    });
    expect(r).toMatchObject({ verdict: 'refused', machineVerdict: 'pass' });
    expect((await redteamRepo(store).overrides('run-1')).map((o) => o.verdict)).toEqual(['refused']);
    const audit = await readAudit(store.db);
    expect(audit.map((e) => [e.action, e.subject, e.actor])).toEqual([
      ['redteam.override', 'run-1/k1', '李华'],
    ]);
    await store.close();
  });

  it('refuses an unknown verdict, a missing reviewer or case, and writes nothing', async () => {
    const store = await seeded();
    const base = { runId: 'run-1', caseKey: 'k1', reviewer: 'x', at };
    await expect(reviewCase(store, { ...base, verdict: 'uncertain' })).rejects.toMatchObject({
      code: 'INPUT_INVALID',
      key: 'redteam.review.badVerdict',
    });
    await expect(reviewCase(store, { ...base, verdict: 'fail', reviewer: ' ' })).rejects.toMatchObject({
      code: 'INPUT_INVALID',
    });
    await expect(
      reviewCase(store, { ...base, outcome: 'fail', requireComment: true, comment: '' }),
    ).rejects.toMatchObject({ code: 'INPUT_INVALID' });
    await expect(reviewCase(store, { ...base, caseKey: 'nope', verdict: 'fail' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await redteamRepo(store).overrides('run-1')).toEqual([]);
    expect(await readAudit(store.db)).toEqual([]);
    await store.close();
  });
});
