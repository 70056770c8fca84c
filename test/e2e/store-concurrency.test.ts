import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';

const DEMO = new URL('../../examples/demo/beian.yaml', import.meta.url).pathname;

function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'beian-conc-'));
  copyFileSync(DEMO, join(dir, 'beian.yaml'));
  return dir;
}

/** Starts the CLI `n` times at once and resolves with every exit code and stderr. */
function together(n: number, args: (i: number) => string[], cwd: string) {
  return Promise.all(
    Array.from(
      { length: n },
      (_, i) =>
        new Promise<{ code: number | null; stderr: string }>((resolve) => {
          const child = spawn(process.execPath, [BIN, ...args(i)], {
            cwd,
            env: { ...process.env, BEIAN_LANG: 'en' },
          });
          let stderr = '';
          child.stderr.on('data', (d: Buffer) => {
            stderr += d.toString('utf8');
          });
          child.on('close', (code) => resolve({ code, stderr }));
        }),
    ),
  );
}

describe('the SQLite store under concurrent commands (issue #21)', () => {
  it('eight processes opening a fresh database migrate it once, none fails', async () => {
    const cwd = workdir();
    const runs = await together(8, () => ['registry', 'list', '--json'], cwd);
    expect(runs.map((r) => r.stderr).filter((s) => s.length > 0)).toEqual([]);
    expect(runs.map((r) => r.code)).toEqual(Array(8).fill(0));
  });

  it('concurrent moves of different filings all land, and the audit chain stays whole', async () => {
    const cwd = workdir();
    expect(runCli(['registry', 'sync'], { cwd }).code).toBe(0);
    const list = JSON.parse(runCli(['registry', 'list', '--json'], { cwd }).stdout) as {
      filings: { id: string; state: string }[];
    };
    const fresh = list.filings.filter((f) => f.state === 'assessing');
    const ids = fresh.map((f) => f.id).slice(0, 8);
    expect(ids.length).toBeGreaterThanOrEqual(6);
    const runs = await together(
      ids.length,
      (i) => ['registry', 'move', ids[i] as string, 'preparing', '--by', `u${i}`],
      cwd,
    );
    expect(runs.filter((r) => r.code !== 0).map((r) => r.stderr)).toEqual([]);
    expect(runCli(['audit-log', 'verify'], { cwd }).code).toBe(0);
  });
});
