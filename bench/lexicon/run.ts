/**
 * Keyword-matching benchmark: ours against JS Aho–Corasick peers and ripgrep, in one run, on the
 * same corpus (chinese-poetry JSON, real Chinese text) and keyword sets (random words of the jieba
 * dictionary, seeded). Prints build time, MB/s of UTF-8 input, heap growth and ours/peer ratios.
 *
 *   cd bench && npm install          # peers live in bench/node_modules only
 *   npx tsx bench/lexicon/run.ts     # env: CORPUS_MB (default 64), SIZES (default 1000,10000,50000)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAutomaton, scanAll } from '../../src/lexicon/automaton.js';
import { buildNormTable, DEFAULT_NORMALIZE, normalizeString } from '../../src/lexicon/normalize.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const benchRequire = createRequire(join(root, 'bench/package.json'));
const corpusMb = Number(process.env.CORPUS_MB ?? 64);
const sizes = (process.env.SIZES ?? '1000,10000,50000').split(',').map(Number);

// Corpus: chinese-poetry files concatenated up to CORPUS_MB of UTF-8, flattened into one string.
const poetryDir = join(root, 'node_modules/chinese-poetry/dist');
const files: string[] = [];
const walk = (d: string): void => {
  for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name)))
    e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.json') && files.push(join(d, e.name));
};
walk(poetryDir);
const parts: Buffer[] = [];
let size = 0;
for (const f of files) {
  if (size >= corpusMb * 1024 * 1024) break;
  const b = readFileSync(f);
  parts.push(b);
  size += b.length;
}
const corpusBytes = Buffer.concat(parts).subarray(0, corpusMb * 1024 * 1024);
const text = corpusBytes.toString('utf8');
const mb = corpusBytes.length / 1e6;
const lines = text.split('\n');
const dir = mkdtempSync(join(tmpdir(), 'beian-bench-'));
const corpusFile = join(dir, 'corpus.txt');
writeFileSync(corpusFile, corpusBytes);

const dict = readFileSync(join(root, 'node_modules/@node-rs/jieba/dict.txt'), 'utf8')
  .split('\n')
  .map((l) => l.split(' ')[0] ?? '')
  .filter((w) => w.length >= 2 && w.length <= 6);
let seed = 42;
const rnd = (): number => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
};
const table = buildNormTable(DEFAULT_NORMALIZE);
const identity = buildNormTable({ width: false, case: false, t2s: false, noise: false });

interface Row {
  name: string;
  buildMs: number;
  mbps: number;
  heapMb: number;
  count: number;
}

function time(name: string, build: () => unknown, run: (m: unknown) => number): Row {
  global.gc?.();
  const h0 = process.memoryUsage().heapUsed;
  let t = performance.now();
  const m = build();
  const buildMs = performance.now() - t;
  const heapMb = (process.memoryUsage().heapUsed - h0) / 1e6;
  run(m); // warm-up pass (JIT)
  t = performance.now();
  const count = run(m);
  const secs = (performance.now() - t) / 1000;
  return { name, buildMs, mbps: mb / secs, heapMb, count };
}

type Ctor = new (k: string[]) => { matchInText(t: string): unknown[] };
const peers: Array<{ name: string; make: (kw: string[]) => (t: string) => number }> = [];
const tryPeer = (name: string, load: () => (kw: string[]) => (t: string) => number): void => {
  try {
    peers.push({ name, make: load() });
  } catch (e) {
    console.log(`(skipping ${name}: ${(e as Error).message.split('\n')[0]})`);
  }
};
tryPeer('@monyone/aho-corasick', () => {
  const { AhoCorasick } = benchRequire('@monyone/aho-corasick') as { AhoCorasick: Ctor };
  return (kw) => {
    const ac = new AhoCorasick(kw);
    return (t) => ac.matchInText(t).length;
  };
});
tryPeer('@monyone/aho-corasick/fast', () => {
  const { AhoCorasick } = benchRequire('@monyone/aho-corasick/fast') as { AhoCorasick: Ctor };
  return (kw) => {
    const ac = new AhoCorasick(kw);
    return (t) => ac.matchInText(t).length;
  };
});
tryPeer('ahocorasick', () => {
  const AC = benchRequire('ahocorasick') as new (k: string[]) => { search(t: string): unknown[] };
  return (kw) => {
    const ac = new AC(kw);
    return (t) => ac.search(t).length;
  };
});
tryPeer('modern-ahocorasick (per line)', () => {
  type M = new (k: string[]) => { search(t: string): unknown[] };
  const mod = benchRequire('modern-ahocorasick') as M | { default: M };
  const AC = typeof mod === 'function' ? mod : mod.default;
  return (kw) => {
    const ac = new AC(kw);
    // It walks graphemes and is quadratic on long strings: feed it lines, as its docs suggest.
    return () => {
      let n = 0;
      for (const l of lines) n += ac.search(l).length;
      return n;
    };
  };
});

console.log(
  `corpus: ${mb.toFixed(1)} MB UTF-8 of chinese-poetry (${files.length} files available), node ${process.version}`,
);
for (const n of sizes) {
  const set = new Set<string>();
  while (set.size < n) set.add(normalizeString(dict[Math.floor(rnd() * dict.length)] as string, table));
  const kw = [...set];
  const rows: Row[] = [];
  const ours = time(
    'beian (normalised: width+case+t2s+noise)',
    () => buildAutomaton(kw, table),
    (a) => {
      let c = 0;
      scanAll(a as ReturnType<typeof buildAutomaton>, text, () => {
        c++;
      });
      return c;
    },
  );
  rows.push(ours);
  rows.push(
    time(
      'beian (no normalisation)',
      () => buildAutomaton(kw, identity),
      (a) => {
        let c = 0;
        scanAll(a as ReturnType<typeof buildAutomaton>, text, () => {
          c++;
        });
        return c;
      },
    ),
  );
  for (const p of peers) {
    try {
      rows.push(
        time(
          p.name,
          () => p.make(kw),
          (f) => (f as (t: string) => number)(text),
        ),
      );
    } catch (e) {
      console.log(`(${p.name} failed: ${(e as Error).message})`);
    }
  }
  const kwFile = join(dir, `kw-${n}.txt`);
  writeFileSync(kwFile, `${kw.join('\n')}\n`);
  const rg = spawnSync('rg', ['--version']);
  if (rg.status === 0) {
    const t = performance.now();
    const r = spawnSync('rg', ['-F', '-f', kwFile, '--count-matches', corpusFile], { encoding: 'utf8' });
    const secs = (performance.now() - t) / 1000;
    rows.push({
      name: 'ripgrep -F -f --count-matches (1 file)',
      buildMs: Number.NaN,
      mbps: mb / secs,
      heapMb: Number.NaN,
      count: Number(r.stdout.trim()) || 0,
    });
  }
  console.log(`\n${n} keywords`);
  console.log(
    'matcher'.padEnd(44),
    'build ms'.padStart(9),
    'MB/s'.padStart(8),
    'heap MB'.padStart(8),
    'matches'.padStart(9),
    'ours/peer'.padStart(10),
  );
  for (const r of rows)
    console.log(
      r.name.padEnd(44),
      r.buildMs.toFixed(0).padStart(9),
      r.mbps.toFixed(1).padStart(8),
      r.heapMb.toFixed(1).padStart(8),
      String(r.count).padStart(9),
      (ours.mbps / r.mbps).toFixed(2).padStart(10),
    );
}
