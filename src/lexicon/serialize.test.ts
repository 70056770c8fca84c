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
    expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe('BEIANLX3');
    expect(back.entries).toStrictEqual(m.entries);
    expect(back.entries.find((e) => e.keyword === '推翻')?.context).toEqual(['政府', '暴力']);
    expect(back.patterns).toEqual(m.patterns);
    expect(back.normalize).toEqual(m.normalize);
    expect([...back.automaton.hNext]).toEqual([...m.automaton.hNext]);
  });

  it('reads keywords and notes one by one, and past a few thousand reads from the decoded column', () => {
    const many: LexiconEntry[] = Array.from({ length: 6000 }, (_, i) => ({
      keyword: `词${i}`,
      category: 'A.1.6',
      severity: 2,
      ...(i % 3 ? { note: `备注${i}` } : {}),
    }));
    const loaded = deserializeMatcher(serializeMatcher(compileLexicon(many)));
    // from the end first: the first reads are of single entries, then the whole column
    const read = Array.from({ length: many.length }, (_, k) => loaded.entries[many.length - 1 - k]).reverse();
    expect(read).toStrictEqual(many);
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

  it('loads a file written before the WebAssembly layout was stored, and lays it out at load', () => {
    // the same file without its last array (the layout) and the header's offsets for it
    const len = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + len)));
    const region = bytes.subarray((12 + len + 3) & ~3, bytes.length - header.lengths.wasmImage * 4);
    delete header.lengths.wasmImage;
    delete header.wasm;
    const words = new Int32Array(region.buffer, region.byteOffset, region.length / 4);
    let h = 0x811c9dc5;
    for (const w of words) h = Math.imul(h ^ w, 0x01000193);
    header.checksum = h >>> 0;
    const json = new TextEncoder().encode(JSON.stringify(header));
    const start = (12 + json.length + 3) & ~3;
    const old = new Uint8Array(start + region.length);
    old.set(bytes.subarray(0, 8));
    new DataView(old.buffer).setUint32(8, json.length, true);
    old.set(json, 12);
    old.set(region, start);
    const loaded = deserializeMatcher(old);
    expect(loaded.automaton.wasm).toBeUndefined();
    const text = '免费色*情网站, PORN 与性别, 他叫马𫘜';
    expect(loaded.scan(text)).toEqual(m.scan(text));
    const line = new TextEncoder().encode(`${text}\n`);
    const flags: boolean[] = [];
    wasmLines(loaded.automaton)?.(line, 0, line.length, (_s, _e, hit) => flags.push(hit));
    expect(flags).toEqual([true]);
  });

  it('refuses a stored WebAssembly layout whose offsets leave its image (the hot loop trusts them)', () => {
    const len = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + len)));
    // the hash table moved to the image's last slot: its probes would read past the image
    header.wasm.hash = header.wasm.size - 16;
    // same header length, so the arrays stay where they are (the checksum covers only the arrays)
    const text = JSON.stringify(header);
    const json = new TextEncoder().encode(text + ' '.repeat(len - new TextEncoder().encode(text).length));
    expect(json.length).toBe(len);
    const bad = bytes.slice();
    bad.set(json, 12);
    expect(() => deserializeMatcher(bad)).toThrow(/WebAssembly layout does not fit/);
  });

  it('rejects bytes that are not a compiled lexicon', () => {
    expect(() => deserializeMatcher(new TextEncoder().encode('not a lexicon at all'))).toThrow(/bad magic/);
  });
});

const a4 = (n: number): number => (n + 3) & ~3;

/**
 * An LX3 file's JSON header (its byte length too) and the bytes of its string columns, which lie
 * just before the WebAssembly image, the last array.
 */
function stringColumns(bytes: Uint8Array) {
  const len = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + len)));
  const L = header.lengths;
  const strings =
    a4(L.keywordUnits * 2) +
    a4(L.keywordEnds * 4) +
    a4(L.noteUnits * 2) +
    a4(L.noteEnds * 4) +
    a4(L.sourceIndex * 4);
  return { len, header, strings };
}

describe('files written before the keyword and note columns', () => {
  it('load with the keywords, notes and sources read from the header', () => {
    const m = compileLexicon(entries, { allow: ['性别'] });
    const bytes = serializeMatcher(m);
    const { len, header, strings } = stringColumns(bytes);
    const from = (12 + len + 3) & ~3;
    const L = header.lengths;
    const wasmAt = bytes.length - L.wasmImage * 4;
    const region = new Uint8Array(wasmAt - strings - from + L.wasmImage * 4);
    region.set(bytes.subarray(from, wasmAt - strings));
    region.set(bytes.subarray(wasmAt), wasmAt - strings - from);
    for (const k of ['keywordUnits', 'keywordEnds', 'noteUnits', 'noteEnds', 'sourceIndex']) delete L[k];
    header.keywords = m.entries.map((e) => e.keyword);
    header.notes = Object.fromEntries(m.entries.flatMap((e, i) => (e.note ? [[i, e.note]] : [])));
    header.sourceOf = m.entries.map((e) => (e.source ? header.sources.indexOf(e.source) : -1));
    const words = new Int32Array(region.buffer, 0, region.length / 4);
    let h = 0x811c9dc5;
    for (const w of words) h = Math.imul(h ^ w, 0x01000193);
    header.checksum = h >>> 0;
    const json = new TextEncoder().encode(JSON.stringify(header));
    const start = (12 + json.length + 3) & ~3;
    const old = new Uint8Array(start + region.length);
    old.set(new TextEncoder().encode('BEIANLX2'));
    new DataView(old.buffer).setUint32(8, json.length, true);
    old.set(json, 12);
    old.set(region, start);
    const loaded = deserializeMatcher(old);
    expect(loaded.entries).toStrictEqual(m.entries);
    const text = '免费色*情网站, PORN 与性别, 他叫马𫘜';
    expect(loaded.scan(text)).toEqual(m.scan(text));
  });
});

describe('the library summary', () => {
  it('is stored when given, so that loading needs no entry', () => {
    const m = compileLexicon(entries);
    const library = { version: 'lx-0123456789ab', keywords: entries.length };
    expect(deserializeMatcher(serializeMatcher(m, { library })).library).toEqual(library);
    expect(deserializeMatcher(serializeMatcher(m)).library).toBeUndefined();
  });
});

describe('a damaged keyword column', () => {
  it('is refused at load', () => {
    const bytes = serializeMatcher(compileLexicon(entries)).slice();
    const { header, strings } = stringColumns(bytes);
    const L = header.lengths;
    const endsAt = bytes.length - L.wasmImage * 4 - strings + a4(L.keywordUnits * 2);
    new DataView(bytes.buffer).setInt32(endsAt, 1_000_000, true);
    // past the checksum (a worker's load skips it): the column check itself refuses the file
    expect(() => deserializeMatcher(bytes, undefined, { verified: true })).toThrow(/keyword column/);
    expect(() => deserializeMatcher(bytes)).toThrow(/checksum/);
  });
});
