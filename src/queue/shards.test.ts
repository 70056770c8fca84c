import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSplitter } from '../util/csv.js';
import { CsvCutFinder, CutFinder, cutTargets, planShards } from './shards.js';

/** Lines of a small alphabet (newlines included), as bytes. */
const textArb = fc
  .array(fc.constantFrom('a', '中', '\n', 'b', '\n\n'), { maxLength: 300 })
  .map((xs) => Buffer.from(xs.join('')));

function shardsOf(bytes: Buffer, shardBytes: number, chunk: number) {
  const finder = new CutFinder(cutTargets(bytes.length, shardBytes));
  for (let i = 0; i < bytes.length; i += chunk) if (!finder.push(bytes.subarray(i, i + chunk))) break;
  return planShards([{ file: 'f', size: bytes.length, splittable: true }], new Map([['f', finder.cuts]]));
}

describe('shard planning', () => {
  it('covers every byte exactly once, cuts just after newlines, with the right first line', () => {
    fc.assert(
      fc.property(
        textArb,
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 50 }),
        (bytes, shardBytes, chunk) => {
          const shards = shardsOf(bytes, shardBytes, chunk);
          let at = 0;
          for (const s of shards) {
            const r = s.range ?? { start: 0, end: bytes.length, firstLine: 1 };
            expect(r.start).toBe(at);
            if (bytes.length) expect(r.end).toBeGreaterThan(r.start);
            if (r.start > 0) expect(bytes[r.start - 1]).toBe(0x0a);
            const before = bytes.subarray(0, r.start).filter((b) => b === 0x0a).length;
            expect(r.firstLine).toBe(before + 1);
            at = r.end;
          }
          expect(at).toBe(bytes.length);
        },
      ),
    );
  });

  it('keeps unsplittable files and files without inner newlines whole', () => {
    const s = planShards(
      [
        { file: 'a.gz', size: 1000, splittable: false },
        { file: 'b', size: 10, splittable: true },
      ],
      new Map([['a.gz', [{ offset: 500, line: 3 }]]]),
    );
    expect(s).toEqual([
      { file: 'a.gz', size: 1000 },
      { file: 'b', size: 10 },
    ]);
    expect(shardsOf(Buffer.from('x'.repeat(100)), 10, 7)).toEqual([{ file: 'f', size: 100 }]);
  });

  it('cuts a file into about size/shardBytes pieces', () => {
    expect(cutTargets(100, 30)).toEqual([25, 50, 75]);
    expect(cutTargets(30, 30)).toEqual([]);
    expect(cutTargets(0, 30)).toEqual([]);
  });
});

/** CSV text with quoted fields spanning lines, doubled quotes, CRLF, blank lines and stray quotes. */
const csvArb = fc
  .array(fc.constantFrom('a', '中', ',', '\n', '\r\n', '"', '""', '"x\ny"', 'b,c', '\n\n'), {
    maxLength: 200,
  })
  .map((xs) => Buffer.from(`h1,h2\n${xs.join('')}`));

/** What the CSV reader makes of some bytes, fed `step` characters at a time: every record and malformed report with its line. */
function csvRead(bytes: Buffer, maxSpan: number, step: number, firstLine = 1): string[] {
  const out: string[] = [];
  const sp = new CsvSplitter(
    ',',
    (f, line) => out.push(`${line}:${JSON.stringify(f)}`),
    (line, reason) => out.push(`${line}!${JSON.stringify(reason)}`),
    maxSpan,
    firstLine,
  );
  const text = bytes.toString('utf8');
  for (let i = 0; i < text.length; i += step) sp.push(text.slice(i, i + step));
  sp.end();
  return out;
}

describe('CSV shard planning', () => {
  it('reads the pieces into exactly the records (and lines) of a whole-file read', () => {
    fc.assert(
      fc.property(
        csvArb,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 8, max: 60 }),
        fc.integer({ min: 1, max: 25 }),
        (bytes, shardBytes, chunk, maxSpan, step) => {
          const finder = new CsvCutFinder(cutTargets(bytes.length, shardBytes), maxSpan);
          for (let i = 0; i < bytes.length; i += chunk) if (!finder.push(bytes.subarray(i, i + chunk))) break;
          const shards = planShards(
            [{ file: 'f', size: bytes.length, splittable: true }],
            new Map([['f', finder.cuts]]),
          );
          const pieces = shards.flatMap((s) => {
            const r = s.range ?? { start: 0, end: bytes.length, firstLine: 1 };
            return csvRead(bytes.subarray(r.start, r.end), maxSpan, step, r.firstLine);
          });
          // the pieces start at other chunk boundaries than the whole file: the records must not care
          expect(pieces).toEqual(csvRead(bytes, maxSpan, step));
          // the header is always in the first piece
          const first = shards[0]?.range;
          if (first) expect(bytes.subarray(0, first.end).toString()).toMatch(/^h1,h2\n/);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('cuts only between records, never inside a quoted newline, and never a file with an over-long record', () => {
    const text = Buffer.from('id\n"a\nb"\nc\n"d\ne"\nf\n');
    const finder = new CsvCutFinder([1, 4, 9, 12, 16], 100);
    finder.push(text);
    expect(finder.cuts).toEqual([
      { offset: 3, line: 2 },
      { offset: 9, line: 4 },
      { offset: 11, line: 5 },
      { offset: 17, line: 7 },
    ]);
    // one record over the bound anywhere, even after the last cut: the file stays whole
    const long = new CsvCutFinder([5], 10);
    long.push(Buffer.from('h1,h2\nab\ncd\n"unclosed\nxxxxxxxxxxxxxxxxx\nz\n'));
    expect(long.cuts).toEqual([]);
    expect(long.unsafe).toBe(true);
    const fine = new CsvCutFinder([5], 10);
    fine.push(Buffer.from('h1,h2\nab\ncd\n"q\nx"\nz\n'));
    expect(fine.cuts).toEqual([{ offset: 6, line: 2 }]);
  });
});
