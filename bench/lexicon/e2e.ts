/**
 * End-to-end corpus scan benchmark (issue #13): what a user waits for, process start to result, on
 * the same files in one run: `beian scan` (2 threads and 1, and 2 threads with the JS line walk instead
 * of the WebAssembly one: BEIAN_WASM=0), `rg -F -f`, `grep -F -f`, and the JS
 * Aho–Corasick peers behind beian's own reader (bench/lexicon/e2e-peer.mjs). Prints seconds, peak
 * RSS and ours/peer = peer seconds / beian seconds (> 1: beian is faster), the same ratio on CPU
 * seconds (user + system: on a shared, loaded machine wall time mostly measures the neighbours), then
 * the 1 vs 2 thread split and the projected speed-up on more cores.
 *
 * Corpus: real Chinese text, one record a line: chinese-poetry paragraphs, the CLUENER train
 * sentences and the Weibo NER messages of ../shared/data/ner, repeated to CORPUS_MB.
 * Keywords: the konsheng (MIT) and houbb (Apache-2.0) lists of ../shared/data/lexicons, unique,
 * 2+ characters, seeded shuffle; beian gets them as a plain list with one
 * `#! category=A.1.6 severity=3` header line. Normalisation is on for beian (its default), off
 * for every peer (they match bytes or code units as given).
 *
 *   npm run build && (cd bench && npm ci)
 * With COMPILED=1 (default), beian also scans with the same list compiled beforehand (`beian
 * lexicon compile`, not timed): what a provider who compiles the weekly library once pays per scan.
 *
 *   npx tsx bench/lexicon/e2e.ts     # env CORPUS_MB (64), SIZES (1,1000,10000,50000), PEERS (1), JS_WALK (1), COMPILED (1), TIMEOUT_S (90)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusOfSize, keywordPool, realTexts, root } from './real-text.js';

const corpusMb = Number(process.env.CORPUS_MB ?? 64);
const sizes = (process.env.SIZES ?? '1,1000,10000,50000').split(',').map(Number);
const withPeers = process.env.PEERS !== '0';
const timeoutMs = Number(process.env.TIMEOUT_S ?? 90) * 1000;
const beian = join(root, 'bin/beian.js');
if (!existsSync(join(root, 'dist/cli/index.js'))) throw new Error('run npm run build first');

// --- corpus
const texts = realTexts();
const dir = mkdtempSync(join(tmpdir(), 'beian-e2e-'));
const corpus = join(dir, 'corpus.txt');
writeFileSync(corpus, corpusOfSize(texts, corpusMb));

// --- keywords
const pool = keywordPool();

// --- runs
interface Run {
  name: string;
  seconds: number;
  /** user + system CPU seconds: what a loaded machine cannot inflate */
  cpu: number;
  rssMb: number;
  result: string;
  /** beian only: seconds inside the scan itself (the report's `seconds`), the rest is start-up */
  scanSeconds?: number;
}
function run(
  name: string,
  cmd: string,
  args: string[],
  result: (stdout: string) => string,
  env: Record<string, string> = {},
): Run {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', cmd, ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: timeoutMs,
    env: { ...process.env, LC_ALL: 'C.UTF-8', ...env },
  });
  if (r.error || r.signal)
    return {
      name,
      seconds: Number.NaN,
      cpu: Number.NaN,
      rssMb: Number.NaN,
      result: `timeout ${timeoutMs / 1000}s`,
    };
  const last = r.stderr.trim().split('\n').at(-1) ?? '';
  const [secs, kb, user, sys] = last.split(' ').map(Number);
  const scanSeconds = scanSecondsOf(r.stdout);
  return {
    name,
    seconds: secs ?? Number.NaN,
    cpu: (user ?? Number.NaN) + (sys ?? Number.NaN),
    rssMb: (kb ?? Number.NaN) / 1024,
    result: result(r.stdout),
    ...(scanSeconds !== undefined ? { scanSeconds } : {}),
  };
}
function scanSecondsOf(out: string): number | undefined {
  try {
    const j = JSON.parse(out) as { seconds?: unknown };
    return typeof j.seconds === 'number' ? j.seconds : undefined;
  } catch {
    return undefined;
  }
}
const beianResult = (out: string): string => {
  try {
    const j = JSON.parse(out) as { records: number; flagged: number };
    return `${j.records} records, ${j.flagged} flagged`;
  } catch {
    return 'failed';
  }
};

