import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
      '--item',
      'sku',
      '--price',
      'price',
      '--group',
      'user_type',
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
