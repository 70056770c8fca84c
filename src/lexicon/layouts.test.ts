import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKb } from '../kb/index.js';
import { detectLayout, loadFolder, loadHoubb } from './layouts.js';
import { loadLexiconFile } from './load.js';

const riskIds = new Set(loadKb().risks.map((r) => r.id));
const dir = (): string => mkdtempSync(join(tmpdir(), 'beian-layout-'));

describe('folder layout (konsheng)', () => {
  it('files each list by the shipped map, skips what the map skips, keeps conjunctions as context', () => {
    const d = dir();
    writeFileSync(join(d, '色情词库.txt'), '裸聊网站\n\n约炮平台\n');
    writeFileSync(join(d, '暴恐词库.txt'), '自制炸弹\n');
    writeFileSync(join(d, '新思想启蒙.txt'), '梭哈婚姻\n');
    writeFileSync(join(d, 'COVID-19词库.txt'), '疫情+颜色革命+封锁\n');
    expect(detectLayout(d)).toBe('folder');
    const lib = loadFolder(d, riskIds);
    const byKw = new Map(lib.entries.map((e) => [e.keyword, e]));
    expect(byKw.get('裸聊网站')).toMatchObject({ category: 'A.1.6', source: 'konsheng/Sensitive-lexicon' });
    expect(byKw.get('裸聊网站')?.origin).toMatch(/色情词库\.txt:1$/);
    expect(byKw.get('约炮平台')?.origin).toMatch(/:3$/);
    expect(byKw.get('自制炸弹')).toMatchObject({ category: 'A.1.4', severity: 3 });
    expect(byKw.has('梭哈婚姻')).toBe(false);
    expect(lib.issues.some((i) => /skipped by the category map/.test(i.message))).toBe(true);
    expect(byKw.get('疫情')).toMatchObject({ category: 'A.1.7', context: ['颜色革命', '封锁'] });
  });

  it('uses the folder’s own categories.yaml, and --category for files it does not name', () => {
    const d = dir();
    writeFileSync(join(d, 'guns.txt'), '出售仿真枪\n');
    writeFileSync(join(d, 'misc.txt'), '某某词\n');
    writeFileSync(
      join(d, 'categories.yaml'),
      'layout: folder\nsource: my-list\nfiles:\n  guns.txt: { category: A.1.8, severity: 3 }\n',
    );
    const lib = loadFolder(d, riskIds, { defaults: { category: 'A.1.1', severity: 1 } });
    expect(lib.entries).toEqual([
      expect.objectContaining({ keyword: '出售仿真枪', category: 'A.1.8', severity: 3, source: 'my-list' }),
      expect.objectContaining({ keyword: '某某词', category: 'A.1.1', severity: 1 }),
    ]);
  });

  it('reports a bad category map with its file and field', () => {
    const d = dir();
    writeFileSync(join(d, 'a.txt'), '词语一\n');
    const map = join(d, 'map.yaml');
    writeFileSync(map, 'layout: folder\nfiles:\n  a.txt: { severity: 7 }\n');
    const lib = loadFolder(d, riskIds, { categoryMap: map });
    expect(lib.issues[0]).toMatchObject({ file: map, path: 'files.a.txt.severity' });
  });
});

describe('houbb layout', () => {
  it('categorises dictionary words by their first tag and keeps the allow-list', () => {
    const d = dir();
    writeFileSync(join(d, 'sensitive_word_dict.txt'), '冰毒出售\n赌场开户\n无标签词\n色情贴图\n');
    writeFileSync(join(d, 'sensitive_word_tags.txt'), '冰毒出售 1\n赌场开户 3,4\n色情贴图 2\n');
    writeFileSync(join(d, 'sensitive_word_allow.txt'), '生日快乐\n');
    expect(detectLayout(d)).toBe('houbb');
    const lib = loadHoubb(d, riskIds);
    const byKw = new Map(lib.entries.map((e) => [e.keyword, e]));
    expect(byKw.get('冰毒出售')).toMatchObject({
      category: 'A.1.8',
      severity: 3,
      source: 'houbb/sensitive-word',
    });
    expect(byKw.get('赌场开户')).toMatchObject({ category: 'A.1.8', severity: 3 });
    expect(byKw.get('无标签词')).toMatchObject({ category: 'A.1.8', severity: 1 });
    expect(byKw.get('色情贴图')).toMatchObject({ category: 'A.1.6' });
    expect(lib.allow).toEqual(['生日快乐']);
  });
});

describe('plain lists', () => {
  it('take --category/--severity defaults; without them are unclassified with one summary issue', async () => {
    const d = dir();
    mkdirSync(join(d, 'x'));
    const f = join(d, 'plain.txt');
    writeFileSync(f, '词一\n词二\n');
    const given = await loadLexiconFile(f, riskIds, { category: 'A.1.6', severity: 3 });
    expect(given.entries.map((e) => [e.category, e.severity])).toEqual([
      ['A.1.6', 3],
      ['A.1.6', 3],
    ]);
    expect(given.issues).toEqual([]);
    const bare = await loadLexiconFile(f, riskIds);
    expect(bare.entries.map((e) => e.category)).toEqual(['unclassified', 'unclassified']);
    expect(bare.issues).toHaveLength(1);
    expect(bare.issues[0]?.message).toMatch(/2 keyword\(s\) without a category/);
  });

  it('reads source and context columns of a CSV', async () => {
    const f = join(dir(), 'lib.csv');
    writeFileSync(
      f,
      'keyword,category,severity,boundary,source,context\n疫情,A.1.7,2,auto,my-list,封城|谣言\n',
    );
    const lib = await loadLexiconFile(f, riskIds);
    expect(lib.entries[0]).toMatchObject({ source: 'my-list', context: ['封城', '谣言'], boundary: 'auto' });
  });
});

describe('folder of TXT libraries', () => {
  it('keeps each file’s own #! defaults and tab columns (the starter library as a folder)', async () => {
    const { STARTER_LEXICON_DIR } = await import('./load.js');
    const lib = loadFolder(STARTER_LEXICON_DIR, riskIds);
    expect(lib.entries.length).toBeGreaterThan(150);
    expect(lib.entries.every((e) => e.category !== 'unclassified')).toBe(true);
    expect(lib.entries.find((e) => e.keyword === '色情网站')).toMatchObject({
      category: 'A.1.6',
      severity: 3,
    });
  });
});