const mb = statSync(corpus).size / 2 ** 20;
console.log(
  `corpus: ${mb.toFixed(1)} MiB, ${texts.length} distinct real texts (poetry, CLUENER, Weibo) one a line; ` +
    `keyword pool ${pool.length}; node ${process.version}; ${availableParallelism()} cores`,
);
const projections: string[] = [];
for (const n of sizes) {
  const kw = pool.slice(0, n);
  const plain = join(dir, `kw-${n}.txt`);
  const lib = join(dir, `kw-${n}.beian.txt`);
  writeFileSync(plain, `${kw.join('\n')}\n`);
  writeFileSync(lib, `#! category=A.1.6 severity=3\n${kw.join('\n')}\n`);
  const scanArgs = [beian, 'scan', corpus, '--format', 'txt', '--lexicon', lib, '--json'];
  const runs: Run[] = [];
  const ours = run('beian scan --threads 2', 'node', [...scanArgs, '--threads', '2'], beianResult);
  const one = run('beian scan --threads 1', 'node', [...scanArgs, '--threads', '1'], beianResult);
  runs.push(ours, one);
  // the same list compiled beforehand (compile not timed)
  if (process.env.COMPILED !== '0') {
    const compiled = join(dir, `kw-${n}.beianlx`);
    spawnSync('node', [beian, 'lexicon', 'compile', '--lexicon', lib, '--out', compiled], {
      stdio: 'ignore',
    });
    const withCompiled = [beian, 'scan', corpus, '--format', 'txt', '--lexicon', compiled, '--json'];
    for (const t of ['2', '1'])
      runs.push(
        run(`beian scan, compiled --threads ${t}`, 'node', [...withCompiled, '--threads', t], beianResult),
      );
  }
  // the same scan with the JS line walk instead of the WebAssembly one (ours/peer > 1: WASM helps)
  if (process.env.JS_WALK !== '0')
    runs.push(
      run('beian scan --threads 2, JS walk', 'node', [...scanArgs, '--threads', '2'], beianResult, {
        BEIAN_WASM: '0',
      }),
    );
  runs.push(
    run(
      'rg -F -f --count-matches',
      'rg',
      ['-F', '-f', plain, '--count-matches', corpus],
      (o) => `${o.trim()} matches`,
    ),
  );
  runs.push(run('grep -F -f -c', 'grep', ['-F', '-c', '-f', plain, corpus], (o) => `${o.trim()} lines`));
  if (withPeers)
    for (const p of ['@monyone/aho-corasick', 'ahocorasick', 'modern-ahocorasick'])
      runs.push(
        run(
          `${p} (beian reader)`,
          'node',
          [join(root, 'bench/lexicon/e2e-peer.mjs'), p, plain, corpus],
          (o) => {
            let j: { records?: number; flagged?: number } = {};
            try {
              j = JSON.parse(o || '{}') as typeof j;
            } catch {}
            return j.records === undefined
              ? 'failed: not installed? (cd bench && npm ci)'
              : `${j.records} records, ${j.flagged} with a match`;
          },
        ),
      );
  // a peer that did not run has no time to compare with
  for (const r of runs)
    if (r.result.startsWith('failed')) {
      r.seconds = Number.NaN;
      r.cpu = Number.NaN;
    }
  console.log(`\n${n} keywords`);
  console.log(
    'tool'.padEnd(38),
    'seconds'.padStart(8),
    'CPU s'.padStart(7),
    'RSS MB'.padStart(7),
    'ours/peer'.padStart(10),
    'CPU ratio'.padStart(10),
    '  result',
  );
  for (const r of runs)
    console.log(
      r.name.padEnd(38),
      r.seconds.toFixed(2).padStart(8),
      r.cpu.toFixed(2).padStart(7),
      r.rssMb.toFixed(0).padStart(7),
      (r === ours ? '' : (r.seconds / ours.seconds).toFixed(2)).padStart(10),
      (r === ours ? '' : (r.cpu / ours.cpu).toFixed(2)).padStart(10),
      ` ${r.result}`,
    );
  // T(k threads) ≈ start-up + scan/k: start-up (process, KB, library compile) is the 1-thread run's
  // wall time minus its scan time; the scan itself is what more threads divide.
  const scan1 = one.scanSeconds ?? Number.NaN;
  const fixed = one.seconds - scan1;
  const at = (k: number): string => (one.seconds / (fixed + scan1 / k)).toFixed(2);
  projections.push(
    `${String(n).padStart(6)} keywords: 1 thread ${one.seconds.toFixed(2)} s (start-up ${fixed.toFixed(2)} s + scan ` +
      `${scan1.toFixed(2)} s), 2 threads ${ours.seconds.toFixed(2)} s (measured ×${(one.seconds / ours.seconds).toFixed(2)}); ` +
      `projected ×${at(2)} on 2, ×${at(4)} on 4, ×${at(8)} on 8 idle cores`,
  );
}
console.log(
  '\nthreads (start-up + scan/threads, from the 1-thread run; a loaded machine flattens the measured ratio):',
);
for (const p of projections) console.log(p);
rmSync(dir, { recursive: true, force: true });
