import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileLexicon } from '../lexicon/matcher.js';
import { buildNormTable, DEFAULT_NORMALIZE } from '../lexicon/normalize.js';
import { SegmentationDeferred } from '../lexicon/segment.js';
import { wasmLines } from '../lexicon/wasm/index.js';
import { auditItems, fileSampler, sampleKey } from './audit.js';
import { auditUtf8Lines, fastLines, finishDeferred } from './audit-lines.js';
import { blockItems } from './parse.js';
import type { CorpusBlock } from './types.js';

const table = buildNormTable(DEFAULT_NORMALIZE);
const matcher = compileLexicon(
  [
    { keyword: '色情', category: 'A.1.6', severity: 3 },
    { keyword: '赌博', category: 'A.1.6', severity: 2 },
    { keyword: '马𫘜', category: 'A.1.3', severity: 1 },
    { keyword: 'av', category: 'A.1.6', severity: 1 },
    { keyword: '65', category: 'A.1.6', severity: 1 },
  ],
  { normTable: table, allow: ['色情片分级'] },
  (t) => [...t],
);
const wasm = wasmLines(matcher.automaton);
const options = { flagScore: 3, seed: 7, sampleFraction: 0.3, manualSize: 5 };
// the walk's hits go to the matcher, as in a scan (countedMatcher)
const count = (t: string, hits?: Int32Array) => matcher.scan(t, hits);
const units = [
  '色',
  '情',
  '赌',
  '博',
  '马',
  '𫘜',
  '😀',
  'a',
  'v',
  'A',
  '6',
  '5',
  '.',
  ' ',
  '\r',
  '\u3000',
  '分',
  '级',
  '片',
];

/** A txt block of `text` as the reader hands it over, its first line numbered `firstLine`. */
const txtBlock = (text: string, firstLine: number): Extract<CorpusBlock, { kind: 'lines' }> => ({
  kind: 'lines',
  file: 'f.txt',
  format: 'txt',
  encoding: 'auto',
  firstLine,
  bytes: new TextEncoder().encode(text),
});

