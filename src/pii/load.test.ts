import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PII_DIR, loadPiiDictionaries, writeWordStatsSnapshot } from './load.js';
import { loadPiiDictionariesQuick } from './load-quick.js';
import { createDetectors } from './registry.js';
import { scanText } from './scan.js';
import { decodeWordStats } from './word-stats-file.js';

describe('the word-statistics snapshot', () => {
  const dir = mkdtempSync(join(tmpdir(), 'beian-ws-'));
  const file = join(dir, 'word-stats.bin');

  it('loads to exactly what building them from jieba’s list gives, and detects the same', () => {
    expect(writeWordStatsSnapshot(DEFAULT_PII_DIR, file)).toBe(true);
    const built = loadPiiDictionaries(DEFAULT_PII_DIR, { wordStatsSnapshot: false });
    const loaded = loadPiiDictionaries(DEFAULT_PII_DIR, { wordStatsSnapshot: file });
    expect(built.words).toBeDefined();
    expect(loaded.words).toStrictEqual(built.words);
    // the other dictionaries come from the snapshot's JSON (no YAML parse), the same values
    expect(loaded).toStrictEqual(built);
    // our own sentence: names with and without cues, a phone number, an idiom that is no name
    const text = '联系人王建国，电话13812345678；李明说星罗棋布的村庄里住着张三。';
    expect(scanText(text, createDetectors(loaded))).toEqual(scanText(text, createDetectors(built)));
  });

  it('is read when its sources match, and not when surnames.txt changed', () => {
    // the tables are views over the file's bytes: a change through one is a change of the bytes
    const bytes = readFileSync(file);
    const tampered = decodeWordStats(bytes);
    if (!tampered) throw new Error('snapshot not decodable');
    (tampered.given as Float32Array)[0x4e00] = 999;
    const marked = join(dir, 'marked.bin');
    writeFileSync(marked, bytes);
    expect(loadPiiDictionaries(DEFAULT_PII_DIR, { wordStatsSnapshot: marked }).words?.given[0x4e00]).toBe(
      999,
    );
    const other = join(dir, 'pii');
    mkdirSync(other);
    for (const f of readdirSync(DEFAULT_PII_DIR)) copyFileSync(join(DEFAULT_PII_DIR, f), join(other, f));
    writeFileSync(join(other, 'surnames.txt'), `${readFileSync(join(other, 'surnames.txt'), 'utf8')}\n龘\n`);
    const fresh = loadPiiDictionaries(other, { wordStatsSnapshot: marked });
    expect(fresh.surnames).toContain('龘');
    expect(fresh.words?.given[0x4e00]).not.toBe(999);
  });

  it('reads the other dictionaries from data/pii again once any of its files changed', () => {
    const other = join(dir, 'pii2');
    mkdirSync(other);
    for (const f of readdirSync(DEFAULT_PII_DIR)) copyFileSync(join(DEFAULT_PII_DIR, f), join(other, f));
    const snap = join(dir, 'snap2.bin');
    expect(writeWordStatsSnapshot(other, snap)).toBe(true);
    expect(loadPiiDictionaries(other, { wordStatsSnapshot: snap }).regions).not.toContain('龘龘');
    writeFileSync(join(other, 'regions.txt'), `${readFileSync(join(other, 'regions.txt'), 'utf8')}\n龘龘\n`);
    expect(loadPiiDictionaries(other, { wordStatsSnapshot: snap }).regions).toContain('龘龘');
  });

  it('quick (no YAML or schema modules): the same dictionaries from a fresh snapshot, data/pii again after a change', async () => {
    const other = join(dir, 'pii3');
    mkdirSync(other);
    for (const f of readdirSync(DEFAULT_PII_DIR)) copyFileSync(join(DEFAULT_PII_DIR, f), join(other, f));
    const snap = join(dir, 'snap3.bin');
    expect(writeWordStatsSnapshot(other, snap)).toBe(true);
    expect(await loadPiiDictionariesQuick(other, snap)).toStrictEqual(
      loadPiiDictionaries(other, { wordStatsSnapshot: false }),
    );
    writeFileSync(join(other, 'regions.txt'), `${readFileSync(join(other, 'regions.txt'), 'utf8')}\n龘龘\n`);
    expect((await loadPiiDictionariesQuick(other, snap)).regions).toContain('龘龘');
    expect((await loadPiiDictionariesQuick(other, join(dir, 'none.bin'))).regions).toContain('龘龘');
  });
});
