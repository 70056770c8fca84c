import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_PII_DIR, loadPiiDictionaries } from './load.js';

const tmp = mkdtempSync(join(tmpdir(), 'beian-pii-load-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('loadPiiDictionaries with a cache folder', () => {
  it('reads back exactly what it built, and builds again when a dictionary file changes', () => {
    const data = join(tmp, 'data');
    cpSync(DEFAULT_PII_DIR, data, { recursive: true });
    const cacheDir = join(tmp, 'cache');
    const built = loadPiiDictionaries(data);
    const first = loadPiiDictionaries(data, { cacheDir });
    expect(readdirSync(cacheDir)).toHaveLength(1);
    const cached = loadPiiDictionaries(data, { cacheDir });
    expect(cached).toEqual(built);
    expect(first).toEqual(built);
    expect(cached.words?.given).toBeInstanceOf(Float32Array);

    writeFileSync(join(data, 'surnames.txt'), '张 王\n');
    const changed = loadPiiDictionaries(data, { cacheDir });
    expect(changed.surnames).toEqual(['张', '王']);
    // the stale entry is replaced, not kept beside the new one
    expect(readdirSync(cacheDir)).toHaveLength(1);
  });

  it('ignores a cache it cannot read or write', () => {
    const cacheDir = join(tmp, 'not-a-dir');
    writeFileSync(cacheDir, 'x');
    expect(loadPiiDictionaries(DEFAULT_PII_DIR, { cacheDir }).surnames.length).toBeGreaterThan(100);
  });
});
