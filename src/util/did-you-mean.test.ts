import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from './did-you-mean.js';

describe('didYouMean', () => {
  it('finds the key a typo was meant to be', () => {
    const keys = ['publicMainland', 'functions', 'publicOpinion', 'serviceForms', 'generates'];
    expect(didYouMean('fuctions', keys)).toBe('functions');
    expect(didYouMean('publicMainlnad', keys)).toBe('publicMainland');
    expect(didYouMean('ServiceForms', keys)).toBe('serviceForms');
    expect(didYouMean('colour', keys)).toBeUndefined();
    expect(didYouMean('assesss', ['assess', 'audit', 'scan'])).toBe('assess');
  });

  it('is a metric with the distance bounded by the longer word', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        expect(d).toBe(editDistance(b, a));
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(editDistance(a, a)).toBe(0);
      }),
    );
  });

  it('only ever suggests one of the candidates, and one within reach', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), fc.array(fc.string({ maxLength: 10 })), (w, cs) => {
        const s = didYouMean(w, cs);
        if (s !== undefined) {
          expect(cs).toContain(s);
          expect(editDistance(w, s)).toBeLessThanOrEqual(3);
        }
      }),
    );
  });
});
