import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSplitter, MAX_QUOTED_SPAN, parseQuoted } from './csv.js';

const encode = (f: string) => (/[",\n\r]/.test(f) || f === '' ? `"${f.replace(/"/g, '""')}"` : f);

function split(text: string, cuts: number[]): { fields: string[]; line: number }[] {
  const out: { fields: string[]; line: number }[] = [];
  const s = new CsvSplitter(',', (fields, line) => out.push({ fields, line }));
  let prev = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    s.push(text.slice(prev, c));
    prev = c;
  }
  s.push(text.slice(prev));
  s.end();
  return out;
}

describe('CSV splitter', () => {
  it('handles quotes, doubled quotes, embedded newlines and CRLF, with start lines', () => {
    const text = 'a,b\r\n"x, y","he said ""hi"""\n"multi\nline",z\n\nlast,1';
    expect(split(text, [3, 9, 30])).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['x, y', 'he said "hi"'], line: 2 },
      { fields: ['multi\nline', 'z'], line: 3 },
      { fields: ['last', '1'], line: 6 },
    ]);
    expect(parseQuoted('"",a', ',')).toEqual(['', 'a']);
  });

  it('round-trips any records, however the stream is chunked', () => {
    const field = fc.string({
      unit: fc.constantFrom('a', 'b', '价', ',', '"', '\n', ' ', '1'),
      maxLength: 6,
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        (records, rawCuts) => {
          const text = records.map((r) => r.map(encode).join(',')).join('\n');
          const got = split(
            text,
            rawCuts.map((c) => c % (text.length + 1)),
          );
          expect(got.map((g) => g.fields)).toEqual(records);
          let line = 1;
          records.forEach((r, i) => {
            expect(got[i]!.line).toBe(line);
            line += r.join(',').split('\n').length;
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('cell values', () => {
  it('reports an unclosed quote at its line and keeps every later row (no swallowing)', () => {
    const bad: number[] = [];
    const out: { fields: string[]; line: number }[] = [];
    const s = new CsvSplitter(
      ',',
      (fields, line) => out.push({ fields, line }),
      (line) => bad.push(line),
    );
    const rows = Array.from({ length: 2000 }, (_, i) => `r${i},${i}`);
    s.push(`h,v\n${rows.slice(0, 1000).join('\n')}\n"open,1\n${rows.slice(1000).join('\n')}\n`);
    s.end();
    expect(bad).toEqual([1002]);
    expect(out).toHaveLength(2001);
    expect(out.at(-1)).toEqual({ fields: ['r1999', '1999'], line: 2002 });
  });

  it('keeps memory bounded: an unclosed quote is given up after MAX_QUOTED_SPAN bytes', () => {
    const bad: number[] = [];
    let rows = 0;
    const s = new CsvSplitter(
      ',',
      () => rows++,
      (line) => bad.push(line),
    );
    s.push('"never closed\n');
    const chunk = 'x,y\n'.repeat(4096);
    for (let i = 0; i * chunk.length < 3 * MAX_QUOTED_SPAN; i++) s.push(chunk);
    s.end();
    expect(bad).toEqual([1]);
    expect(rows).toBeGreaterThan(3 * 4096 * 60);
  });

  it('property: rows after one unclosed quote all survive, however the stream is chunked', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        (before, after, cuts) => {
          const lines = [
            ...Array.from({ length: before }, (_, i) => `a${i},1`),
            '"broken,1',
            ...Array.from({ length: after }, (_, i) => `b${i},2`),
          ];
          const text = `${lines.join('\n')}\n`;
          const got = split(
            text,
            cuts.map((c) => c % (text.length + 1)),
          );
          // an unclosed quote can only ever be a malformed row or merge with the rows after it up to
          // the end; with the resync, every later row is kept as its own record
          expect(got.filter((r) => r.fields[0]?.startsWith('b'))).toHaveLength(after);
        },
      ),
    );
  });

  it('skips a line longer than the bound without holding it, and reads on', () => {
    const bad: Array<[number, string]> = [];
    const rows: number[] = [];
    const s = new CsvSplitter(
      ',',
      (_f, line) => rows.push(line),
      (line, reason) => bad.push([line, reason.key]),
      1000,
    );
    s.push('h\nok,1\n');
    for (let i = 0; i < 50; i++) s.push('x'.repeat(100));
    s.push('tail\nafter,2\n');
    s.end();
    expect(bad).toEqual([[3, 'malformed.csv.lineTooLong']]);
    expect(rows).toEqual([1, 2, 4]);
  });
});
