import { describe, expect, it } from 'vitest';
import { t2sPairsFromOpencc } from './t2s-opencc.js';
import { T2S_PAIRS } from './t2s-pairs.js';

describe('t2s-pairs.ts', () => {
  it('is what opencc-js gives today (regenerate with npx tsx scripts/gen-t2s.ts)', () => {
    const fromOpencc = t2sPairsFromOpencc()
      .map(([a, b]) => String.fromCharCode(a, b))
      .join('');
    expect(T2S_PAIRS).toBe(fromOpencc);
  });
});
