import { describe, expect, it } from 'vitest';
import { compileLexicon } from './matcher.js';
import { deserializeMatcher, serializeMatcher } from './serialize.js';
import type { LexiconEntry } from './types.js';
import { wasmLines } from './wasm/index.js';
import { wasmLayout } from './wasm/layout.js';

const entries: LexiconEntry[] = [
  { keyword: '色情', category: 'A.1.6', severity: 3, origin: 'a.txt:2', source: 'beian' },
  { keyword: '阴道', category: 'A.1.6', severity: 2, note: '医学语境常见', origin: 'b.csv:7' },
  { keyword: 'porn', category: 'A.1.6', severity: 1, boundary: 'word', origin: 'ours', source: 'houbb/x' },
  { keyword: '性', category: 'A.2.1', severity: 1 },
  { keyword: '马𫘜', category: 'A.1.3', severity: 2, boundary: 'none' },
  // context words are part of the entry: a scan's workers get the matcher through these bytes
  { keyword: '推翻', category: 'A.1.1', severity: 1, context: ['政府', '暴力'] },
];

describe('serializeMatcher / deserializeMatcher', () => {
  const m = compileLexicon(entries, { allow: ['性别'], pinyin: true });
  const bytes = serializeMatcher(m);
  const back = deserializeMatcher(bytes);

  it('round-trips entries, patterns and the automaton', () => {
    expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe('BEIANLX2');
    expect(back.entries).toStrictEqual(m.entries);
    expect(back.entries.find((e) => e.keyword === '推翻')?.context).toEqual(['政府', '暴力']);
    expect(back.patterns).toEqual(m.patterns);
    expect(back.normalize).toEqual(m.normalize);
    expect([...back.automaton.hNext]).toEqual([...m.automaton.hNext]);
  });

  it('matches like the compiled matcher, also from an unaligned copy', () => {
    const text = '免费色*情网站, PORN 与性别, 他叫马𫘜, se qing, 山陰道士';
    const copy = new Uint8Array(bytes.length + 1);
    copy.set(bytes, 1);
    for (const x of [back, deserializeMatcher(copy.subarray(1))]) expect(x.scan(text)).toEqual(m.scan(text));
  });

  it('stores the WebAssembly layout, so loading lays nothing out', () => {
    const stored = back.automaton.wasm;
    expect(stored).toBeDefined();
    const fresh = wasmLayout(m.automaton);
    expect({ ...stored, image: [...(stored?.image ?? [])] }).toEqual({ ...fresh, image: [...fresh.image] });
    const lines = new TextEncoder().encode('免费色*情网站\n与性别\n他叫马𫘜\n');
    const flags: boolean[] = [];
    wasmLines(back.automaton)?.(lines, 0, lines.length, (_s, _e, hit) => flags.push(hit));
    expect(flags).toEqual([true, true, true]);
  });

  it('rejects bytes that are not a compiled lexicon', () => {
    expect(() => deserializeMatcher(new TextEncoder().encode('not a lexicon at all'))).toThrow(/bad magic/);
  });
});
