import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { PRICE_COLUMNS, priceLog, writeLog } from '../fixtures/fairness/generate.js';
import { runCli } from '../helpers/cli.js';

const F = join(import.meta.dirname, '../fixtures/fairness');
const dir = mkdtempSync(join(tmpdir(), 'beian-audit-'));
const db = join(dir, 'beian.db');
const price = (file: string, ...extra: string[]) =>
  runCli(['audit', 'price', file, ...PRICE_COLUMNS, '--time', 'ts', '--window', '7d', '--db', db, ...extra]);

interface Report {
  rows: number;
  validRows: number;
  malformed: { line: number; column?: string }[];
  malformedCount: number;
  flags: { metric: string; group: string; reference: string; value: number; ci: [number, number] }[];
}

describe('beian audit price', () => {
  it('flags the planted uplift for returning users, with the contract fields', () => {
    const r = price(join(F, 'price-biased.csv'), '--reference', 'new', '--json');
    expect(r.code).toBe(1);
    const rep = JSON.parse(r.stdout) as Report;
    expect(rep.rows).toBe(3000);
    expect(rep.malformed).toEqual([]);
    expect(rep.flags).toHaveLength(1);
    expect(rep.flags[0]).toMatchObject({ metric: 'price-difference', group: 'returning', reference: 'new' });
    expect(rep.flags[0]!.ci).toHaveLength(2);
  });

  it('raises nothing on the fair fixture (exit 0) and prints a summary', () => {
    const r = price(join(F, 'price-fair.csv'), '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Nothing found.');
  });

  describe('a fair log of 200k rows', () => {
    const big = join(dir, 'fair-200k.csv');
    beforeAll(async () => {
      await writeLog(big, priceLog({ rows: 200_000, seed: 99, items: 300 }));
    });
    it('raises no flag', () => {
      const r = price(big, '--json', '--no-save');
      expect(r.stderr).toBe('');
      const rep = JSON.parse(r.stdout) as Report;
      expect(rep.rows).toBe(200_000);
      expect(rep.flags).toEqual([]);
      expect(r.code).toBe(0);
    });
  });

  it('reports unparseable values with line numbers, audits the rest, exits 2', () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(
      file,
      [
        'sku,price,user_type,ts',
        'A,10,new,2026-10-01T10:00:00Z',
        'A,ten,returning,2026-10-01T11:00:00Z',
        'A,"1,100.5",returning,2026-10-01T12:00:00Z',
        'A,10,new,not-a-time',
        'B,,new,2026-10-01T12:00:00Z',
      ].join('\n'),
    );
    const r = price(file, '--json');
    expect(r.code).toBe(2);
    const rep = JSON.parse(r.stdout) as Report;
    expect(rep.rows).toBe(5);
    expect(rep.validRows).toBe(2);
    expect(rep.malformed.map((m) => [m.line, m.column])).toEqual([
      [3, 'price'],
      [5, 'ts'],
      [6, 'price'],
    ]);
  });

  it('exits 2 naming the missing column and the columns the file has', () => {
    const r = runCli([
      'audit',
      'price',
      join(F, 'price-fair.csv'),
      '--item',
      'product',
      '--price',
      'price',
      '--group',
      'user_type',
      '--no-save',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有列 “product”');
    expect(r.stderr).toContain('order_id, user_id');
    expect(r.stderr).toContain('sku');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reads JSONL and writes an HTML report that escapes names from the log', () => {
    const file = join(dir, 'log.jsonl');
    const lines: string[] = [];
    for (let i = 0; i < 40; i++) {
      lines.push(JSON.stringify({ sku: `S${i % 4}`, price: 100, user_type: '<script>x</script>' }));
      lines.push(JSON.stringify({ sku: `S${i % 4}`, price: 100, user_type: 'new' }));
    }
    lines.splice(3, 0, '{not json');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const html = join(dir, 'price.html');
    const r = runCli(['audit', 'price', file, ...PRICE_COLUMNS, '--html', html, '--json', '--no-save']);
    const rep = JSON.parse(r.stdout) as Report;
    expect(rep.malformed[0]!.line).toBe(4);
    expect(r.code).toBe(2);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<svg');
    expect(page).toContain('&lt;script&gt;');
    expect(page).not.toContain('<script>');
  });

  it('stores the results as evidence', () => {
    const rows = new Database(db, { readonly: true })
      .prepare('select kind, failed, flag_count from fairness_audits order by created_at')
      .all() as { kind: string; failed: number }[];
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.some((x) => x.kind === 'price' && x.failed === 1)).toBe(true);
  });
});

describe('beian audit disparity', () => {
  const disparity = (file: string, ...extra: string[]) =>
    runCli([
      'audit',
      'disparity',
      join(F, file),
      '--outcome',
      'approved',
      '--group',
      'gender',
      '--group',
      'age_band,region',
      '--json',
      '--no-save',
      ...extra,
    ]);

  it('flags the planted gender disparity with the four-fifths rule', () => {
    const r = disparity('decisions-biased.csv', '--label', 'qualified');
    expect(r.code).toBe(1);
    const rep = JSON.parse(r.stdout) as Report;
    expect(rep.flags.find((f) => f.metric === 'disparate-impact')).toMatchObject({
      group: '女',
      reference: '男',
    });
    expect(rep.flags.every((f) => (f as unknown as { attribute: string }).attribute === 'gender')).toBe(true);
  });

  it('raises nothing on the fair fixture', () => {
    const r = disparity('decisions-fair.csv', '--label', 'qualified', '--rank', 'rank');
    expect(JSON.parse(r.stdout).flags).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('needs an outcome or a rank', () => {
    const r = runCli(['audit', 'disparity', join(F, 'decisions-fair.csv'), '--group', 'gender', '--no-save']);
    expect(r.code).toBe(2);
  });
});
