import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('beian kb', () => {
  it('shows an entry with its citations in Chinese by default and English on request', () => {
    const zh = runCli(['kb', 'show', 'algorithm-filing']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('《互联网信息服务算法推荐管理规定》第二十四条 [已核实]');
    const en = runCli(['--lang', 'en', 'kb', 'show', 'algorithm-filing']);
    expect(en.stdout).toContain('Algorithm filing');
  });

  it('lists by kind as JSON', () => {
    const r = runCli(['kb', 'list', '--kind', 'risk', '--json']);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout) as { items: { id: string }[] };
    expect(data.items).toHaveLength(31);
  });

  it('exits 2 with a clear message for an unknown id, no stack trace', () => {
    const r = runCli(['kb', 'show', 'no-such-thing']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('NOT_FOUND');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on an unknown option or language', () => {
    expect(runCli(['kb', 'list', '--bogus']).code).toBe(2);
    expect(runCli(['--lang', 'fr', 'kb', 'list']).code).toBe(2);
  });
});
