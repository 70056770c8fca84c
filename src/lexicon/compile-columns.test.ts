import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePlainLists, type PlainSource } from './compile-columns.js';
import { mergeLibraries, parseTxtLibrary, type RowDefaults } from './library.js';
import { compileLexicon } from './matcher.js';
import { buildNormTable, DEFAULT_NORMALIZE } from './normalize.js';
import { deserializeMatcher, serializeMatcher } from './serialize.js';
import { variantEntries } from './variants/entries.js';
import type { VariantFamily } from './variants/generate.js';
import { libraryVersion } from './version.js';
import { keywordWarnings } from './warnings.js';

const table = buildNormTable(DEFAULT_NORMALIZE);
const riskIds = new Set(['A.1.6', 'A.2.1', 'A.1.3']);

/** The object path app/lexicon.ts takes for any other selection: parse, merge, variants, compile, serialize. */
function viaObjects(
  sources: readonly PlainSource[],
  options: { defaults?: RowDefaults; variants: readonly VariantFamily[]; allow?: readonly string[] },
) {
  const libs = sources.map((s) => parseTxtLibrary(s.name, s.content, riskIds, options.defaults));
  const { keys, keyIndex, ...merged } = mergeLibraries(libs, table);
  const variants = variantEntries(merged.entries, options.variants, { keys: { keyIndex, table } });
  const m = compileLexicon([...merged.entries, ...variants], {
    ...(options.allow?.length ? { allow: options.allow } : {}),
    normTable: table,
    keys: { keys, keyIndex },
  });
  return {
    bytes: serializeMatcher(m, { shared: true, checksum: false }),
    entries: merged.entries,
    issues: merged.issues,
    duplicates: merged.duplicates,
    warnings: keywordWarnings(merged.entries, m.automaton.norm, keys),
    version: libraryVersion(merged.entries),
  };
}

// Characters that exercise every rule: variant-table keys (split, look-alike, homophone), traditional
// forms, supplementary-plane CJK (and a lone surrogate), digits and the noise between them,
// punctuation, cased and full-width letters, whitespace that trim() removes, a control character.
const UNITS = [
  ...'法轮功色情淫赌博枪炸性好明林江中国人日口党共',
  ...'賭陰國黨',
  '𫘜',
  '𨳒',
  '\uD840',
  ...'0123456789',
  ...'*-. /_·。，',
  ...'AaOolsxZ',
  ...'ＡＢ１',
  '\u3000',
  '\u00a0',
  '\u0001',
];
const keyword = fc.array(fc.constantFrom(...UNITS), { minLength: 1, maxLength: 7 }).map((cs) => cs.join(''));
const header = fc
  .record({
    category: fc.constantFrom('A.1.6', 'A.2.1', 'B.9', ''),
    severity: fc.constantFrom('1', '2', '3', 'high', 'x'),
    boundary: fc.constantFrom('auto', 'word', 'none', 'odd'),
    source: fc.constantFrom('', 'src-a', 'src-b'),
  })
  .map(
    (h) =>
      `#! category=${h.category} severity=${h.severity} boundary=${h.boundary}${h.source ? ` source=${h.source}` : ''}`,
  );
const line = (pool: string[]) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...pool) },
    { weight: 1, arbitrary: header },
    { weight: 1, arbitrary: fc.constantFrom('', '# a comment', '   ', '长'.repeat(201)) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...pool),
          fc.constantFrom('', 'A.1.3', 'Z.0'),
          fc.constantFrom('', '1', '3', 'bad'),
          fc.constantFrom('', '备注'),
        )
        .map((cells) => cells.join('\t')),
    },
  );
const list = fc
  .array(keyword, { minLength: 1, maxLength: 12 })
  .chain((pool) => fc.array(line(pool), { maxLength: 30 }))
  .chain((lines) =>
    fc.constantFrom(`${lines.join('\n')}\n`, lines.join('\r\n'), `\uFEFF${lines.join('\n')}`),
  );

describe('compilePlainLists', () => {
  it('compiles the bytes, entries, issues, duplicates, warnings and version of the object path', () => {
    fc.assert(
      fc.property(
        fc.array(list, { minLength: 1, maxLength: 3 }),
        fc.subarray(['homophone', 'split', 'lookalike', 'zero-width'] as VariantFamily[]),
        fc.option(fc.constantFrom<RowDefaults>({ category: 'A.1.6', severity: 3 }, { boundary: 'word' }), {
          nil: undefined,
        }),
        fc.array(keyword, { maxLength: 3 }),
        (contents, variants, defaults, allow) => {
          const sources = contents.map((content, i) => ({ name: `kw-${i % 2}.txt`, content }));
          const options = { variants, ...(defaults ? { defaults } : {}), ...(allow.length ? { allow } : {}) };
          const want = viaObjects(sources, options);
          const got = compilePlainLists(sources, riskIds, { ...options, table });
          expect(got.issues).toStrictEqual(want.issues);
          expect(got.duplicates).toStrictEqual(want.duplicates);
          expect(got.warnings).toStrictEqual(want.warnings);
          expect(got.keywords).toBe(want.entries.length);
          expect(got.entries()).toStrictEqual(want.entries);
          expect(got.version).toBe(want.version);
          // the columns loaded from both: the same entries, patterns and automaton, byte for byte
          expect(Buffer.from(got.bytes).equals(Buffer.from(want.bytes))).toBe(true);
          // (a library without keywords is refused before it is loaded: lexicon.empty)
          if (want.entries.length === 0) return;
          const a = deserializeMatcher(got.bytes, undefined, { verified: true });
          const b = deserializeMatcher(want.bytes, undefined, { verified: true });
          expect([...a.entries]).toStrictEqual([...b.entries]);
          expect([...a.patterns]).toStrictEqual([...b.patterns]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives variants, allow phrases and the version of a plain list as the object path does', () => {
    const content = '#! category=A.1.6 severity=3\n法轮功\n色情\n賭博\n色 情\n马𫘜\n6.4\nSOS\n性\n';
    const options = { variants: ['split', 'lookalike'] as VariantFamily[], allow: ['透明性'] };
    const got = compilePlainLists([{ name: 'kw.txt', content }], riskIds, { ...options, table });
    const want = viaObjects([{ name: 'kw.txt', content }], options);
    expect(Buffer.from(got.bytes).equals(Buffer.from(want.bytes))).toBe(true);
    expect(got.version).toBe(want.version);
    expect(got.duplicates.map((d) => d.keyword)).toEqual(['色 情']);
    const m = deserializeMatcher(got.bytes, undefined, { verified: true });
    expect(m.entries.some((e) => e.keyword === '氵去车仑工力')).toBe(true);
    expect(m.scan('他说氵去轮功和透明性').map((x) => x.keyword)).toEqual(['氵去轮功']);
  });
});
