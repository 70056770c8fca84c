import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';

const DEMO = new URL('../../examples/demo/beian.yaml', import.meta.url).pathname;

function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'beian-reg-'));
  copyFileSync(DEMO, join(dir, 'beian.yaml'));
  return dir;
}

describe('beian registry / deadlines / audit-log (built CLI)', () => {
  it('syncs idempotently, refuses invalid moves with exit 2, records valid ones', () => {
    const cwd = workdir();
    const first = runCli(['registry', 'sync', '--json'], { cwd });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).services.added).toHaveLength(4);
    const again = runCli(['registry', 'sync', '--json'], { cwd });
    expect(JSON.parse(again.stdout).unchanged).toBe(true);
    // The demo records a filing number for video-feed (it starts at "filed"); shop-search starts at "assessing".
    expect(
      JSON.parse(
        runCli(['registry', 'show', 'video-feed:feed-recommender:algorithm-filing', '--json'], { cwd })
          .stdout,
      ).filing.state,
    ).toBe('filed');
    const id = 'shop-search:product-search-ranking:algorithm-filing';
    const bad = runCli(['registry', 'move', id, 'published', '--by', '王芳'], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('允许的变更：preparing');
    expect(runCli(['registry', 'move', id, 'preparing', '--by', '王芳'], { cwd }).code).toBe(0);
    const shown = JSON.parse(runCli(['registry', 'show', id, '--json'], { cwd }).stdout);
    expect(shown.filing.state).toBe('preparing');
    expect(shown.transitions[0]).toMatchObject({ from: 'assessing', to: 'preparing', actor: '王芳' });
    expect(shown.next).toContain('submitted');
  });

  it('prints the deadlines contract and an iCalendar file', () => {
    const cwd = workdir();
    runCli(['registry', 'sync'], { cwd });
    const r = runCli(['deadlines', '--json', '--today', '2026-11-25', '--ics', 'due.ics'], { cwd });
    expect(r.code).toBe(0);
    const { due } = JSON.parse(r.stdout);
    for (const d of due)
      expect(Object.keys(d)).toEqual(
        expect.arrayContaining(['service', 'filing', 'kind', 'dueDate', 'overdue']),
      );
    // Launched 2025-06-01 (a Sunday); 2 June was the Dragon Boat holiday: the 10th working day is 16 June.
    const of = (id: string) => due.find((d: { service: string }) => d.service === id);
    expect(of('shop-search')).toMatchObject({ dueDate: '2025-06-16', overdue: true });
    expect(of('writing-app')).toMatchObject({ dueDate: '2026-12-04', overdue: false });
    const ics = readFileSync(join(cwd, 'due.ics'), 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('DTSTART;VALUE=DATE:20250616');
  });

  it('audit-log verify passes, then fails with exit 1 after a direct database edit', () => {
    const cwd = workdir();
    runCli(['registry', 'sync'], { cwd });
    runCli(
      ['registry', 'move', 'shop-search:product-search-ranking:algorithm-filing', 'preparing', '--by', 'a'],
      { cwd },
    );
    expect(runCli(['audit-log', 'verify'], { cwd }).code).toBe(0);
    const db = new Database(join(cwd, '.beian', 'beian.db'));
    db.prepare(
      "update audit_log set details_json = replace(details_json, 'preparing', 'published') where seq = 2",
    ).run();
    db.close();
    const r = runCli(['audit-log', 'verify', '--json'], { cwd });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).problems).toEqual([{ seq: 2, problem: 'hash-mismatch' }]);
  });

  it('attaches evidence by sha256 once and detects altered content', () => {
    const cwd = workdir();
    runCli(['registry', 'sync'], { cwd });
    const a = JSON.parse(
      runCli(['registry', 'attach', 'video-feed:feed-recommender:algorithm-filing', DEMO, '--json'], { cwd })
        .stdout,
    );
    const b = JSON.parse(
      runCli(['registry', 'attach', 'shop-search:product-search-ranking:algorithm-filing', DEMO, '--json'], {
        cwd,
      }).stdout,
    );
    expect(a.sha256).toBe(b.sha256);
    expect([a.stored, b.stored]).toEqual([true, false]);
    expect(runCli(['registry', 'evidence', a.sha256], { cwd }).code).toBe(0);
    const db = new Database(join(cwd, '.beian', 'beian.db'));
    db.prepare('update registry_evidence set content_base64 = ?').run(
      Buffer.from('forged').toString('base64'),
    );
    db.close();
    expect(runCli(['registry', 'evidence', a.sha256], { cwd }).code).toBe(1);
  });

  it('never prints a database password', () => {
    const r = runCli(['registry', 'list', '--db', 'postgres://beian:s3cr3t-pw@127.0.0.1:1/beian'], {
      cwd: workdir(),
    });
    expect(r.code).toBe(3);
    expect(r.stderr + r.stdout).not.toContain('s3cr3t-pw');
    expect(r.stderr).toContain('***');
  });

  it('serve: refuses a non-loopback host without a token (exit 2), answers /healthz on loopback', async () => {
    const cwd = workdir();
    expect(
      runCli(['serve', '--host', '0.0.0.0', '--port', '0'], { cwd, env: { BEIAN_TOKEN: '' } }).code,
    ).toBe(2);
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
      cwd,
      env: { ...process.env, BEIAN_LANG: 'en' },
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
          if (m) resolve(m[0]);
        });
        child.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
      });
      expect((await fetch(`${url}healthz`)).status).toBe(200);
      const html = await (await fetch(url)).text();
      expect(html).toContain('短视频信息流推荐');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
