import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tangPoems } from '../helpers/poems.js';
import { scratchDir } from '../helpers/scratch.js';

const { dir, put } = scratchDir('beian-scan-e2e-');
const poems = tangPoems().slice(0, 50);

describe('beian scan', () => {
  it('runs from the build bundle with the report, files and exit codes of the compiled modules', () => {
    // npm run build writes it (scripts/bundle-scan.mjs); bin/beian.js runs `scan` from it
    expect(existsSync(fileURLToPath(new URL('../../dist/scan-bundle/main.js', import.meta.url)))).toBe(true);
    const cli = new URL('../../dist/cli/index.js', import.meta.url).href;
    const input = put(
      'bundle.txt',
      `${[...poems.slice(0, 20), '这里有免费色情网站，联系张伟 13812345678', '出售身份证'].join('\n')}\n`,
    );
    const args = (tag: string) => [
      'scan',
      input,
      '--json',
      '--threads',
      '2',
      '--save',
      '--db',
      join(dir, `${tag}.db`),
      '--out',
      join(dir, `${tag}.html`),
      '--flagged',
      join(dir, `${tag}.jsonl`),
      '--sample-out',
      join(dir, `${tag}-sample.jsonl`),
    ];
    const bundled = runCli(args('bundled'));
    const script = put(
      'modules.mjs',
      `import { main } from ${JSON.stringify(cli)}; process.exitCode = await main(${JSON.stringify(args('modules'))});`,
    );
    const modules = spawnSync(process.execPath, [script], {
      encoding: 'utf8',
      env: { ...process.env, BEIAN_LANG: undefined },
    });
    expect([bundled.code, bundled.stderr]).toEqual([modules.status, modules.stderr]);
    const report = (out: string) => {
      const { id, seconds, ...rest } = JSON.parse(out);
      expect(typeof id).toBe('string');
      return JSON.stringify(rest).replaceAll('modules', 'bundled');
    };
    expect(report(bundled.stdout)).toBe(report(modules.stdout));
    expect(JSON.parse(bundled.stdout).flagged).toBe(2);
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
    for (const file of ['.html', '.jsonl', '-sample.jsonl']) {
      const text = (tag: string) => readFileSync(join(dir, `${tag}${file}`), 'utf8').replaceAll(uuid, 'id');
      expect(text('bundled').replaceAll('bundled', 'modules')).toBe(text('modules'));
    }
    // a BeianError thrown where the bundle loads a module from dist/ (the store) keeps its exit code
    const down = runCli(['scan', input, '--save', '--db', 'postgres://nobody@127.0.0.1:1/x', '--lang', 'en']);
    expect(down.code).toBe(3);
    expect(down.stderr).toMatch(/^Error \[ENVIRONMENT\]: Cannot connect/m);
  });

  it('keeps the --json contract, reports every bad input by file and line, and goes on', () => {
    const good = put(
      'a.jsonl',
      [
        JSON.stringify({ meta: { body: poems[0] }, source: 's1' }),
        '{"meta": {"body": "broken',
        JSON.stringify({ meta: {} }),
        JSON.stringify({ meta: { body: '这里有免费色情网站和裸聊' }, source: 's2' }),
        JSON.stringify({ meta: { body: poems[1] }, source: 's1' }),
      ].join('\n'),
    );
    const gz = put('b.jsonl.gz', gzipSync(Buffer.from(`${JSON.stringify({ meta: { body: poems[2] } })}\n`)));
    const gbk = put(
      'c.jsonl',
      iconv.encode(`${JSON.stringify({ meta: { body: '出售身份证，办理假证' } })}\n`, 'gbk'),
    );
    const empty = put('d.jsonl', '');
    const binary = put('e.jsonl', Buffer.from([0, 1, 2, 3, 0xff, 0]));
    const bad = put(
      'f.jsonl',
      Buffer.concat([Buffer.from('{"meta":{"body":"ab'), Buffer.from([0xff]), Buffer.from('c"}}\n')]),
    );
    const huge = put(
      'g.jsonl',
      `${JSON.stringify({ meta: { body: 'x'.repeat(3_000_000) } })}\n${JSON.stringify({ meta: { body: poems[3] } })}\n`,
    );
    const flagged = join(dir, 'flagged.jsonl');
    const r = runCli([
      'scan',
      good,
      gz,
      gbk,
      empty,
      binary,
      bad,
      huge,
      '--field',
      'meta.body',
      '--json',
      '--sample-fraction',
      '1',
      '--flagged',
      flagged,
      '--max-record-bytes',
      '1000000',
      '--threads',
      '2',
    ]);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      records: 7,
      flagged: 2,
      verdict: 'fail',
      byCategory: { 'A.1.6': 1, 'A.1.8': 1 },
    });
    expect(out.sample).toMatchObject({ size: 7, flagged: 2 });
    expect(out.sample.ci[0]).toBeLessThan(2 / 7);
    expect(out.sample.ci[1]).toBeGreaterThan(2 / 7);
    expect(typeof out.bytes).toBe('number');
    const where = out.malformed.map(
      (m: { file: string; line: number; reason: string }) =>
        `${m.file.slice(dir.length + 1)}:${m.line}:${m.reason.split(' ')[0]}`,
    );
    expect(where).toEqual([
      'a.jsonl:2:invalid',
      'a.jsonl:3:missing',
      'd.jsonl:0:empty',
      'e.jsonl:0:binary',
      'f.jsonl:1:invalid',
      'g.jsonl:1:record',
    ]);
    expect(r.code).toBe(1);
    const lines = readFileSync(flagged, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({
      file: good,
      line: 4,
      categories: ['A.1.6'],
      matches: [
        { keyword: '色情网站', start: 5, end: 9 },
        { keyword: '裸聊', start: 10, end: 12 },
      ],
    });
  });

  it('reports the same on the calling thread (a small input, or --threads 1) and on 2 threads', () => {
    const txt = put(
      'same.txt',
      `${poems.slice(0, 40).join('\n')}\n出售身份证，办理假证\n这里有免费色情网站\n`,
    );
    const jsonl = put(
      'same.jsonl',
      [
        JSON.stringify({ text: poems[5] }),
        '{"text": "broken',
        JSON.stringify({ text: '代开发票 裸聊' }),
      ].join('\n'),
    );
    const report = (...threads: string[]) => {
      const r = runCli(['scan', txt, jsonl, '--json', '--sample-fraction', '0.5', ...threads]);
      expect(r.stderr).toBe('');
      const { id: _id, seconds: _s, ...rest } = JSON.parse(r.stdout) as Record<string, unknown>;
      return rest;
    };
    const inline = report();
    expect(inline).toMatchObject({ records: 44, flagged: 3 });
    expect(report('--threads', '1')).toEqual(inline);
    expect(report('--threads', '2')).toEqual(inline);
  });

  it('stops the threads it started when the library does not load (exit 2, no hang)', () => {
    const txt = put('big-enough.txt', `${poems.join('\n')}\n`.repeat(4));
    const r = runCli(['scan', txt, '--threads', '2', '--lexicon', join(dir, 'no-such-library.txt')]);
    expect(r.code).toBe(2);
  });

  it('passes a clean corpus, writes an escaped HTML report, and rejects bad usage with exit 2', () => {
    const txt = put('clean.txt', `${poems.slice(0, 30).join('\n')}\n<script>alert(1)</script> 色情网站\n`);
    const html = join(dir, 'r.html');
    const r = runCli(['scan', txt, '--format', 'txt', '--json', '--out', html, '--seed', '3']);
    const out = JSON.parse(r.stdout);
    expect(out.records).toBe(31);
    expect(out.sample.size).toBeLessThan(31);
    const page = readFileSync(html, 'utf8');
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;script&gt;');
    expect(page).toContain('<svg');
    const again = JSON.parse(runCli(['scan', txt, '--format', 'txt', '--json', '--seed', '3']).stdout);
    expect(again.sample).toEqual(out.sample);
    expect(runCli(['scan', txt, '--sample-fraction', '0.01']).code).toBe(2);
    expect(runCli(['scan', txt, '--encoding', 'latin9']).code).toBe(2);
  });
});

