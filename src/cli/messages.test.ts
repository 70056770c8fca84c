import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './index.js';

async function cli(argv: string[], cwd = process.cwd()) {
  let err = '';
  let out = '';
  const code = await main(argv, {
    cwd,
    env: {},
    interactive: false,
    err: (s) => {
      err += s;
    },
    out: (s) => {
      out += s;
    },
  });
  return { code, err, out };
}

describe('messages leave the CLI in the user language', () => {
  it('translates commander errors in zh and keeps its wording in en', async () => {
    const zh = await cli(['kb', 'list', '--bogus']);
    expect(zh.code).toBe(2);
    expect(zh.err).toContain('错误：未知选项 --bogus');
    expect(zh.err).not.toContain('unknown option');
    const en = await cli(['--lang', 'en', 'kb', 'list', '--bogus']);
    expect(en.code).toBe(2);
    expect(en.err).toContain("error: unknown option '--bogus'");
  });

  it('translates flag errors and zod issues in zh', async () => {
    const flag = await cli(['pii', 'x.txt', '--jobs', '0']);
    expect(flag.code).toBe(2);
    expect(flag.err).toContain('--jobs 需要一个正整数');
    const dir = mkdtempSync(join(tmpdir(), 'beian-msg-'));
    writeFileSync(
      join(dir, 'beian.yaml'),
      'organisation: { name: 示例 }\nservices:\n  - id: a\n    name: A\n    bogusField: 1\n',
    );
    const zod = await cli(['assess', '-i', 'beian.yaml', '--no-save'], dir);
    expect(zod.code).toBe(2);
    expect(zod.err).toContain('beian.yaml');
    expect(zod.err).toMatch(/未知字段|缺少必填项|类型不符|取值无效/);
    expect(zod.err).not.toMatch(/Unrecognized key|Invalid input/);
  });
});
