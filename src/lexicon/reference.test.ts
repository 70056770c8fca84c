import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createScanner } from './automaton.js';
import { compileLexicon } from './matcher.js';
import { buildNormTable, DEFAULT_NORMALIZE, normalizeString, normalizeWithOffsets } from './normalize.js';
import type { LexiconEntry } from './types.js';
import { loadWasmModule, wasmLines } from './wasm/index.js';

/**
 * The matcher against a naive reference: normalise the text (with the offsets of every normalised
 * unit), then indexOf every normalised keyword. Same context rules by construction of
 * normalizeWithOffsets; the automaton, the scanner's inlined rules and the UTF-8 line walk must agree.
 */
const table = buildNormTable(DEFAULT_NORMALIZE);
const units = [
  '色',
  '情',
  '马',
  '𫘜',
  '𨳒',
  '😀',
  '6',
  '5',
  '4',
  '.',
  '-',
  '(',
  ')',
  ' ',
  '*',
  'A',
  'a',
  'b',
  '，',
  '陰',
  '阴',
  '道',
  '\u200b',
  'ａ',
  '１',
  '\u3000',
  '%',
  '6-5',
  '5.4',
  '6 5',
];
// multi-unit pieces too: digits around noise (SEP in the normalised form) must meet often
const keywordUnits = [
  '6.5',
  '5-4',
  '色',
  '情',
  '马',
  '𫘜',
  '𨳒',
  '6',
  '5',
  '4',
  '.',
  'a',
  'b',
  '阴',
  '道',
  '陰',
  '*',
];

interface RefHit {
  keyword: number;
  start: number;
  end: number;
}

function reference(patterns: string[], text: string): RefHit[] {
  const { text: n, offsets } = normalizeWithOffsets(text, table);
  const out: RefHit[] = [];
  patterns.forEach((p, k) => {
    for (let at = n.indexOf(p); at >= 0; at = n.indexOf(p, at + 1)) {
      // a match never starts on the low half of a surrogate pair
      if ((n.charCodeAt(at) & 0xfc00) === 0xdc00) continue;
      out.push({ keyword: k, start: offsets[at] as number, end: (offsets[at + p.length - 1] as number) + 1 });
    }
  });
  return out;
}

const key = (h: RefHit): string => `${h.keyword}:${h.start}:${h.end}`;

const keywordSets = fc
  .uniqueArray(fc.string({ unit: fc.constantFrom(...keywordUnits), minLength: 1, maxLength: 4 }), {
    minLength: 1,
    maxLength: 8,
    selector: (k) => normalizeString(k, table),
  })
  .map((ks) => ks.filter((k) => normalizeString(k, table).length > 0))
  .filter((ks) => ks.length > 0);
const texts = fc.string({ unit: fc.constantFrom(...units), maxLength: 40 });

