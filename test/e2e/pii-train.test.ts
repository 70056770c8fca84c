import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const SUR = [...'王李张刘陈杨赵黄周吴'];
const GIV = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超'];
const name = (i: number) => `${SUR[i % 10]}${GIV[(i * 7) % 17]}${GIV[(i * 3 + 1) % 17]}`;

describe('beian pii-train and --model', () => {
  it('trains weights on the user data, then finds names the rules alone do not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'beian-pii-train-'));
    const data = join(dir, 'labelled.jsonl');
    writeFileSync(
      data,
      Array.from({ length: 240 }, (_, i) =>
        JSON.stringify({
          text: `档案甲${name(i)}乙已核实`,
          spans: [{ type: 'person-name', start: 3, end: 6 }],
        }),
      ).join('\n'),
    );
    const weights = join(dir, 'w.json');
    const t = runCli([
      'pii-train',
      data,
      '--out',
      weights,
      '--epochs',
      '3',
      '--trained-on',
      'synthetic test data',
      '--json',
    ]);
    expect(t.code).toBe(0);
    expect(JSON.parse(t.stdout)).toMatchObject({ sentences: 240, spans: { 'person-name': 240, address: 0 } });
    expect(JSON.parse(readFileSync(weights, 'utf8'))).toMatchObject({
      format: 'beian-pii-perceptron',
      trainedOn: 'synthetic test data',
    });

    const corpus = join(dir, 'c.jsonl');
    // a name whose given part is an ordinary word (文化): the rules alone leave it, the model's context features do not
    writeFileSync(corpus, `${JSON.stringify({ text: '档案甲郑文化乙已核实' })}\n`);
    const rules = JSON.parse(runCli(['pii', corpus, '--json', '--no-save']).stdout);
    expect(rules.byType['person-name']).toBeUndefined();
    const withModel = JSON.parse(runCli(['pii', corpus, '--model', weights, '--json', '--no-save']).stdout);
    expect(withModel.byType['person-name']).toBe(1);
    expect(JSON.stringify(withModel)).not.toContain('郑文化');

    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format":"x"}');
    const r = runCli(['pii', corpus, '--model', bad, '--no-save']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.json');

    // a weights file of the first format (string features, greedy decoding) is named as such
    const old = join(dir, 'old.json');
    writeFileSync(old, JSON.stringify({ format: 'beian-pii-perceptron', version: 1, tags: [], weights: {} }));
    const o = runCli(['--lang', 'en', 'pii', corpus, '--model', old, '--no-save']);
    expect(o.code).toBe(2);
    expect(o.stderr).toContain('old.json');
    expect(o.stderr).toContain('Train it again with beian pii-train');
  });
});
