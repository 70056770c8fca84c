import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPool, mapOrdered } from '../../corpus/pool.js';
import type { Scanner } from '../automaton.js';
import { compileLexicon } from '../matcher.js';
import { buildNormTable, DEFAULT_NORMALIZE } from '../normalize.js';
import { loadWasmModule, type SharedWalk, shareWalk, walkOf, wasmLines } from './index.js';
import { wasmLayout } from './layout.js';

const table = buildNormTable(DEFAULT_NORMALIZE);
const chars = [...'色情网站赌博法轮功马阴道中国人民一二三的是在不了有和这大为上个6.5-4a𫘜'];

/** seeded words over `chars`, and lines of text over the same characters (hits on most lines) */
function seeded(seed: number, words: number, lines: number): { keywords: string[]; text: string } {
  let s = seed;
  const rnd = (n: number): number => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % n;
  };
  const pick = (len: number): string => Array.from({ length: len }, () => chars[rnd(chars.length)]).join('');
  const keywords = new Set<string>();
  while (keywords.size < words) keywords.add(pick(2 + rnd(4)));
  const text = Array.from({ length: lines }, () => pick(rnd(60))).join('\n');
  return { keywords: [...keywords], text };
}

const matcherOf = (keywords: readonly string[]) =>
  compileLexicon(
    keywords.map((k) => ({ keyword: k, category: 'A.1.6', severity: 3, boundary: 'none' as const })),
    { normTable: table },
  );

const walked = (walk: Scanner['lines'], bytes: Uint8Array): string[] => {
  const out: string[] = [];
  walk(bytes, 0, bytes.length, (s, e, hit, blank, hits) =>
    out.push(`${s}:${e}:${hit}:${blank}:${hits ? [...hits].join(',') : ''}`),
  );
  return out;
};

/** blocks of whole lines, each larger than the one before (so each thread's buffers must grow) */
function growingBlocks(bytes: Uint8Array): Uint8Array[] {
  const blocks: Uint8Array[] = [];
  let from = 0;
  let size = 1000;
  while (from < bytes.length) {
    let to = Math.min(bytes.length, from + size);
    while (to < bytes.length && bytes[to - 1] !== 0x0a) to++;
    blocks.push(bytes.slice(from, to));
    from = to;
    size = Math.ceil(size * 1.7);
  }
  return blocks;
}

describe('one WebAssembly image shared by every thread (shareWalk, walkOf)', () => {
  const module = loadWasmModule();
  it('is built (npm run build)', () => {
    expect(module, 'dist/lexicon/wasm/lines.wasm: run npm run build').toBeDefined();
  });

  it('walks of one shared image, interleaved and growing their buffers, = a walk of its own (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), (seed) => {
        const { keywords, text } = seeded(seed, 40, 400);
        const m = matcherOf(keywords);
        const bytes = new TextEncoder().encode(text);
        const blocks = growingBlocks(bytes);
        const own = wasmLines(m.automaton, module) as Scanner['lines'];
        const shared = shareWalk(m.automaton, module) as SharedWalk;
        const a = walkOf(shared);
        const b = walkOf(shared);
        for (const block of blocks) {
          const want = walked(own, block);
          // the JS walk's flags too: the shared image is the automaton's
          expect(walked(m.lines, block).map((l) => l.split(':').slice(0, 4).join(':'))).toEqual(
            want.map((l) => l.split(':').slice(0, 4).join(':')),
          );
          expect(walked(a, block)).toEqual(want);
          expect(walked(b, block)).toEqual(want);
        }
      }),
      { numRuns: 20 },
    );
  });

  it('leaves the image as it was copied: the threads write only past it', () => {
    const { keywords, text } = seeded(11, 300, 3000);
    const m = matcherOf(keywords);
    const layout = wasmLayout(m.automaton);
    const shared = shareWalk(m.automaton, module) as SharedWalk;
    const walks = [walkOf(shared), walkOf(shared), walkOf(shared)];
    const bytes = new TextEncoder().encode(text);
    const own = wasmLines(m.automaton, module) as Scanner['lines'];
    for (const [i, block] of growingBlocks(bytes).entries())
      expect(walked(walks[i % 3] as Scanner['lines'], block)).toEqual(walked(own, block));
    const image = new Int32Array(shared.memory.buffer, 0, layout.image.length);
    expect(Buffer.from(image.buffer, 0, image.byteLength).equals(Buffer.from(layout.image.buffer))).toBe(
      true,
    );
    expect(shared.memory.buffer.byteLength).toBeGreaterThan(layout.size);
  });

  it('two worker threads given one shared walk find the same lines and hits as one thread', async () => {
    const { keywords, text } = seeded(5, 2000, 6000);
    const m = matcherOf(keywords);
    const bytes = new TextEncoder().encode(text);
    const blocks = growingBlocks(bytes);
    const own = wasmLines(m.automaton, module) as Scanner['lines'];
    const want = blocks.map((b) => walked(own, b));
    expect(want.flat().some((l) => l.split(':')[2] === 'true')).toBe(true);
    const walk = shareWalk(m.automaton, module) as SharedWalk;
    const pool = createPool<{ bytes: Uint8Array }, string[]>(
      new URL('../../../test/fixtures/lexicon/walk-worker.ts', import.meta.url),
      { size: 2, workerData: { walk } },
    );
    try {
      const got: string[][] = [];
      for await (const r of mapOrdered(
        pool,
        blocks.map((b) => ({ bytes: b })),
        { maxInFlight: 4 },
      ))
        got.push(r);
      expect(got).toEqual(want);
      // and the calling thread still walks the same image after them
      expect(blocks.map((b) => walked(walkOf(walk), b))).toEqual(want);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