describe('matcher = normalise-then-indexOf (property)', () => {
  it('finds exactly the reference hits, at original offsets', () => {
    fc.assert(
      fc.property(keywordSets, texts, (keywords, text) => {
        const entries: LexiconEntry[] = keywords.map((k) => ({
          keyword: k,
          category: 'A.1.6',
          severity: 3,
          boundary: 'none',
        }));
        const m = compileLexicon(entries, { normTable: table }, (t) => [...t]);
        const got = m
          .findAll(text)
          .map((x) => key({ keyword: keywords.indexOf(x.keyword), start: x.start, end: x.end }));
        const want = reference(
          keywords.map((k) => normalizeString(k, table)),
          text,
        ).map(key);
        expect(got.sort()).toEqual(want.sort());
      }),
      { numRuns: 1000 },
    );
  });

  it('scan keeps the leftmost-longest reference hits, ASCII keywords only between non-alphanumerics', () => {
    fc.assert(
      fc.property(keywordSets, texts, (keywords, text) => {
        const m = compileLexicon(
          keywords.map((k) => ({ keyword: k, category: 'A.1.6', severity: 3 })),
          { normTable: table },
          (t) => [...t], // every character a word: the jieba rules never reject here
        );
        const norm = keywords.map((k) => normalizeString(k, table));
        const alnum = (c: number): boolean => /[0-9A-Za-z]/.test(String.fromCharCode(c));
        const cands = reference(norm, text).filter((h) => {
          if (!/^[a-z0-9]+$/.test(norm[h.keyword] as string)) return true;
          return !(alnum(text.charCodeAt(h.start - 1)) || alnum(text.charCodeAt(h.end)));
        });
        cands.sort((a, b) => a.start - b.start || b.end - a.end);
        const kept: RefHit[] = [];
        let reach = -1;
        for (const h of cands)
          if (h.start >= reach) {
            kept.push(h);
            reach = h.end;
          }
        const got = m.scan(text).map((x) => `${x.start}:${x.end}`);
        expect(got).toEqual(kept.map((h) => `${h.start}:${h.end}`));
      }),
      { numRuns: 1000 },
    );
  });

  it('the UTF-8 line walk flags exactly the lines with a hit, and the blank lines: JS and WebAssembly', () => {
    // the WebAssembly walk must be built (npm run build): a missing module fails here, not skips
    const module = loadWasmModule();
    expect(module, 'dist/lexicon/wasm/lines.wasm: run npm run build').toBeDefined();
    const lineText = fc.string({ unit: fc.constantFrom(...units, '\t', '\n', '3'), maxLength: 20 });
    fc.assert(
      fc.property(keywordSets, fc.array(lineText, { minLength: 1, maxLength: 6 }), (keywords, lines) => {
        const m = compileLexicon(
          keywords.map((k) => ({ keyword: k, category: 'A.1.6', severity: 3, boundary: 'none' as const })),
          { normTable: table },
        );
        const norm = keywords.map((k) => normalizeString(k, table));
        const bytes = new TextEncoder().encode(lines.map((l) => `${l}\n`).join(''));
        const want = lines
          .join('\n')
          .split('\n')
          .map((l) => [l, reference(norm, l).length > 0, l.trim() === '']);
        for (const walk of [m.lines, wasmLines(m.automaton, module)]) {
          if (!walk) continue;
          const got: Array<[string, boolean, boolean]> = [];
          walk(bytes, 0, bytes.length, (s, e, hit, blank) =>
            got.push([new TextDecoder().decode(bytes.subarray(s, e)), hit, blank]),
          );
          expect(got).toEqual(want);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("the WebAssembly walk's hits of each hit line = scan() of its decoded text = the reference", () => {
    const module = loadWasmModule();
    expect(module, 'dist/lexicon/wasm/lines.wasm: run npm run build').toBeDefined();
    const lineText = fc.string({ unit: fc.constantFrom(...units, '\t', '\r', '3', '中'), maxLength: 24 });
    fc.assert(
      fc.property(
        keywordSets,
        fc.array(lineText, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (keywords, lines, lastNewline) => {
          const m = compileLexicon(
            keywords.map((k) => ({ keyword: k, category: 'A.1.6', severity: 3, boundary: 'none' as const })),
            { normTable: table },
          );
          const norm = keywords.map((k) => normalizeString(k, table));
          const body = lines.join('\n');
          const bytes = new TextEncoder().encode(lastNewline ? `${body}\n` : body);
          const walk = wasmLines(m.automaton, module);
          const scanner = createScanner(m.automaton);
          const got: string[] = [];
          const want: string[] = [];
          walk?.(bytes, 0, bytes.length, (s, e, hit, _blank, hits) => {
            if (!hit) return;
            expect(hits, 'a hit line comes with its hits').toBeDefined();
            const text = new TextDecoder().decode(bytes.subarray(s, e)).replace(/\r$/, '');
            const triples: string[] = [];
            for (let k = 0; k + 2 < (hits?.length ?? 0); k += 3)
              triples.push(`${hits?.[k]}:${hits?.[k + 1]}:${hits?.[k + 2]}`);
            got.push(triples.join(' '));
            const js: string[] = [];
            scanner.scan(text, (p, start, end) => js.push(`${p}:${start}:${end}`));
            want.push(js.join(' '));
            // the reference, up to order (patterns are numbered in keyword order here)
            expect([...triples].sort()).toEqual(
              reference(norm, text)
                .map((h) => `${h.keyword}:${h.start}:${h.end}`)
                .sort(),
            );
          });
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('the WebAssembly walk = the JS walk on larger keyword sets (packed depth-1 rows, hashed deeper edges)', () => {
    const module = loadWasmModule();
    expect(module, 'dist/lexicon/wasm/lines.wasm: run npm run build').toBeDefined();
    const many = fc
      .uniqueArray(
        fc.string({
          unit: fc.constantFrom(...keywordUnits, '中', '国', '人', '民'),
          minLength: 1,
          maxLength: 6,
        }),
        {
          minLength: 1,
          maxLength: 80,
          selector: (k) => normalizeString(k, table),
        },
      )
      .map((ks) => ks.filter((k) => normalizeString(k, table).length > 0))
      .filter((ks) => ks.length > 0);
    const lineText = fc.string({
      unit: fc.constantFrom(...units, '中', '国', '人', '民', '\n'),
      maxLength: 60,
    });
    fc.assert(
      fc.property(many, lineText, (keywords, text) => {
        const m = compileLexicon(
          keywords.map((k) => ({ keyword: k, category: 'A.1.6', severity: 3, boundary: 'none' as const })),
          { normTable: table },
        );
        const bytes = new TextEncoder().encode(text);
        const walk = wasmLines(m.automaton, module);
        const js: string[] = [];
        const wasm: string[] = [];
        m.lines(bytes, 0, bytes.length, (s, e, hit, blank) => js.push(`${s}:${e}:${hit}:${blank}`));
        walk?.(bytes, 0, bytes.length, (s, e, hit, blank) => wasm.push(`${s}:${e}:${hit}:${blank}`));
        expect(wasm).toEqual(js);
        const norm = keywords.map((k) => normalizeString(k, table));
        expect(js.map((l) => l.split(':')[2] === 'true')).toEqual(
          text
            .split('\n')
            .slice(0, js.length)
            .map((l) => reference(norm, l).length > 0),
        );
      }),
      { numRuns: 300 },
    );
  });
});
