import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LexiconEntry } from './types.js';
import { diffLibraries, libraryVersion, uniformVersion } from './version.js';

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

  it('is the hash of the rows in code-unit order (rows.sort()), whatever the keywords share', () => {
    const reference = (es: LexiconEntry[]): string => {
      const rows = es
        .map(
          (x) =>
            `${x.keyword}\t${x.category}\t${x.severity}\t${x.boundary ?? 'auto'}\t${x.context ? x.context.join('+') : ''}`,
        )
        .sort();
      const text = rows.length ? `${rows.join('\n')}\n` : '';
      return `lx-${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;
    };
    // few distinct units, so that rows often share their first two and sort on the rest
    const unit = fc.constantFrom('色', '情', '赌', 'a', 'b', '\t', '\u0001', '\ud86c\ude1c', '\uffff');
    const entry = fc.record({
      keyword: fc.array(unit, { maxLength: 4 }).map((u) => u.join('')),
      category: fc.constantFrom('A.1.6', 'A.1.8', ''),
      severity: fc.constantFrom(1 as const, 2 as const, 3 as const),
      boundary: fc.constantFrom(undefined, 'word' as const, 'none' as const),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 60 }), (raw) => {
        const es = raw.map(({ boundary, ...x }) => (boundary ? { ...x, boundary } : x));
        expect(libraryVersion(es)).toBe(reference(es));
        // rows that differ by keyword only (a plain list), with and without units below a tab
        const plain = es.map((x) => ({ keyword: x.keyword, category: 'A.1.6', severity: 3 as const }));
        expect(libraryVersion(plain)).toBe(reference(plain));
        const clean = plain.map((x) => ({
          ...x,
          keyword: x.keyword.replaceAll('\t', '').replaceAll('\u0001', ''),
        }));
        expect(libraryVersion(clean)).toBe(reference(clean));
      }),
      { numRuns: 300 },
    );
  });

  it('of a plain list held as units (uniformVersion) is libraryVersion, runs of 17+ shared prefixes included', () => {
    const unit = fc.constantFrom('色', '情', 'a', '\t', '\ud86c\ude1c', '\ud86c', '\uffff');
    const keyword = fc.array(unit, { maxLength: 5 }).map((u) => u.join(''));
    fc.assert(
      fc.property(
        fc.array(keyword, { minLength: 1, maxLength: 200 }),
        fc.constantFrom(undefined, 'auto' as const, 'word' as const),
        (keywords, boundary) => {
          const es = keywords.map((k) => ({ ...e(k, 'A.2.1', 2), ...(boundary ? { boundary } : {}) }));
          const units = new Uint16Array(keywords.reduce((n, k) => n + k.length, 0));
          const ends = new Int32Array(keywords.length);
          let at = 0;
          keywords.forEach((k, i) => {
            for (let j = 0; j < k.length; j++) units[at++] = k.charCodeAt(j);
            ends[i] = at;
          });
          const got = uniformVersion(units, ends, keywords.length, {
            category: 'A.2.1',
            severity: 2,
            boundary,
          });
          // a unit at or below a tab: the rows' own sort decides, not the keywords'
          if (keywords.some((k) => k.includes('\t'))) expect(got).toBeUndefined();
          else expect(got).toBe(libraryVersion(es));
        },
      ),
      { numRuns: 200 },
    );
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
