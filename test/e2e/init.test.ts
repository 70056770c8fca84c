import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const ANSWERS = new URL('../../examples/init/answers.yaml', import.meta.url).pathname;
const PKG = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

describe('beian --version', () => {
  it('prints the package version', () => {
    for (const flag of ['--version', '-V']) {
      const r = runCli([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout.trim()).toBe(PKG.version);
    }
  });
});

describe('beian init (built CLI)', () => {
  it('writes a commented beian.yaml from saved answers that assess accepts', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'beian-init-'));
    const r = runCli(['init', '--from-assess', ANSWERS], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('已写入 beian.yaml：2 个服务');
    const text = readFileSync(join(cwd, 'beian.yaml'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*schema\/beian\.schema\.json$/);
    expect(text).toContain('# 算法做什么（可多选）');
    expect(text).toContain('functions: [ recommend, rank ] # 推荐（个性化推送）、排序精选');
    expect(text).toContain('#   publicOpinion: ?');
    const assessed = runCli(['assess', '--input', 'beian.yaml', '--json', '--no-save'], { cwd });
    expect([0, 1]).toContain(assessed.code);
    expect(JSON.parse(assessed.stdout).services.map((s: { id: string }) => s.id)).toEqual([
      'store-feed',
      'support-bot',
    ]);
  });

  it('writes English comments with --lang en', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'beian-init-'));
    expect(runCli(['init', '--from-assess', ANSWERS, '--out', 'p.yaml', '--lang', 'en'], { cwd }).code).toBe(
      0,
    );
    const text = readFileSync(join(cwd, 'p.yaml'), 'utf8');
    expect(text).toContain('# What the algorithm does (several allowed)');
    expect(text).not.toMatch(/# [^\n]*算法做什么/);
  });

  it('never replaces an existing file without --force', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'beian-init-'));
    writeFileSync(join(cwd, 'beian.yaml'), 'mine\n');
    const r = runCli(['init', '--from-assess', ANSWERS], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('beian.yaml 已存在，未覆盖');
    expect(readFileSync(join(cwd, 'beian.yaml'), 'utf8')).toBe('mine\n');
    expect(runCli(['init', '--from-assess', ANSWERS, '--force'], { cwd }).code).toBe(0);
    expect(readFileSync(join(cwd, 'beian.yaml'), 'utf8')).toContain('store-feed');
  });

  it('asks for --from-assess when there is no terminal, and locates mistakes in the answers', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'beian-init-'));
    const none = runCli(['init'], { cwd });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--from-assess');
    writeFileSync(
      join(cwd, 'answers.yaml'),
      'services:\n  - name: 推荐\n    answers:\n      publicMainland: true\n      fuctions: [recommend]\n',
    );
    const bad = runCli(['init', '--from-assess', 'answers.yaml'], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('answers.yaml:5:7 services[0].answers.fuctions');
    expect(bad.stderr).toContain('未知字段“fuctions”，是否想写“functions”？');
    const en = runCli(['init', '--from-assess', 'answers.yaml', '--lang', 'en'], { cwd });
    expect(en.stderr).toContain('unknown key "fuctions"; did you mean "functions"?');
  });
});
