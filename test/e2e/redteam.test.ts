import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { starterPaths } from '../../src/app/redteam/starter.js';
import { type MockServer, startMockModel } from '../../src/testing/mock-model.js';
import { BIN, runCli } from '../helpers/cli.js';

/** Runs the built CLI asynchronously (the mock model lives in this process and must keep serving). */
function runAsync(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, BEIAN_LANG: undefined, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => {
    stdout += b.toString();
  });
  child.stderr.on('data', (b: Buffer) => {
    stderr += b.toString();
  });
  const done = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

function countResults(db: string): { rows: number; distinct: number } {
  try {
    const conn = new SQLite(db, { readonly: true, fileMustExist: true });
    try {
      const r = conn
        .prepare('select count(*) as n, count(distinct case_key) as d from redteam_results')
        .get() as { n: number; d: number };
      return { rows: r.n, distinct: r.d };
    } finally {
      conn.close();
    }
  } catch {
    return { rows: 0, distinct: 0 };
  }
}

describe('beian redteam (CLI, against a misbehaving local model)', () => {
  let mock: MockServer;
  const dir = mkdtempSync(join(tmpdir(), 'beian-rt-'));
  const db = join(dir, 'rt.db');
  const banks = starterPaths();
  const total = banks
    .map((f) => readFileSync(f, 'utf8').trim().split('\n').length)
    .reduce((a, b) => a + b, 0);

  beforeAll(async () => {
    mock = await startMockModel({
      latencyMs: 15,
      faults: { 'rate-limit': 0.03, 'server-error': 0.03, malformed: 0.02, truncated: 0.02, huge: 0.005 },
      retryAfterSeconds: 0.05,
      hugeBytes: 300_000,
    });
  });
  afterAll(async () => {
    await mock.close();
  });

  const args = () => [
    'redteam',
    'run',
    '--base-url',
    mock.url,
    '--model',
    'mock',
    '--api-key-env',
    'MOCK_KEY',
    ...banks.flatMap((b) => ['--bank', b]),
    '--concurrency',
    '32',
    '--retries',
    '6',
    '--timeout',
    '5000',
    '--db',
    db,
    '--json',
  ];

  it('runs the full starter banks, survives SIGKILL, resumes with nothing lost or counted twice', async () => {
    const first = runAsync(args(), { MOCK_KEY: 'sk-test-SECRET-123' });
    // kill -9 once a good share of results is durable
    for (;;) {
      await new Promise((r) => setTimeout(r, 100));
      if (countResults(db).rows >= 800) break;
    }
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');
    const afterKill = countResults(db);
    expect(afterKill.rows).toBeGreaterThanOrEqual(800);
    expect(afterKill.rows).toBeLessThan(total);

    const second = await runAsync(args(), { MOCK_KEY: 'sk-test-SECRET-123' }).done;
    expect(second.stderr).not.toMatch(/\n\s+at /);
    const json = JSON.parse(second.stdout) as {
      runId: string;
      total: number;
      completed: number;
      errors: number;
      resumed: boolean;
      ranNow: number;
      banks: Record<
        string,
        { n: number; errors: number; rate: number; ci: [number, number]; threshold: number; pass: boolean }
      >;
      byRisk: Record<string, unknown>;
    };
    expect(json.resumed).toBe(true);
    expect(json.total).toBe(total);
    expect(json.completed + json.errors).toBe(total);
    expect(json.ranNow).toBeLessThanOrEqual(total - afterKill.rows + json.errors);
    const final = countResults(db);
    expect(final.rows).toBe(total);
    expect(final.distinct).toBe(total);
    expect(Object.keys(json.banks).sort()).toEqual(['generation', 'should-not-refuse', 'should-refuse']);
    // every planned case of each bank is either judged or an error: none missing, none extra
    expect(json.banks['should-refuse']!.n + json.banks['should-refuse']!.errors).toBe(510);
    expect(json.banks['should-not-refuse']!.n + json.banks['should-not-refuse']!.errors).toBe(546);
    expect(json.banks.generation!.n + json.banks.generation!.errors).toBe(2418);
    expect(Object.keys(json.byRisk)).toHaveLength(31 + 13);
    expect([0, 1, 3]).toContain(second.code);

    // the key is never stored
    const raw = readFileSync(db);
    expect(raw.includes('sk-test-SECRET-123')).toBe(false);

    // the third run resumes a complete run: nothing new is asked
    const requestsBefore = mock.stats.requests;
    const third = await runAsync(args(), { MOCK_KEY: 'sk-test-SECRET-123' }).done;
    const j3 = JSON.parse(third.stdout) as { ranNow: number; completed: number };
    expect(j3.ranNow).toBe(json.errors);
    if (json.errors === 0) expect(mock.stats.requests).toBe(requestsBefore);

    // reports: HTML (escaped), XLSX, JUnit
    const html = join(dir, 'r.html');
    const xlsx = join(dir, 'r.xlsx');
    const junit = join(dir, 'r.xml');
    const rep = runCli([
      'redteam',
      'report',
      json.runId,
      '--db',
      db,
      '--html',
      html,
      '--xlsx',
      xlsx,
      '--junit',
      junit,
      '--json',
    ]);
    expect([0, 1]).toContain(rep.code);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<svg');
    expect(page).not.toContain('<script');
    expect(readFileSync(junit, 'utf8')).toContain('<testsuite name="should-refuse"');
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
  }, 120_000);

  it('records a human review beside the machine verdict', () => {
    const list = JSON.parse(runCli(['redteam', 'runs', '--db', db, '--json']).stdout) as {
      runs: { id: string }[];
    };
    const runId = list.runs[0]!.id;
    const key = 'openai:mock|starter-ref-A.1.1-001';
    const r = runCli([
      'redteam',
      'review',
      runId,
      key,
      '--verdict',
      'fail',
      '--reviewer',
      '李华',
      '--comment',
      '<b>复核</b>',
      '--db',
      db,
      '--json',
    ]);
    expect(r.code).toBe(0);
    const rev = JSON.parse(r.stdout) as { verdict: string; machineVerdict: string };
    expect(rev.verdict).toBe('fail');
    const conn = new SQLite(db, { readonly: true });
    const machine = conn.prepare('select verdict from redteam_results where case_key = ?').get(key) as {
      verdict: string;
    };
    // a second should-refuse case, reviewed against its machine outcome (refused = met the expectation)
    const other = conn
      .prepare(
        "select case_key, verdict from redteam_results where kind = 'should-refuse' and case_key != ? limit 1",
      )
      .get(key) as { case_key: string; verdict: string };
    conn.close();
    expect(machine.verdict).toBe(rev.machineVerdict);
    const flipped = other.verdict === 'refused' ? 'fail' : 'refused';
    const second = runCli(
      ['redteam', 'review', runId, other.case_key, '--verdict', flipped, '--reviewer', '王芳', '--db', db],
      {},
    );
    expect(second.code).toBe(0);
    const rep = JSON.parse(runCli(['redteam', 'report', runId, '--db', db, '--json']).stdout) as {
      overrides: number;
      review: {
        reviewed: number;
        agreeing: number;
        rate: number;
        byJudge: Record<string, { reviewed: number }>;
      };
    };
    expect(rep.overrides).toBe(2);
    // the first review agrees when the machine also said "answered" (fail); the second never does
    const firstAgrees = machine.verdict === 'fail' ? 1 : 0;
    expect(rep.review).toMatchObject({ reviewed: 2, agreeing: firstAgrees, rate: firstAgrees / 2 });
    expect(Object.values(rep.review.byJudge).reduce((n, j) => n + j.reviewed, 0)).toBe(2);
    const bad = runCli([
      'redteam',
      'review',
      runId,
      'no|such',
      '--verdict',
      'fail',
      '--reviewer',
      'x',
      '--db',
      db,
    ]);
    expect(bad.code).toBe(2);
  });

  it('bank stats lists what is missing and exits 1; bad rows are located', () => {
    const f = join(dir, 'bad.jsonl');
    writeFileSync(
      f,
      '{"id":"a","text":"问题","kind":"should-refuse","risk":"A.1.1"}\nnot json\n{"id":"b","text":"x","kind":"should-refuse","risk":"A.9.9"}\n',
    );
    const r = runCli(['--lang', 'en', 'redteam', 'bank', 'stats', f]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('A.1.1: have 1, need 20, missing 19');
    expect(r.stderr).toContain('bad.jsonl:2');
    expect(r.stderr).toContain('bad.jsonl:3');
  });

  it('refuses to run without a target or bank (exit 2, no stack)', () => {
    const r = runCli(['redteam', 'run', '--bank', banks[0]!, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a missing --keywords library exits 2 naming the file, before any model call', () => {
    const missing = join(dirname(db), 'no-such-keywords.txt');
    const r = runCli([
      'redteam',
      'run',
      '--bank',
      banks[0]!,
      '--base-url',
      'http://127.0.0.1:9/v1',
      '--model',
      'm',
      '--keywords',
      missing,
      '--db',
      db,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no-such-keywords.txt');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
