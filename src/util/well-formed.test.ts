import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wellFormed, wellFormedRow } from './well-formed.js';

const isWellFormed = (s: string): boolean => Buffer.from(s, 'utf8').toString('utf8') === s;

describe('wellFormed', () => {
  it('replaces lone surrogates, keeps pairs', () => {
    expect(wellFormed('a\ud800b')).toBe('a\uFFFDb');
    expect(wellFormed('\udc00x\ud83d\ude00')).toBe('\uFFFDx😀');
    expect(wellFormedRow({ answer: '\ud800', n: 1 })).toEqual({ answer: '\uFFFD', n: 1 });
  });

  it('property: the result always round-trips through UTF-8, and well-formed input is unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const w = wellFormed(s);
        expect(isWellFormed(w)).toBe(true);
        if (isWellFormed(s)) expect(w).toBe(s);
      }),
    );
  });
});
