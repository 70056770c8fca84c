/**
 * Micro-benchmark of the scan workers' hot loop (issue #13): Scanner.lines, the UTF-8 byte walk of
 * the automaton: WebAssembly (src/lexicon/wasm, built by npm run build), today's JS
 * (src/lexicon/automaton.ts) and the frozen pre-change JS copy (hotloop-baseline.ts), side by side in
 * one run on the same bytes and automaton. Prints MB/s of UTF-8 input per CPU second (the machine is
 * shared: wall time measures the neighbours) and the ratios (> 1: the first is faster); checks that
 * all three flag the same lines.
 *
 * Corpus and keywords as in e2e.ts (chinese-poetry + CLUENER + Weibo NER lines; konsheng + houbb
 * keywords, seeded shuffle), keywords normalised, no variants.
 *
 *   npx tsx bench/lexicon/hotloop.ts   # env CORPUS_MB (16), SIZES (10000,50000), REPS (3)
 */
import { buildAutomaton, createScanner } from '../../src/lexicon/automaton.js';
import { buildNormTable, DEFAULT_NORMALIZE, normalizeString } from '../../src/lexicon/normalize.js';
import { wasmLines } from '../../src/lexicon/wasm/index.js';
import { baselineLines } from './hotloop-baseline.js';
import { corpusOfSize, keywordPool, realTexts } from './real-text.js';

const corpusMb = Number(process.env.CORPUS_MB ?? 16);
const sizes = (process.env.SIZES ?? '10000,50000').split(',').map(Number);
const reps = Number(process.env.REPS ?? 3);

const bytes = new Uint8Array(Buffer.from(corpusOfSize(realTexts(), corpusMb)));
const mb = bytes.length / 1e6;
const pool = keywordPool();

type Lines = ReturnType<typeof createScanner>['lines'];
const time = (walkLines: Lines): { secs: number; hits: number } => {
  let hits = 0;
  const t = process.cpuUsage();
  walkLines(bytes, 0, bytes.length, (_s, _e, hit) => {
    if (hit) hits++;
  });
  const d = process.cpuUsage(t);
  return { secs: (d.user + d.system) / 1e6, hits };
};

const table = buildNormTable(DEFAULT_NORMALIZE);
console.log(`corpus ${mb.toFixed(1)} MB, ${reps} alternating reps, best of each`);
console.log(
  'keywords | old MB/s | JS MB/s | WASM MB/s | JS/old | WASM/JS | WASM/old | hit lines | WASM setup ms',
);
for (const n of sizes) {
  const norm = [...new Set(pool.slice(0, n).map((k) => normalizeString(k, table)))].filter(
    (k) => k.length > 0,
  );
  const a = buildAutomaton(norm, table);
  const old = baselineLines(a);
  const neu = createScanner(a).lines;
  const t0 = performance.now();
  const wasm = wasmLines(a);
  const setupMs = performance.now() - t0;
  if (!wasm) throw new Error('no dist/lexicon/wasm/lines.wasm: run npm run build first');
  time(old);
  time(neu); // warm-up (JIT)
  time(wasm);
  let bestOld = Infinity;
  let bestNew = Infinity;
  let bestWasm = Infinity;
  let hitsOld = -1;
  let hitsNew = -1;
  let hitsWasm = -1;
  for (let r = 0; r < reps; r++) {
    const o = time(old);
    const w = time(neu);
    const m = time(wasm);
    bestOld = Math.min(bestOld, o.secs);
    bestNew = Math.min(bestNew, w.secs);
    bestWasm = Math.min(bestWasm, m.secs);
    hitsOld = o.hits;
    hitsNew = w.hits;
    hitsWasm = m.hits;
  }
  if (hitsOld !== hitsNew || hitsNew !== hitsWasm)
    throw new Error(`hit lines differ: old ${hitsOld}, JS ${hitsNew}, WASM ${hitsWasm}`);
  console.log(
    `${n} | ${(mb / bestOld).toFixed(0)} | ${(mb / bestNew).toFixed(0)} | ${(mb / bestWasm).toFixed(0)} | ` +
      `${(bestOld / bestNew).toFixed(2)} | ${(bestNew / bestWasm).toFixed(2)} | ${(bestOld / bestWasm).toFixed(2)} | ${hitsNew} | ${setupMs.toFixed(0)}`,
  );
}
