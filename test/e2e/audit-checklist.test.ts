import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRICE_COLUMNS } from '../fixtures/fairness/generate.js';
import { runCli } from '../helpers/cli.js';

const demo = join(import.meta.dirname, '../../examples/demo/beian.yaml');

describe('beian audit checklist', () => {
  const dir = mkdtempSync(join(tmpdir(), 'beian-checklist-'));
  const db = join(dir, 'beian.db');

  it('scores the demo checklist; a stored failing price audit contradicts the "yes" (exit 1)', () => {
    const price = runCli([
      'audit',
      'price',
      join(import.meta.dirname, '../../examples/demo/decisions.csv'),
      ...PRICE_COLUMNS,
      '--time',
      'ts',
      '--reference',
      'new',
      '--service',
      'shop-search',
      '--db',
      db,
      '--json',
    ]);
    expect(price.code).toBe(1);
    const r = runCli([
      'audit',
      'checklist',
      '--config',
      demo,
      '--service',
      'shop-search',
      '--db',
      db,
      '--json',
    ]);
    expect(r.code).toBe(1);
    const rep = JSON.parse(r.stdout) as {
      results: { completeness: number; gaps: { item: string; kind: string; blocking: boolean }[] }[];
    };
    expect(rep.results).toHaveLength(1);
    expect(rep.results[0]!.completeness).toBe(1);
    expect(rep.results[0]!.gaps).toContainEqual(
      expect.objectContaining({
        item: 'fairness.no-price-discrimination',
        kind: 'audit-failed',
        blocking: true,
      }),
    );
  });

  it('names an unknown item by its path (exit 2)', () => {
    const file = join(dir, 'beian.yaml');
    writeFileSync(
      file,
      readFileSync(demo, 'utf8').replace(
        'transparency.notice: { status: "yes", evidence: [docs/evidence/search-notice.png] }',
        'transparency.noticed: { status: "yes" }',
      ),
    );
    const r = runCli(['--lang', 'en', 'audit', 'checklist', '--config', file, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('checklist[0].answers.transparency.noticed');
  });
});

describe('beian demo: fairness step', () => {
  it('finds exactly the planted price issue in the shipped decision log and scores the demo checklist', () => {
    const dir = mkdtempSync(join(tmpdir(), 'beian-demo-fair-'));
    const r = runCli(
      ['demo', '--json', '--steps', 'fairness', '--out', join(dir, 'out'), '--db', join(dir, 'b.db')],
      {
        cwd: dir,
      },
    );
    const out = JSON.parse(r.stdout) as { steps: { id: string; ok: boolean }[] };
    expect(out.steps.find((s) => s.id === 'fairness')?.ok).toBe(true);
    const fair = JSON.parse(readFileSync(join(dir, 'out', 'fairness.json'), 'utf8')) as {
      price: { flags: { group: string }[]; details: { comparisons: { drivers: { item: string }[] }[] } };
      disparity: { flags: unknown[] };
      checklist: { results: { service: string }[] };
    };
    expect(fair.price.flags.map((f) => f.group)).toEqual(['returning']);
    expect(fair.price.details.comparisons[0]!.drivers.map((d) => d.item).sort()).toEqual([
      'SKU00001',
      'SKU00002',
      'SKU00004',
    ]);
    expect(fair.disparity.flags).toEqual([]);
    expect(fair.checklist.results.map((x) => x.service)).toEqual(['shop-search', 'video-feed']);
  });
  it('heads the gaps table with the checklist item, not a shop item', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'beian-checklist-')), 'beian.db');
    const r = runCli(['audit', 'checklist', '--config', demo, '--no-save', '--db', db]);
    expect(r.code).toBe(1);
    const header = r.stdout.split('\n').find((l) => l.includes('自评估条目'));
    expect(header, r.stdout).toBeDefined();
    expect(r.stdout).not.toContain('商品');
    expect(
      runCli(['audit', 'checklist', '--config', demo, '--no-save', '--db', db, '--lang', 'en']).stdout,
    ).toContain('checklist item');
  });
});
