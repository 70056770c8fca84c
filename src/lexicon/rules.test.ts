import { describe, expect, it } from 'vitest';
import { compileLexicon } from './matcher.js';
import { countedMatcher } from './rules.js';

describe('context rules', () => {
  const m = compileLexicon([
    { keyword: '疫情', category: 'A.1.7', severity: 3, context: ['颜色革命', '封锁'] },
    { keyword: '色情网站', category: 'A.1.6', severity: 3 },
  ]);
  const count = countedMatcher(m);
  it('count a hit only when every context word occurs in the record (normalised)', () => {
    expect(count('疫情期间大家注意防护')).toEqual([]);
    expect(count('疫情只是借口，封锁消息，搞颜色革命').map((m) => m.keyword)).toEqual(['疫情']);
    expect(count('疫情 顏色革命 封-锁').map((m) => m.keyword)).toEqual(['疫情']);
    expect(count('免费色情网站').map((m) => m.keyword)).toEqual(['色情网站']);
  });
});
