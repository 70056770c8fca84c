import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CutFinder, cutTargets, planShards } from './shards.js';

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
