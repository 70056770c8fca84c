import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { scratchDir } from '../helpers/scratch.js';

const { dir, put } = scratchDir('beian-review-e2e-');
const lib = put('lib.txt', '#! category=A.1.6 severity=3\n色情网站\n');
const clean = (i: number) => `第${i}条记录：今天天气很好，我们去公园散步，联系电话13812345678。`;

describe('scan verdict and manual review', () => {
  it('decides the technical check on the full scan and every source, whatever the seed', () => {
    // 3 of 200 records flagged overall (1.5%, under the 2% bar), but all 3 come from one source of
    // 10 records (30% > 5%): the check fails for that source on every seed.
    const lines = Array.from({ length: 200 }, (_, i) =>
      JSON.stringify(
        i < 3
          ? { text: `免费色情网站 ${i}`, source: 'forum' }
          : { text: clean(i), source: i < 10 ? 'forum' : 'news' },
      ),
    );
    const corpus = put('c.jsonl', `${lines.join('\n')}\n`);
    for (const seed of ['1', '2', '3']) {
      const r = runCli(['scan', corpus, '--lexicon', lib, '--seed', seed, '--json']);
      expect(r.code).toBe(1);
      const j = JSON.parse(r.stdout);
      expect(j).toMatchObject({
        records: 200,
        flagged: 3,
        verdict: 'fail',
        verdictReasons: ['source:forum'],
      });
      expect(j.threshold.passRate).toBeCloseTo(0.985);
    }
    const ok = put('ok.jsonl', `${lines.slice(3).join('\n')}\n`);
    expect(runCli(['scan', ok, '--lexicon', lib, '--json']).code).toBe(0);
  });

  it('treats an input without records as bad input (exit 2)', () => {
    const empty = put('empty.txt', '\n\n');
    const r = runCli(['scan', empty, '--lexicon', lib]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/没有可检测的记录/);
  });

  it('writes the manual sample with PII masked, records the reviewers’ verdicts, and feeds the pass rate back', () => {
    const db = join(dir, 'r.db');
    const lines = Array.from({ length: 120 }, (_, i) => (i === 5 ? '这里有色情网站' : clean(i)));
    const corpus = put('m.txt', `${lines.join('\n')}\n`);
    const sample = join(dir, 'sample.jsonl');
    const r = runCli([
      'scan',
      corpus,
      '--lexicon',
      lib,
      '--save',
      '--db',
      db,
      '--sample-out',
      sample,
      '--json',
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.manualSample).toMatchObject({ size: 120, required: 4000, file: sample });
    const items = readFileSync(sample, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(items).toHaveLength(120);
    expect(items[0]).toMatchObject({ scan: report.id, n: 1, verdict: null });
    expect(items.some((x) => x.text.includes('13812345678'))).toBe(false);
    expect(items.find((x) => x.flagged)?.keywords).toEqual(['色情网站']);

    // a partly reviewed sample: pending items and a bad verdict are reported
    const partly = items.map((x, i) => ({ ...x, verdict: i < 100 ? 'pass' : i === 100 ? 'maybe' : null }));
    writeFileSync(sample, `${partly.map((x) => JSON.stringify(x)).join('\n')}\n`);
    const bad = runCli(['scan', 'review', sample, '--db', db, '--json']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout)).toMatchObject({
      size: 100,
      pending: 19,
      issues: [{ line: 101, path: 'verdict' }],
    });

    const done = items.map((x) => ({ ...x, verdict: x.flagged ? '不合格' : '合格' }));
    writeFileSync(sample, `${done.map((x) => JSON.stringify(x)).join('\n')}\n`);
    const rev = runCli(['scan', 'review', sample, '--db', db, '--reviewer', '张三', '--lang', 'en']);
    // 120 reviewed < 4,000 required: stored, but the manual check is not met
    expect(rev.code).toBe(1);
    expect(rev.stdout).toMatch(/stored with scan/);
    const j = JSON.parse(runCli(['scan', 'review', sample, '--db', db, '--json']).stdout);
    expect(j).toMatchObject({
      size: 120,
      passed: 119,
      failed: 1,
      sampleMin: { ok: false },
      passRateMin: { ok: true },
    });
    expect(runCli(['scan', 'review', join(dir, 'nope.jsonl'), '--db', db]).code).toBe(2);
  });
});