describe('beian lexicon', () => {
  it('keeps a UTF-8 file with a bad byte on line 1 UTF-8: every line is audited (issue #12)', () => {
    const lines = Array.from({ length: 1000 }, () => '免费色情网站');
    const file = put(
      'bad-first.txt',
      Buffer.concat([Buffer.from([0xff]), Buffer.from(`${lines.join('\n')}\n`)]),
    );
    const r = runCli(['scan', file, '--format', 'txt', '--json']);
    const out = JSON.parse(r.stdout);
    expect(out.records).toBe(1000);
    expect(out.flagged).toBe(1000);
    expect(out.malformed).toEqual([
      expect.objectContaining({ line: 1, reason: expect.stringContaining('invalid byte') }),
    ]);
    expect(r.code).toBe(1);
  });

  it('stats: the default library meets every requirement (exit 0); a short library exits 1', () => {
    const r = runCli(['lexicon', 'stats', '--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.ok).toBe(true);
    expect(s.version).toMatch(/^lx-[0-9a-f]{12}$/);
    expect(s.requirements[0]).toMatchObject({
      threshold: 'lexicon.total.min',
      scope: 'total',
      required: 10000,
    });
    expect(s.requirements.filter((x: { scope: string }) => x.scope.startsWith('A.')).length).toBe(17);
    const short = runCli(['lexicon', 'stats', '--lexicon', 'data/lexicons/starter', '--category', 'A.1.8']);
    expect(short.code).toBe(1);
    expect(short.stdout).toContain('✗');
  });

  it('check explains matches, normalisation and exemptions', () => {
    const lib = put('check.txt', '#! category=A.1.6 severity=3\n色情网站\n性\n');
    const r = runCli(['lexicon', 'check', '公平性与色*情網站', '--lexicon', lib, '--json']);
    const out = JSON.parse(r.stdout);
    const counted = out.matches.filter((m: { rejected?: string }) => !m.rejected);
    expect(counted).toMatchObject([{ keyword: '色情网站', text: '色*情網站', steps: ['t2s', 'noise'] }]);
    expect(out.matches.find((m: { keyword: string }) => m.keyword === '性').rejected).toBe('boundary');
  });

  it('loads a plain list with --category/--severity and a konsheng-style folder, the same in scan', () => {
    const plain = put('plain.txt', '违禁词甲\n违禁词乙\n');
    const bare = runCli(['lexicon', 'stats', '--lexicon', plain, '--json']);
    expect(JSON.parse(bare.stdout).perRisk.unclassified).toBe(2);
    const given = runCli([
      'lexicon',
      'test',
      plain,
      '--lexicon',
      plain,
      '--category',
      'A.1.6',
      '--severity',
      '3',
      '--json',
    ]);
    expect(JSON.parse(given.stdout).summary).toMatchObject({ lines: 2, flagged: 2 });
    expect(runCli(['lexicon', 'stats', '--lexicon', plain, '--category', 'Z.9']).code).toBe(2);
    const folder = mkdtempSync(join(tmpdir(), 'beian-folder-'));
    writeFileSync(join(folder, '色情词库.txt'), '违禁词甲\n');
    writeFileSync(join(folder, '涉枪涉爆.txt'), '违禁词乙\n');
    const corpus = put('folder-corpus.txt', '这里有违禁词乙\n干净的一行\n');
    const scan = runCli(['scan', corpus, '--lexicon', folder, '--json']);
    const report = JSON.parse(scan.stdout);
    expect(report).toMatchObject({ records: 2, flagged: 1, byCategory: { 'A.1.8': 1 } });
    expect(report.lexicon.version).toMatch(/^lx-/);
  });

  it('diff shows what changed between two versions', () => {
    const a = put('va.csv', 'keyword,category,severity\n色情网站,A.1.6,3\n赌场开户,A.1.8,3\n');
    const b = put('vb.csv', 'keyword,category,severity\n色情网站,A.1.6,2\n自制炸弹,A.1.4,3\n');
    const r = runCli(['lexicon', 'diff', a, b, '--json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.added.map((e: { keyword: string }) => e.keyword)).toEqual(['自制炸弹']);
    expect(d.removed.map((e: { keyword: string }) => e.keyword)).toEqual(['赌场开户']);
    expect(d.changed).toHaveLength(1);
    const text = runCli(['lexicon', 'diff', a, b, '--lang', 'en']);
    expect(text.stdout).toMatch(/1 added, 1 removed, 1 changed/);
    expect(runCli(['lexicon', 'diff', a, join(dir, 'missing.csv')]).code).toBe(2);
  });
});
