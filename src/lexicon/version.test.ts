import { describe, expect, it } from 'vitest';
import type { LexiconEntry } from './types.js';
import { diffLibraries, libraryVersion } from './version.js';

const e = (keyword: string, category = 'A.1.6', severity: 1 | 2 | 3 = 3): LexiconEntry => ({
  keyword,
  category,
  severity,
});

describe('library versions', () => {
  it('depend on content only, not on order, origin or notes', () => {
    const a = [e('色情网站'), e('赌场', 'A.1.8')];
    const b = [{ ...e('赌场', 'A.1.8'), origin: 'x.txt:9', note: 'n' }, e('色情网站')];
    expect(libraryVersion(a)).toBe(libraryVersion(b));
    expect(libraryVersion(a)).toMatch(/^lx-[0-9a-f]{12}$/);
    expect(libraryVersion([e('色情网站', 'A.1.6', 2), e('赌场', 'A.1.8')])).not.toBe(libraryVersion(a));
  });

  it('diff lists added, removed and changed keywords and per-risk counts', () => {
    const d = diffLibraries(
      [e('色情网站'), e('赌场', 'A.1.8')],
      [e('色情网站', 'A.1.6', 2), e('炸药', 'A.1.4')],
    );
    expect(d.added.map((x) => x.keyword)).toEqual(['炸药']);
    expect(d.removed.map((x) => x.keyword)).toEqual(['赌场']);
    expect(d.changed).toEqual([
      {
        keyword: '色情网站',
        from: { category: 'A.1.6', severity: 3 },
        to: { category: 'A.1.6', severity: 2 },
      },
    ]);
    expect(d.perRisk).toEqual({
      'A.1.6': { from: 1, to: 1 },
      'A.1.8': { from: 1, to: 0 },
      'A.1.4': { from: 0, to: 1 },
    });
    expect(d.from).not.toBe(d.to);
  });
});
