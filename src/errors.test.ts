import { describe, expect, it } from 'vitest';
import { BeianError, formatIssue, issueOf, jsonReason, osReason } from './errors.js';
import { translator } from './i18n/index.js';

const zh = translator('zh');
const en = translator('en');
const sysError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('catalogue errors', () => {
  it('is a BeianError whichever copy of errors.ts made it (the scan bundle and dist/ each have one)', () => {
    const fromAnotherCopy = Object.defineProperty(new Error('x'), Symbol.for('beian.BeianError'), {
      value: true,
    });
    expect(fromAnotherCopy instanceof BeianError).toBe(true);
    expect(BeianError.of('USAGE', 'cli.unknownLang', { value: 'x' }) instanceof BeianError).toBe(true);
    for (const other of [new Error('x'), { code: 'USAGE' }, null, 'BeianError'])
      expect(other instanceof BeianError).toBe(false);
  });

  it('names a system error in Chinese from its code and keeps Node’s text in English', () => {
    const e = BeianError.of('NOT_FOUND', 'file.cannotRead', {
      file: 'x.csv',
      reason: osReason(sysError('ENOENT', "ENOENT: no such file or directory, open 'x.csv'")),
    });
    expect(e.message).toBe("Cannot read x.csv: ENOENT: no such file or directory, open 'x.csv'");
    expect(zh(e.key!, e.params)).toBe('无法读取 x.csv：文件或目录不存在');
    for (const code of ['EACCES', 'EISDIR', 'EADDRINUSE', 'ECONNREFUSED', 'ENOTFOUND']) {
      const text = zh('file.cannotRead', { file: 'f', reason: osReason(sysError(code, `${code}: boom`)) });
      expect(text).not.toMatch(/[A-Za-z]{4,}/);
    }
    // an unknown code still says what happened, with the system's own words
    expect(zh('file.cannotRead', { file: 'f', reason: osReason(new Error('odd failure')) })).toBe(
      '无法读取 f：系统错误：odd failure',
    );
  });

  it('locates a JSON syntax error by line and column in Chinese', () => {
    let cause: unknown;
    try {
      JSON.parse('{"a" 1}');
    } catch (e) {
      cause = e;
    }
    const text = zh('file.notJson', { file: 'p.json', reason: jsonReason(cause) });
    // Node 20 names the offset, Node 22 the line and column
    expect(text).toMatch(/^p\.json 不是有效的 JSON：第 \d+ (个字符|行第 \d+ 列)附近有 JSON 语法错误$/);
    const token = zh('file.notJson', {
      file: 'p.json',
      reason: jsonReason(new SyntaxError(`Unexpected token 'x', "x" is not valid JSON`)),
    });
    expect(token).toBe('p.json 不是有效的 JSON：JSON 语法错误：出现了意外的字符 “x”');
    expect(en('file.notJson', { file: 'p.json', reason: jsonReason(cause) })).toContain(
      (cause as Error).message,
    );
  });

  it('keeps an issue’s English text for JSON readers and shows the catalogue text on the terminal', () => {
    const issue = issueOf({ file: 'l.csv', line: 3, path: 'pii' }, 'sources.issue.notTypeCount', {
      value: 'x',
    });
    expect(issue.message).toBe('"x" is not type=count');
    expect(formatIssue(issue, zh)).toBe('l.csv:3 pii: “x” 应写成 类型=数量（type=count）');
  });
});