describe('auditUtf8Lines', () => {
  it('gives the same tally as decoding every line, with the JS and the WebAssembly walk (property)', () => {
    expect(wasm, 'dist/lexicon/wasm/lines.wasm: run npm run build').toBeDefined();
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom(...units), maxLength: 12 }), { maxLength: 30 }),
        (lines) => {
          const block = txtBlock(lines.map((l) => `${l}\n`).join(''), 5);
          const fast = fastLines(block);
          expect(fast).toBeDefined();
          const slow = auditItems(blockItems(block, {}), block.bytes.length, count, options);
          expect(auditUtf8Lines(fast as NonNullable<typeof fast>, matcher.lines, count, options)).toEqual(
            slow,
          );
          if (wasm)
            expect(auditUtf8Lines(fast as NonNullable<typeof fast>, wasm, count, options)).toEqual(slow);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("lines whose hits do not fit the walk's hit stream are matched again from their text", () => {
    const dense = compileLexicon(
      [
        { keyword: '色', category: 'A.1.6', severity: 1, boundary: 'none' },
        { keyword: '色色', category: 'A.1.6', severity: 3, boundary: 'none' },
      ],
      { normTable: table },
    );
    const walk = wasmLines(dense.automaton);
    expect(walk).toBeDefined();
    // ~3 hits a character: more than the stream's room (a word a byte) on the first line
    const text = `${'色'.repeat(3000)}\n甲色色乙\n\n色\r\n`;
    const block = txtBlock(text, 1);
    const { bytes } = block;
    const seen: Array<Int32Array | undefined> = [];
    walk?.(bytes, 0, bytes.length, (_s, _e, hit, _b, hits) => {
      if (hit) seen.push(hits);
    });
    expect(seen.map((h) => h === undefined)).toEqual([true, true, true]);
    const c = (t: string, hits?: Int32Array) => dense.scan(t, hits);
    const fast = fastLines(block) as NonNullable<ReturnType<typeof fastLines>>;
    const slow = auditItems(blockItems(block, {}), bytes.length, c, options);
    expect(auditUtf8Lines(fast, walk as NonNullable<typeof walk>, c, options)).toEqual(slow);
    // the same lines without the long one come with their hits
    const short = new TextEncoder().encode('甲色色乙\n色\r\n');
    const got: Array<Int32Array | undefined> = [];
    walk?.(short, 0, short.length, (_s, _e, hit, _b, hits) => {
      if (hit) got.push(hits);
    });
    expect(got.map((h) => (h ? [...h] : h))).toEqual([
      [0, 1, 2, 1, 1, 3, 0, 2, 3],
      [0, 0, 1],
    ]);
  });

  it('deferring the records that need word boundaries and finishing them elsewhere gives the same tally (property)', () => {
    // 性 (one character) needs the segmenter; where it is not loaded, its records are deferred
    let here = true;
    const segmented = compileLexicon(
      [
        { keyword: '色情', category: 'A.1.6', severity: 3 },
        { keyword: '性', category: 'A.1.6', severity: 3 },
        { keyword: '赌博', category: 'A.1.6', severity: 2 },
      ],
      { normTable: table },
      (t) => {
        if (!here) throw new SegmentationDeferred();
        return [...t];
      },
    );
    const walk = wasmLines(segmented.automaton);
    const c = (t: string, hits?: Int32Array) => segmented.scan(t, hits);
    const opts = { ...options, maxFlaggedRecords: 2 };
    const lineUnits = [...units, '性', '别'];
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom(...lineUnits), maxLength: 10 }), { maxLength: 30 }),
        (lines) => {
          const block = txtBlock(lines.map((l) => `${l}\n`).join(''), 3);
          here = true;
          const slow = auditItems(blockItems(block, {}), block.bytes.length, c, opts);
          for (const w of [segmented.lines, walk]) {
            if (!w) continue;
            here = false;
            const part = auditUtf8Lines(
              fastLines(block) as NonNullable<ReturnType<typeof fastLines>>,
              w,
              c,
              opts,
              (e) => e instanceof SegmentationDeferred,
            );
            here = true;
            expect(finishDeferred(part, 'f.txt', c, opts)).toEqual(slow);
          }
        },
      ),
      { numRuns: 300 },
    );
    const block = txtBlock('性别\n色情\n性\n', 1);
    here = false;
    const part = auditUtf8Lines(
      fastLines(block) as NonNullable<ReturnType<typeof fastLines>>,
      segmented.lines,
      c,
      opts,
      (e) => e instanceof SegmentationDeferred,
    );
    expect(part.deferred?.map((d) => d.line)).toEqual([1, 3]);
    expect(part.records).toBe(1);
    here = true;
    expect(finishDeferred(part, 'f.txt', c, opts).records).toBe(3);
  });

  it('leaves blocks with NUL, invalid UTF-8 or JSONL to the full parser', () => {
    const block = (bytes: Uint8Array, format: 'txt' | 'jsonl' = 'txt'): CorpusBlock => ({
      kind: 'lines',
      file: 'f',
      format,
      encoding: 'auto',
      firstLine: 1,
      bytes,
    });
    expect(fastLines(block(new Uint8Array([0x41, 0, 0x0a])))).toBeUndefined();
    expect(fastLines(block(new Uint8Array([0x41, 0xff, 0x0a])))).toBeUndefined();
    expect(fastLines(block(new Uint8Array([0x41, 0x0a]), 'jsonl'))).toBeUndefined();
  });

  it('fileSampler draws the same keys as sampleKey', () => {
    fc.assert(
      fc.property(fc.integer(), fc.string(), fc.nat(), (seed, file, line) => {
        expect(fileSampler(seed, file)(line)).toBe(sampleKey(seed, file, line));
      }),
    );
  });
});
