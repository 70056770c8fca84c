import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeAudio, makeImages } from '../label/media.js';

const CODE = '001191110102MAD55U9H0F10002';
const PLATFORM = '001191110102MAD55U9H0F20003';
let dir: string;
const DB = join(mkdtempSync(join(tmpdir(), 'beian-label-db-')), 'b.db');
process.env.BEIAN_DB = DB;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'beian-label-e2e-'));
  await makeImages(dir);
  await makeAudio(dir);
  writeFileSync(join(dir, 'answer.txt'), '今天天气晴。\n');
  writeFileSync(join(dir, 'note.md'), '---\ntitle: 说明\n---\n正文。\n');
}, 60_000);

interface CheckJson {
  files: Array<{
    file: string;
    ok: boolean;
    format?: string;
    explicit: string;
    platformClass?: string | null;
    implicit: { ok: boolean; issues: Array<{ code: string }> };
  }>;
  summary: { total: number; passed: number; failed: number; byClass?: Record<string, number> };
}

describe('beian label', () => {
  it('check before labelling fails with exit 1 and names what is missing', () => {
    const r = runCli(['label', 'check', dir, '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as CheckJson;
    expect(j.summary.failed).toBe(j.summary.total);
    expect(j.files.find((f) => f.file.endsWith('answer.txt'))).toMatchObject({
      explicit: 'missing',
      implicit: { ok: false, issues: [{ code: 'absent' }] },
    });
  });

  it('add --explicit then check passes for every file, and the HTML report escapes names', () => {
    const add = runCli(['label', 'add', dir, '--producer', CODE, '--explicit', '--json']);
    expect(add.code, add.stderr).toBe(0);
    expect(readFileSync(join(dir, 'answer.txt'), 'utf8').startsWith('本内容由人工智能生成')).toBe(true);
    const weird = join(dir, 'sub');
    mkdirSync(weird);
    copyFileSync(join(dir, 'img.png'), join(weird, '<i>x&y.png'));
    const out = join(tmpdir(), `label-${Date.now()}.html`);
    const r = runCli(['label', 'check', dir, '--out', out]);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('通过');
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('&lt;i&gt;x&amp;y.png');
    expect(html).not.toContain('<i>x');
  });

  it('saves each check run per service: totals and the failing files', async () => {
    writeFileSync(join(dir, 'late.txt'), '后来加入、没有标识的文字。\n');
    const r = runCli(['label', 'check', dir, '--service', 'chat-assistant']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('检查结果已保存');
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(DB, { readonly: true });
    const run = db.prepare("select * from label_runs where service = 'chat-assistant'").get() as {
      id: string;
      total: number;
      failed: number;
    };
    expect(run.failed).toBe(1);
    const failing = db
      .prepare('select file, issues_json from label_results where run_id = ? and ok = 0')
      .all(run.id) as Array<{ file: string; issues_json: string }>;
    expect(failing.map((f) => f.file.split('/').pop())).toEqual(['late.txt']);
    expect(JSON.parse(failing[0]?.issues_json ?? '[]')).toEqual([{ severity: 'error', code: 'absent' }]);
    db.close();
  });

  it('inspect shows the label and its digest; --lang en', () => {
    const r = runCli(['--lang', 'en', 'label', 'inspect', join(dir, 'img.png')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('iTXt XMP');
    expect(r.stdout).toContain(CODE);
    expect(r.stdout).toContain('Content digest (SM3)');
  });

  it('a missing path is exit 2 naming it', () => {
    const r = runCli(['label', 'check', join(dir, 'nope.png'), '--no-save']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope.png');
  });

  it('a bad producer code is exit 2 before any file changes', () => {
    const before = readFileSync(join(dir, 'img.jpg'));
    const r = runCli(['label', 'add', dir, '--producer', '001191110102MAD55U9H0X10002']);
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'img.jpg')).equals(before)).toBe(true);
  });

  it('--as-platform classifies 1/2/3 and writes propagator fields', () => {
    const p = mkdtempSync(join(tmpdir(), 'beian-platform-'));
    copyFileSync(join(dir, 'img.png'), join(p, 'labelled.png')); // implicit label → 1
    writeFileSync(join(p, 'declared.txt'), '用户声明的文字。\n'); // declaration only → 2
    writeFileSync(join(p, 'traces.txt'), '本内容由人工智能生成\n其余文字。\n'); // explicit text only → 3
    writeFileSync(join(p, 'plain.txt'), '普通文字。\n'); // nothing → none
    writeFileSync(join(p, 'list.txt'), 'declared.txt\n');
    const r = runCli(
      [
        'label',
        'check',
        join(p, 'labelled.png'),
        join(p, 'declared.txt'),
        join(p, 'traces.txt'),
        join(p, 'plain.txt'),
        '--as-platform',
        '--declared',
        join(p, 'list.txt'),
        '--propagator',
        PLATFORM,
        '--json',
      ],
      { cwd: p },
    );
    const j = JSON.parse(r.stdout) as CheckJson;
    const cls = Object.fromEntries(j.files.map((f) => [f.file.split('/').pop(), f.platformClass]));
    expect(cls).toEqual({ 'labelled.png': '1', 'declared.txt': '2', 'traces.txt': '3', 'plain.txt': null });
    const again = JSON.parse(runCli(['label', 'inspect', join(p, 'labelled.png'), '--json']).stdout) as {
      verdict: { value: Record<string, string> };
    };
    expect(again.verdict.value).toMatchObject({
      Label: '1',
      ContentProducer: CODE,
      ContentPropagator: PLATFORM,
    });
    const sidecar = JSON.parse(readFileSync(join(p, 'declared.txt.aigc.json'), 'utf8')) as {
      AIGC: Record<string, string>;
    };
    expect(sidecar.AIGC).toMatchObject({ Label: '2', ContentPropagator: PLATFORM });
  });
});
