import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { scratchDir } from '../helpers/scratch.js';

/**
 * Why a line was not read travels as a catalogue key (through worker threads for scan and pii) and
 * is translated where it is printed: Chinese by default, English with --lang en, always with
 * file:line. Only the lines naming our bad files are compared (the rest is the report).
 */
const { dir: cwd, put } = scratchDir('beian-malformed-');
beforeAll(() => {
  put(
    'bad.jsonl',
    ['{"text": "今天天气很好"}', '{"text":', '{"other": 1}', '[1, 2]', '{"text": "明天见"}', ''].join('\n'),
  );
  put('bad.csv', 'text,source\n"open,a\n晴天,b\n');
  put('log.csv', 'sku,price,g\na,1,x\nb,abc,y\n,3,x\nc,4,y\n');
  put(
    'train.jsonl',
    [
      '{"text": "张三来了", "spans": [{"type": "person-name", "start": 0, "end": 2}]}',
      'oops',
      '{"x": 1}',
      '',
    ].join('\n'),
  );
});

const run = (args: readonly string[]) => {
  const r = runCli(args, { cwd, env: { BEIAN_DB: join(cwd, 'beian.db') } });
  expect(r.code, r.stderr).not.toBe(70);
  return r;
};
/** the lines of the output that name one of the bad files, with the folder left out */
const located = (text: string): string[] =>
  text
    .split('\n')
    .filter((l) => /(?:bad\.jsonl|bad\.csv|log\.csv|train\.jsonl):\d/.test(l))
    .map((l) => l.split(`${cwd}/`).join('').trim());

const SCAN = ['scan', 'bad.jsonl', 'bad.csv', '--threads', '2'];
const PII = ['pii', 'bad.jsonl', 'bad.csv', '--field', 'text', '--no-save'];
const AUDIT = ['audit', 'price', 'log.csv', '--item', 'sku', '--price', 'price', '--group', 'g', '--no-save'];
const TRAIN = ['pii-train', 'train.jsonl', '--out', 'w.json', '--epochs', '1'];

describe('malformed lines in the user language (built CLI)', () => {
  it('scan (worker threads): Chinese by default, English with --lang en', () => {
    expect(located(run(SCAN).stdout)).toEqual([
      'bad.jsonl:2 JSON 不完整：内容意外结束',
      'bad.jsonl:3 缺少字段 “text”',
      'bad.jsonl:4 缺少字段 “text”',
      'bad.csv:2 CSV 无效：引号未闭合：跳过该记录，从下一行继续读取',
    ]);
    const en = located(run(['--lang', 'en', ...SCAN]).stdout);
    expect(en[0]).toMatch(/^bad\.jsonl:2 invalid JSON: /);
    expect(en.slice(1)).toEqual([
      'bad.jsonl:3 missing field "text"',
      'bad.jsonl:4 missing field "text"',
      'bad.csv:2 invalid CSV: unclosed quote: the record is skipped, reading goes on at the next line',
    ]);
  });

  it('pii: Chinese by default, English with --lang en', () => {
    // files are scanned side by side: their lines may come in either order
    expect(located(run(PII).stderr).sort()).toEqual([
      'bad.csv:2: CSV 无效：引号未闭合：跳过该记录，从下一行继续读取',
      'bad.jsonl:2: JSON 无效',
      'bad.jsonl:3: 缺少字段 “text”',
      'bad.jsonl:4: 缺少字段 “text”',
    ]);
    expect(located(run(['--lang', 'en', ...PII]).stderr).sort()).toEqual([
      'bad.csv:2: invalid CSV: unclosed quote: the record is skipped, reading goes on at the next line',
      'bad.jsonl:2: invalid JSON',
      'bad.jsonl:3: missing field "text"',
      'bad.jsonl:4: missing field "text"',
    ]);
  });

  it('audit price: each bad row by file:line, column and value, in the user language', () => {
    const zh = run(AUDIT);
    expect(zh.code).toBe(2);
    expect(located(zh.stdout)).toEqual(['log.csv:3 price="abc" 价格不是数字', 'log.csv:4 sku="" 商品为空']);
    expect(located(run(['--lang', 'en', ...AUDIT]).stdout)).toEqual([
      'log.csv:3 price="abc" price is not a number',
      'log.csv:4 sku="" item is empty',
    ]);
  });

  it('pii-train: skipped training lines in the user language', () => {
    expect(located(run(TRAIN).stderr)).toEqual([
      'train.jsonl:2: JSON 无效',
      'train.jsonl:3: 没有 “text” 字符串',
    ]);
    expect(located(run(['--lang', 'en', ...TRAIN]).stderr)).toEqual([
      'train.jsonl:2: invalid JSON',
      'train.jsonl:3: no "text" string',
    ]);
  });

  it('--json keeps the English reason and adds the key and its params', () => {
    const report = JSON.parse(run([...PII, '--json']).stdout) as {
      malformed: { line: number; reason: string; key?: string; params?: Record<string, unknown> }[];
    };
    expect(report.malformed.find((m) => m.line === 3)).toMatchObject({
      line: 3,
      reason: 'missing field "text"',
      key: 'malformed.missingField',
      params: { field: 'text' },
    });
  });
});
