import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

interface DemoJson {
  steps: { id: string; ok: boolean; skipped: boolean; summary: string }[];
}

/** `beian demo --config FILE` on projects other than the shipped portfolio. */
describe('beian demo --config (built CLI)', () => {
  it('runs on a minimal project: steps it has nothing for say so, none fails', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'beian-demo-min-'));
    writeFileSync(
      join(cwd, 'minimal.yaml'),
      'version: 1\nservices:\n  - id: notes\n    name: 笔记搜索\n    answers: { publicMainland: true, functions: [retrieve-filter], generates: [] }\n',
    );
    const r = runCli(
      ['demo', '--config', 'minimal.yaml', '--json', '--steps', 'assess,registry,redteam,fairness,materials'],
      { cwd },
    );
    expect(r.code, r.stderr).toBe(0);
    const { steps } = JSON.parse(r.stdout) as DemoJson;
    const by = Object.fromEntries(steps.map((s) => [s.id, s]));
    expect(steps.every((s) => s.ok)).toBe(true);
    expect(by.redteam?.skipped).toBe(true);
    expect(by.redteam?.summary).toContain('生成式服务');
    expect(by.fairness?.skipped).toBe(true);
    expect(by.materials?.skipped).toBe(false);
    expect(by.registry?.summary).toContain('1 个服务');
    expect(existsSync(join(cwd, 'demo-output', 'index.html'))).toBe(true);
  });

  it('runs every step on a project written by beian init, with the shipped samples', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'beian-demo-init-'));
    copyFileSync(new URL('../../examples/init/answers.yaml', import.meta.url), join(cwd, 'answers.yaml'));
    expect(runCli(['init', '--from-assess', 'answers.yaml'], { cwd }).code).toBe(0);
    const r = runCli(['demo', '--config', 'beian.yaml', '--json', '--lang', 'en'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const { steps } = JSON.parse(r.stdout) as DemoJson;
    expect(steps.map((s) => [s.id, s.ok, s.skipped])).toEqual([
      ['assess', true, false],
      ['registry', true, false],
      ['scan', true, false],
      ['pii', true, false],
      ['redteam', true, false],
      ['fairness', true, false],
      ['materials', true, false],
    ]);
    expect(steps.find((s) => s.id === 'scan')?.summary).toContain('shipped sample corpus');
    expect(steps.find((s) => s.id === 'fairness')?.summary).toContain('store-feed price audit');
  });
});
