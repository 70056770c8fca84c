import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const FX = new URL('../fixtures/redteam/layouts/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'beian-rti-'));

describe('beian redteam bank import (public benchmark layouts)', () => {
  it('tells every rejected row in Chinese in Chinese mode (no English left), in English with --lang en', () => {
    const bad = join(dir, 'bad-s-eval.jsonl');
    writeFileSync(
      bad,
      [
        '{"prompt": "问题一", "risk_type": "Unknown Risk"}',
        '{not json}',
        '{"prompt": 42}',
        '{"risk_type": "诈骗"}',
        '[1]',
        '{"prompt": "问题二", "risk_type": "诈骗", "history": [{"bad": 1}]}',
      ].join('\n'),
    );
    const args = ['redteam', 'bank', 'import', bad, '--layout', 's-eval', '--out', join(dir, 'bad.jsonl')];
    const zh = runCli(args);
    const lines = zh.stderr.split('\n').filter((l) => l.startsWith('  - '));
    expect(lines).toHaveLength(6);
    // what may stay in Latin letters: the path, field names, quoted labels, JSON.parse's own detail
    for (const l of lines)
      expect(
        l
          .replace(bad, '')
          .replace(/“[^”]*”/g, '')
          .replace(/Expected .*$/, ''),
        l,
      ).not.toMatch(/\b[a-z]{3,}(?: [a-z]{2,})+\b/i);
    expect(zh.stderr).toContain('题目为空');
    expect(zh.stderr).toContain('未知的风险类别“Unknown Risk”');
    expect(zh.stderr).toContain('每行必须是一个 JSON 对象');
    expect(zh.stderr).toContain('对话历史第 0 项');
    const en = runCli([...args, '--lang', 'en']);
    expect(en.stderr).toContain('empty question');
    expect(en.stderr).toContain('each line must be a JSON object');
  });

  it('imports two JADE-shaped files together, no --kind, rows counted, every row mapped', () => {
    const out = join(dir, 'jade.jsonl');
    const r = runCli([
      'redteam',
      'bank',
      'import',
      join(FX, 'jade-easy.csv'),
      join(FX, 'jade-medium.csv'),
      '--out',
      out,
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('已读取 10 行：导入 10 行，拒绝 0 行');
    expect(r.stderr).toContain('违法犯罪/操纵投票'); // a label known only by its parent is said so
    const items = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; kind: string; risk: string });
    expect(items).toHaveLength(10);
    expect(new Set(items.map((i) => i.id)).size).toBe(10);
    expect(items.every((i) => i.kind === 'should-refuse' && /^A\.\d\.\d$/.test(i.risk))).toBe(true);
  });

  it('reads a GB18030 CSV like the UTF-8 one', () => {
    const gb = join(dir, 'jade-gb.csv');
    writeFileSync(gb, iconv.encode(readFileSync(join(FX, 'jade-easy.csv'), 'utf8'), 'gb18030'));
    const r = runCli([
      '--lang',
      'en',
      'redteam',
      'bank',
      'import',
      gb,
      '--out',
      join(dir, 'gb.jsonl'),
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).rows).toEqual({ read: 5, imported: 5, rejected: 0 });
  });

  it('JSONL honours --col-*; rejected rows are counted as rows and all written with --rejects; --suggest-map proposes', () => {
    const rejects = join(dir, 'rejects.jsonl');
    const map = join(dir, 'proposed.yaml');
    const r = runCli([
      'redteam',
      'bank',
      'import',
      join(FX, 's-eval.jsonl'),
      join(FX, 'custom-nested.jsonl'),
      '--col-text',
      'prompt',
      '--col-risk',
      'risk_type',
      '--out',
      join(dir, 'x.jsonl'),
      '--rejects',
      rejects,
      '--suggest-map',
      map,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('已读取 7 行：导入 3 行，拒绝 4 行');
    // one row of s-eval (unknown risk) and the whole nested file (it has no `prompt` field), with its count
    const lines = readFileSync(rejects, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('all 3 rows rejected');
    expect(readFileSync(map, 'utf8')).toContain('Lottery Manipulation Tricks');
  });
});

describe('beian redteam run against an endpoint that is down', () => {
  it('exits 3 quickly with the cause grouped on stderr', async () => {
    const srv = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => srv.once('listening', r));
    const port = (srv.address() as AddressInfo).port;
    await new Promise((r) => srv.close(r));
    const started = Date.now();
    const r = runCli([
      'redteam',
      'run',
      '--base-url',
      `http://127.0.0.1:${port}/v1`,
      '--model',
      'm',
      '--bank',
      join(FX, 'jade-easy.csv'),
      '--db',
      join(dir, 'down.db'),
    ]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/ECONNREFUSED × \d+/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(Date.now() - started).toBeLessThan(60_000);
  });
});
