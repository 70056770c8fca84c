import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeLibraries } from '../library.js';
import { compileLexicon } from '../matcher.js';
import { buildNormTable, DEFAULT_NORMALIZE } from '../normalize.js';
import type { LexiconEntry, Severity } from '../types.js';
import {
  disguiseWith,
  homophoneVariants,
  lookalikeVariants,
  MATCHED_FAMILIES,
  splitCharVariant,
  splitCharVariants,
  symbolMixVariant,
  VARIANT_FAMILIES,
  type VariantFamily,
  variantEntries,
  zeroWidthVariant,
} from './index.js';
import { HOMOPHONES, LOOKALIKES, SPLIT_CHARS } from './tables.js';

describe('variant generators', () => {
  it('produce the known disguises', () => {
    expect(splitCharVariant('法轮功')).toBe('氵去车仑工力');
    expect(splitCharVariants('法轮')).toEqual(['氵去轮', '法车仑', '氵去车仑']);
    expect(homophoneVariants('赌博')).toContain('堵博');
    expect(lookalikeVariants('av')).toContain('аv');
    expect(zeroWidthVariant('色情')).toBe('色\u200b情');
    expect(symbolMixVariant('色情网', 0)).toBe('色*情☆网');
    expect(splitCharVariant('今天')).toBeUndefined();
  });

  it('change one character at a time and keep the length (homophone, look-alike)', () => {
    fc.assert(
      fc.property(fc.constantFrom('色情网站', '赌博', '毒品交易', '法轮功', 'porn'), (w) => {
        for (const v of [...homophoneVariants(w), ...lookalikeVariants(w)]) {
          const a = [...w];
          const b = [...v];
          expect(b).toHaveLength(a.length);
          expect(a.filter((c, i) => c !== b[i])).toHaveLength(1);
        }
      }),
    );
  });

  it('zero-width and symbol forms match through normalisation without extra keywords', () => {
    const m = compileLexicon([{ keyword: '色情网站', category: 'A.1.6', severity: 3 }]);
    for (const f of ['zero-width', 'symbol'] as const)
      expect(m.scan(disguiseWith(f, '色情网站') as string)).toHaveLength(1);
    expect(VARIANT_FAMILIES).toContain('split');
  });
});

describe('variantEntries', () => {
  it('adds variants of high-severity keywords only, each noting its family and original', () => {
    const entries = [
      { keyword: '法轮功', category: 'A.1.8', severity: 3 as const },
      { keyword: '赌博', category: 'A.1.8', severity: 1 as const },
    ];
    const extra = variantEntries(entries, ['split']);
    expect(extra.map((e) => e.keyword)).toContain('氵去车仑工力');
    expect(extra.every((e) => e.note?.startsWith('variant:split of 法轮功'))).toBe(true);
    const m = compileLexicon([...entries, ...extra]);
    expect(m.scan('学习氵去车仑工力').map((x) => x.category)).toEqual(['A.1.8']);
  });
});

describe('variantEntries skips keywords no family can change', () => {
  /** The same as variantEntries without the skip: every generator runs on every eligible keyword. */
  const reference = (entries: LexiconEntry[], families: readonly VariantFamily[]): string[] => {
    const taken = new Set(entries.map((e) => e.keyword));
    const out: string[] = [];
    for (const e of entries) {
      const n = [...e.keyword].length;
      if (e.severity < 3 || n < 2 || n > 6 || e.context?.length) continue;
      for (const f of families) {
        const forms =
          f === 'homophone'
            ? homophoneVariants(e.keyword)
            : f === 'lookalike'
              ? lookalikeVariants(e.keyword)
              : f === 'split'
                ? splitCharVariants(e.keyword)
                : [];
        for (const v of forms)
          if (!taken.has(v)) {
            taken.add(v);
            out.push(`${v}|${f}|${e.keyword}`);
          }
      }
    }
    return out;
  };
  // characters with substitutions in each table, capitals of look-alike letters, and others
  const ch = fc.constantFrom(
    ...'色情赌博法轮功精明林人口日党共aopsxAOPSXKkＡ今天的是Σσ',
    '\ud86c\ude1c',
    'İ',
  );
  it('gives the same variants as running every generator', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(ch, { minLength: 1, maxLength: 7 }), fc.constantFrom(1, 2, 3)), {
          maxLength: 12,
        }),
        fc.subarray([...MATCHED_FAMILIES, 'zero-width' as const], { minLength: 1 }),
        (rows, families) => {
          const entries = rows.map(
            ([cs, sev]): LexiconEntry => ({
              keyword: cs.join(''),
              category: 'A.1.6',
              severity: sev as Severity,
            }),
          );
          const shown = (es: LexiconEntry[]) =>
            es.map(
              (e) =>
                `${e.keyword}|${/^variant:(\S+) of (.*)$/
                  .exec(e.note ?? '')
                  ?.slice(1)
                  .join('|')}`,
            );
          expect(shown(variantEntries(entries, families))).toEqual(reference(entries, families));
          // a merged library's keys say which forms are keywords (no set of every keyword)
          const merged = mergeLibraries([{ name: 't', entries, issues: [] }]);
          const keys = { keyIndex: merged.keyIndex, table: buildNormTable(DEFAULT_NORMALIZE) };
          expect(shown(variantEntries(merged.entries, families, { keys }))).toEqual(
            reference(merged.entries, families),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('the generators walk characters without arrays', () => {
  /** the generators as they were written over [...word] arrays */
  const bySpread = (word: string, subs: (c: string) => readonly string[]): string[] => {
    const chars = [...word];
    const out: string[] = [];
    chars.forEach((c, i) => {
      for (const s of subs(c)) out.push([...chars.slice(0, i), s, ...chars.slice(i + 1)].join(''));
    });
    return out;
  };
  it('give the same forms as over code-point arrays (lone surrogates included)', () => {
    const ch = fc.constantFrom(...'色情赌博法轮功精明林人口aopsAO今', '\ud86c\ude1c', '\ud86c', '\ude1c');
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 7 }), (cs) => {
        const w = cs.join('');
        expect(lookalikeVariants(w)).toEqual(bySpread(w, (c) => LOOKALIKES[c.toLowerCase()] ?? []));
        expect(homophoneVariants(w)).toEqual(bySpread(w, (c) => HOMOPHONES[c] ?? []));
        const split = new Set(bySpread(w, (c) => (SPLIT_CHARS[c] ? [SPLIT_CHARS[c] as string] : [])));
        const all = splitCharVariant(w);
        if (all) split.add(all);
        expect(splitCharVariants(w)).toEqual([...split]);
      }),
      { numRuns: 1000 },
    );
  });
});
