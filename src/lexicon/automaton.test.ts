import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAutomaton, scanAll } from './automaton.js';
import { buildNormTable, DEFAULT_NORMALIZE, DROP, normalizeString } from './normalize.js';

const table = buildNormTable(DEFAULT_NORMALIZE);

/** The naive reference: normalise with an offset map, then indexOf every pattern everywhere. */
function naive(patterns: string[], text: string): string[] {
  let norm = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const m = table[text.charCodeAt(i)] as number;
    if (m === DROP) continue;
    norm += String.fromCharCode(m);
    at.push(i);
  }
  const out: string[] = [];
  patterns.forEach((p, pi) => {
    for (let i = norm.indexOf(p); i !== -1; i = norm.indexOf(p, i + 1))
      out.push(`${pi}:${at[i]}:${(at[i + p.length - 1] as number) + 1}`);
  });
  return out.sort();
}

function fast(patterns: string[], text: string): string[] {
  const a = buildAutomaton(patterns, table);
  const out: string[] = [];
  scanAll(a, text, (p, s, e) => out.push(`${p}:${s}:${e}`));
  return out.sort();
}

// A small alphabet so keywords overlap and share prefixes/suffixes; it includes characters that
// normalisation changes (full-width, case, traditional) and noise (space, *, zero-width, emoji).
const alphabet = [
  '色',
  '情',
  '法',
  '轮',
  '功',
  '發',
  '发',
  'a',
  'A',
  'Ａ',
  'b',
  '性',
  ' ',
  '*',
  '\u200b',
  '🌸',
  '，',
];
const word = fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 6 }).map((a) => a.join(''));

describe('Aho–Corasick automaton', () => {
  it('agrees with the naive reference on random keyword sets and texts (property)', () => {
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 30 }),
        fc.array(word, { maxLength: 40 }),
        (kws, parts) => {
          const patterns = [
            ...new Set(kws.map((k) => normalizeString(k, table)).filter((k) => k.length > 0)),
          ];
          const text = parts.join('');
          expect(fast(patterns, text)).toEqual(naive(patterns, text));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('maps matches back to the original text through noise and width/case/traditional forms', () => {
    const patterns = ['法轮功', '色情', 'abc'];
    const text = '这是法*轮 功和色\u200b情，还有ＡＢc。發';
    const found: Array<[string, string]> = [];
    scanAll(buildAutomaton(patterns, table), text, (p, s, e) =>
      found.push([patterns[p] as string, text.slice(s, e)]),
    );
    expect(found).toEqual([
      ['法轮功', '法*轮 功'],
      ['色情', '色\u200b情'],
      ['abc', 'ＡＢc'],
    ]);
  });

  it('does not join words across sentence punctuation', () => {
    const found: number[] = [];
    scanAll(buildAutomaton(['色情'], table), '颜色。情况', (p) => found.push(p));
    expect(found).toEqual([]);
  });
});
