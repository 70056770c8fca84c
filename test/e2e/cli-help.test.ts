import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/** The help frame and the "did you mean" hints speak the user's language, like every other message. */
describe('beian --help and typos', () => {
  it('writes the help frame in Chinese by default and in English with --lang en', () => {
    for (const args of [['--help'], ['assess', '--help'], ['audit', '--help'], ['init', '--help']]) {
      const zh = runCli(args);
      expect(zh.code).toBe(0);
      expect(zh.stdout).toContain('用法：');
      expect(zh.stdout).toMatch(/选项：|命令：/);
      expect(zh.stdout).not.toMatch(/Usage:|Options:|Commands:|display help for command|\(default:/);
      const en = runCli(['--lang', 'en', ...args]);
      expect(en.stdout).toContain('Usage:');
    }
    expect(runCli(['init', '--help']).stdout).toContain('写入的文件 (默认："beian.yaml")');
  });

  it("suggests the command or option that was meant, in the user's language", () => {
    const cmd = runCli(['asess']);
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toContain('未知命令 asess');
    expect(cmd.stderr).toContain('assess');
    const opt = runCli(['init', '--forse']);
    expect(opt.code).toBe(2);
    expect(opt.stderr).toContain('--force');
    const sub = runCli(['audit', 'chekclist']);
    expect(sub.code).toBe(2);
    expect(sub.stderr).toContain('checklist');
  });
});
