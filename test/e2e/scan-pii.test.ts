import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// `beian scan` reports flagged records with an excerpt: the personal information in it must be
// starred in every output (JSON, HTML report, the `scans` table), keyword offsets unchanged.
describe('beian scan: no raw personal information in its outputs', () => {
  it('stars ID numbers, mobiles and e-mails in the examples of --json, the HTML report and the store', () => {
    const dir = mkdtempSync(join(tmpdir(), 'beian-scan-pii-'));
    const raw = ['11010519491231002X', '13812345678', 'seller@example.com', '4101051990'];
    const file = join(dir, 'c.jsonl');
    writeFileSync(
      file,
      `${JSON.stringify({ text: '出售身份证11010519491231002X，联系13812345678或seller@example.com，办理假证' })}\n${JSON.stringify({ text: '代办假证，号码4101051990开头的也行' })}\n`,
    );
    const html = join(dir, 'r.html');
    const db = join(dir, 'beian.db');
    const r = runCli(['scan', file, '--json', '--sample-fraction', '1', '--out', html, '--save'], {
      cwd: dir,
      env: { BEIAN_DB: db },
    });
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as {
      examples: Array<{
        excerpt: { text: string; offset: number };
        matches: Array<{ keyword: string; start: number; end: number }>;
      }>;
    };
    expect(report.examples.length).toBeGreaterThan(0);
    for (const ex of report.examples)
      for (const m of ex.matches.filter((m) => m.end - ex.excerpt.offset <= ex.excerpt.text.length))
        expect(ex.excerpt.text.slice(m.start - ex.excerpt.offset, m.end - ex.excerpt.offset)).toBe(m.keyword);
    const stored = new SQLite(db, { readonly: true })
      .prepare('SELECT report_json FROM scans')
      .all() as Array<{ report_json: string }>;
    expect(stored).toHaveLength(1);
    for (const text of [r.stdout, readFileSync(html, 'utf8'), stored[0]?.report_json ?? ''])
      for (const v of raw) expect(text).not.toContain(v);
    expect(r.stdout).toContain('******************');
  });
});
