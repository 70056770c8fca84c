import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { type FuzzCase, makeMalformedCorpus, makeXlsxBombs } from './malformed.js';

/**
 * Every reader against the malformed corpus of issue #21, as a user runs it: the built CLI in a
 * child process with a time limit, its peak RSS measured. A correct program reports bad input
 * (exit 2, or the malformed lines in its report) and goes on: never exit 70, never a stack
 * trace, never a hang, memory bounded, every planted valid record still counted.
 */
const PROBE = fileURLToPath(new URL('./rss-probe.cjs', import.meta.url));
// a hang guard, not a speed check: the gzip bomb's 134 M one-letter records through `pii --redact`
// took 83-90 s on a 2-core machine shared with a dozen other jobs
const TIME_LIMIT_MS = 180_000;
const RSS_LIMIT_KIB = 768 * 1024;
const STACK = /^\s+at .+(:\d+:\d+\)?)$|node:internal/m;

interface Outcome {
  code: number | null;
  signal: string | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  maxRssKiB: number;
}

function run(args: readonly string[], cwd: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--require', PROBE, BIN, ...args], {
      cwd,
      env: { ...process.env, BEIAN_LANG: 'en', BEIAN_DB: join(cwd, 'fuzz.db'), BEIAN_DEBUG: undefined },
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => {
      if (stdout.length < 4_000_000) stdout += d.toString('utf8');
    });
    child.stderr.on('data', (d: Buffer) => {
      if (stderr.length < 200_000) stderr += d.toString('utf8');
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, TIME_LIMIT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const rss = /\[beian-fuzz\] maxrss=(\d+)/.exec(stderr);
      resolve({ code, signal, timedOut, stdout, stderr, maxRssKiB: rss ? Number(rss[1]) : 0 });
    });
  });
}

function at(value: unknown, path: readonly string[]): unknown {
  let v = value;
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/** Failures per reader, printed at the end for the closing note. */
const tally = new Map<string, { tried: number; failed: number }>();

function check(c: FuzzCase, o: Outcome): string[] {
  const problems: string[] = [];
  if (o.timedOut) problems.push(`no answer within ${TIME_LIMIT_MS / 1000} s`);
  else if (o.signal) problems.push(`killed by ${o.signal}`);
  else if (!c.exits.includes(o.code ?? -1)) problems.push(`exit ${o.code} (expected ${c.exits.join('/')})`);
  if (STACK.test(o.stderr)) problems.push('stack trace on stderr');
  if (o.maxRssKiB > RSS_LIMIT_KIB) problems.push(`peak RSS ${Math.round(o.maxRssKiB / 1024)} MB`);
  if (c.planted && !o.timedOut) {
    let counted: unknown;
    try {
      counted = at(JSON.parse(o.stdout), c.planted.path);
    } catch {
      counted = undefined;
    }
    if (typeof counted !== 'number' || counted < c.planted.count)
      problems.push(`counted ${String(counted)} of ${c.planted.count} planted valid records`);
  }
  return problems;
}

const dir = mkdtempSync(join(tmpdir(), 'beian-fuzz-'));
const cases = makeMalformedCorpus(dir);
cases.push(...(await makeXlsxBombs(dir)));

describe('every reader survives the malformed corpus (issue #21)', () => {
  afterAll(() => {
    const rows = [...tally].map(([reader, t]) => `${reader}: ${t.tried} tried, ${t.failed} failed`);
    console.log(`[beian-fuzz] per reader\n  ${rows.join('\n  ')}`);
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(cases.map((c) => [c.id, c] as const))(
    '%s',
    async (_id, c) => {
      const o = await run(c.args, dir);
      const problems = check(c, o);
      const t = tally.get(c.reader) ?? { tried: 0, failed: 0 };
      t.tried++;
      if (problems.length > 0) t.failed++;
      tally.set(c.reader, t);
      expect(problems, `${c.args.join(' ').slice(0, 200)}\n${o.stderr.slice(0, 1500)}`).toEqual([]);
    },
    TIME_LIMIT_MS + 30_000,
  );
});
