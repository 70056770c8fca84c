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
 * With OLD=<dir> (a checkout whose dist/ is built, e.g. the previous build copied aside), each beian
 * run is also run with that build, side by side in the same run: ours/peer > 1 there means this build
 * is faster than the old one.
 *
 * The projection on more cores is made of CPU seconds (a loaded machine inflates wall time far more):
 * F = the start-up (a 1-thread scan of a 1-line corpus with the same library), P = the 1-thread run
 * less F (the work more threads divide; MiB / P is one thread's throughput), e = what a thread more
 * costs on top (2 threads: the 2-thread run less the 1-thread one; k > 2: half of what the 3-thread
 * run costs over the 1-thread one, as from 3 threads up the calling thread only reads and merges and
 * each worker loads jieba itself). T(k) = F + P/k + e: the extra cost counted once on the critical
 * path, as the threads pay theirs at the same time; the calling thread's reading and merging are
 * in P, so the projection is optimistic once they, not the walk, are the bottleneck.
 *
 *   npx tsx bench/lexicon/e2e.ts     # env CORPUS_MB (64), SIZES (1,1000,10000,50000), PEERS (1), JS_WALK (1), COMPILED (1), OLD, TIMEOUT_S (90)
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
const oldRoot = process.env.OLD;
if (oldRoot && !existsSync(join(oldRoot, 'dist/cli/index.js')))
  throw new Error(`OLD=${oldRoot}: no dist/ there`);

// --- corpus
const texts = realTexts();
const dir = mkdtempSync(join(tmpdir(), 'beian-e2e-'));
const corpus = join(dir, 'corpus.txt');
writeFileSync(corpus, corpusOfSize(texts, corpusMb));
// one line: a scan of it is the start-up alone (process, KB, library), for the projection
const tiny = join(dir, 'tiny.txt');
writeFileSync(tiny, `${texts[0]}\n`);

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
  const scanArgs = (bin: string, input = corpus, library = lib): string[] => [
    bin,
    'scan',
    input,
    '--format',
    'txt',
    '--lexicon',
    library,
    '--json',
  ];
  const runs: Run[] = [];
  // this build's beian run, and the old build's beside it (OLD)
  const beianRuns = (name: string, args: (bin: string) => string[]): Run => {
    const r = run(name, 'node', args(beian), beianResult);
    runs.push(r);
    if (oldRoot)
      runs.push(run(`${name} (old build)`, 'node', args(join(oldRoot, 'bin/beian.js')), beianResult));
    return r;
  };
  const ours = beianRuns('beian scan --threads 2', (b) => [...scanArgs(b), '--threads', '2']);
  const one = beianRuns('beian scan --threads 1', (b) => [...scanArgs(b), '--threads', '1']);
  // what the projection needs besides: 3 threads, and the start-up alone (not in the table)
  let project = { one, two: ours, label: 'text list', library: lib };
  const extra = (library: string): { three: Run; fixed: Run } => ({
    three: run('3', 'node', [...scanArgs(beian, corpus, library), '--threads', '3'], beianResult),
    fixed: run('tiny', 'node', [...scanArgs(beian, tiny, library), '--threads', '1'], beianResult),
  });
  // the same list compiled beforehand (compile not timed)
  if (process.env.COMPILED !== '0') {
    const compiled = join(dir, `kw-${n}.beianlx`);
    spawnSync('node', [beian, 'lexicon', 'compile', '--lexicon', lib, '--out', compiled], {
      stdio: 'ignore',
    });
    const [two, single] = ['2', '1'].map((t) =>
      beianRuns(`beian scan, compiled --threads ${t}`, (b) => [
        ...scanArgs(b, corpus, compiled),
        '--threads',
        t,
      ]),
    ) as [Run, Run];
    // a provider compiles the weekly library once: the projection is of the compiled runs
    project = { one: single, two, label: 'compiled', library: compiled };
  }
  const aside = extra(project.library);
  // the same scan with the JS line walk instead of the WebAssembly one (ours/peer > 1: WASM helps)
  if (process.env.JS_WALK !== '0')
    runs.push(
      run('beian scan --threads 2, JS walk', 'node', [...scanArgs(beian), '--threads', '2'], beianResult, {
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
    'tool'.padEnd(46),
    'seconds'.padStart(8),
    'CPU s'.padStart(7),
    'RSS MB'.padStart(7),
    'ours/peer'.padStart(10),
    'CPU ratio'.padStart(10),
    '  result',
  );
  for (const r of runs)
    console.log(
      r.name.padEnd(46),
      r.seconds.toFixed(2).padStart(8),
      r.cpu.toFixed(2).padStart(7),
      r.rssMb.toFixed(0).padStart(7),
      (r === ours ? '' : (r.seconds / ours.seconds).toFixed(2)).padStart(10),
      (r === ours ? '' : (r.cpu / ours.cpu).toFixed(2)).padStart(10),
      ` ${r.result}`,
    );
  // In CPU seconds (see the header): T(k) = F + P/k + e(k)
  const F = aside.fixed.cpu;
  const P = Math.max(0, project.one.cpu - F);
  const e2 = Math.max(0, project.two.cpu - project.one.cpu);
  const eMore = Math.max(0, (aside.three.cpu - project.one.cpu) / 2);
  const at = (k: number): string => ((F + P) / (F + P / k + (k === 2 ? e2 : eMore))).toFixed(2);
  projections.push(
    `${String(n).padStart(6)} keywords (${project.label}): start-up F ${F.toFixed(2)} CPU-s, scan P ${P.toFixed(2)} CPU-s ` +
      `(one thread ${(mb / P).toFixed(0)} MiB/s), a thread more e ${e2.toFixed(2)} CPU-s (2 threads), ` +
      `${eMore.toFixed(2)} (each from 3 up); projected ×${at(2)} on 2, ×${at(4)} on 4, ×${at(8)} on 8 idle cores ` +
      `(measured here, wall: ×${(project.one.seconds / project.two.seconds).toFixed(2)} on 2)`,
  );
}
console.log(
  '\nthreads, in CPU seconds: T(k) = start-up F + scan P/k + a thread more e (see the header; a loaded machine flattens the measured ratio):',
);
for (const p of projections) console.log(p);
rmSync(dir, { recursive: true, force: true });
