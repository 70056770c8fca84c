/**
 * End-to-end throughput of `beian pii` against a floor: what any PII scan in Node must at least
 * pay (stream the file, JSON.parse every line, one combined regex for mobiles/IDs/cards/e-mails),
 * on one thread. Corpus: real news-style sentences (CLUENER/Weibo text, read at run time from
 * /work/shared/data, never copied) as JSONL, with generated identifiers spliced into some lines.
 *   npm run build && npx tsx bench/pii/throughput.ts [megabytes=24] [jobs=2]   (ROUNDS=2 by default)
 * Prints MB/s of each (beian on 1 thread and on `jobs` threads), MB per CPU-second, and the ratios
 * ours/floor by wall clock and by CPU seconds (targets: detect ≥ 0.5, redact + re-scan ≥ 0.3).
 * BASE=/path/to/other/dist runs that build too, interleaved with this one in the same rounds (an
 * older tree's `dist/`, e.g. a copy taken before a change), and prints its figures beside ours.
 */
import { createReadStream, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
// the built package, as `beian pii` runs it (run `npm run build` first): from src, every worker
// thread would compile TypeScript at start-up and the run would measure tsx
import type { PiiReport, runPii } from '../../dist/app/pii/run.js';
import { writeNewsCorpus } from './news-corpus.js';

const RUN_URL = new URL('../../dist/app/pii/run.js', import.meta.url).href;
const BASE_URL = process.env.BASE
  ? pathToFileURL(join(resolve(process.env.BASE), 'app/pii/run.js')).href
  : undefined;
const mb = Number(process.argv[2] ?? 24);
const jobs = Number(process.argv[3] ?? 2);
const dir = join(tmpdir(), `beian-pii-tp-${process.pid}`);
mkdirSync(dir, { recursive: true });
const file = join(dir, 'news.jsonl');

const bytes = writeNewsCorpus(file, mb);
console.log(`corpus: ${(bytes / 1e6).toFixed(1)} MB of news-style JSONL; ${jobs} worker threads for beian`);

const COMBINED =
  /(?<!\d)1[3-9]\d{9}(?!\d)|(?<!\d)\d{17}[\dXx](?!\d)|(?<!\d)\d{16,19}(?!\d)|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** CPU seconds of the whole process (every thread) during a run: robust to a loaded machine. */
const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
};
interface Run {
  wall: number;
  cpu: number;
}
const best: Record<string, Run> = {};
const keep = (k: string, r: Run) => {
  const b = best[k];
  best[k] = b ? { wall: Math.min(b.wall, r.wall), cpu: Math.min(b.cpu, r.cpu) } : r;
};
const mbps = (s: number) => (bytes / 1e6 / s).toFixed(1);

/**
 * CPU seconds of each OS thread of this process (Linux /proc; empty elsewhere). Threads that exist
 * before a run and are not the main one are V8's platform threads (TurboFan's concurrent compiles,
 * concurrent marking, parallel scavenges) and libuv's pool; the threads a run starts are its
 * JavaScript threads (the command's thread and its workers). Their split shows what a thread costs
 * besides its share of the work: each isolate compiles the same hot functions again.
 */
const TICKS = 100; // USER_HZ: /proc reports CPU time in these
const threadCpu = (): Map<string, number> => {
  const out = new Map<string, number>();
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return out;
  }
  for (const tid of tids)
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(tid, (Number(f[11]) + Number(f[12])) / TICKS);
    } catch {
      // the thread ended between the listing and the read
    }
  return out;
};
/** Samples the threads during a run (a worker's figures vanish when it ends): call the result to stop. */
function watchThreads(): () => { background: number; js: number } {
  const before = threadCpu();
  const last = new Map(before);
  const timer = setInterval(() => {
    for (const [tid, s] of threadCpu()) last.set(tid, s);
  }, 20);
  const c0 = process.cpuUsage();
  return () => {
    clearInterval(timer);
    for (const [tid, s] of threadCpu()) last.set(tid, s);
    let background = 0;
    for (const [tid, s] of before) if (tid !== String(process.pid)) background += (last.get(tid) ?? s) - s;
    const c = process.cpuUsage(c0);
    const self = (last.get(String(process.pid)) ?? 0) - (before.get(String(process.pid)) ?? 0);
    // the rest of the process's CPU: the run's own threads (exact even for ticks missed at their end)
    return { background, js: Math.max(0, (c.user + c.system) / 1e6 - background - self) };
  };
}

async function floor(): Promise<void> {
  const c0 = cpu();
  const t0 = performance.now();
  let hits = 0;
  const rl = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) {
    const v = JSON.parse(line) as { text: string };
    for (const _ of v.text.matchAll(COMBINED)) hits++;
  }
  const r = { wall: (performance.now() - t0) / 1000, cpu: cpu() - c0 };
  keep('floor', r);
  console.log(
    `floor (1 thread: stream + JSON.parse + one combined regex): ${mbps(r.wall)} MB/s, ${mbps(r.cpu)} MB per CPU-second, ${hits} hits`,
  );
}

/**
 * `beian pii` as its command runs it: in a fresh thread (a new V8 isolate, its own heap and JIT
 * state, as a new process has), so the benchmark's own heap and the earlier runs' compiled code do
 * not colour the figures; with threads > 1 that thread drives the worker pool.
 */
function runFresh(options: Parameters<typeof runPii>[0], run: string): Promise<PiiReport> {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     import(workerData.run).then((m) => m.runPii(workerData.options)).then((r) => parentPort.postMessage(r));`,
    { eval: true, workerData: { run, options } },
  );
  return new Promise((ok, fail) => {
    worker.once('message', (r: PiiReport) => {
      ok(r);
      void worker.terminate();
    });
    worker.once('error', fail);
  });
}

async function ours(threads: number, redact: boolean, base = false): Promise<void> {
  const stop = watchThreads();
  const c0 = cpu();
  const t0 = performance.now();
  const out = await runFresh(
    {
      inputs: [file],
      jobs: threads,
      ...(redact ? { outDir: join(dir, 'out') } : {}),
      env: {},
      cwd: dir,
    },
    base ? (BASE_URL as string) : RUN_URL,
  );
  const r = { wall: (performance.now() - t0) / 1000, cpu: cpu() - c0 };
  const split = stop();
  keep(`${base ? 'base ' : ''}${redact ? 'redact' : 'detect'}${threads}`, r);
  const found = Object.values(out.byType).reduce((a, b) => a + (b ?? 0), 0);
  console.log(
    `${base ? 'BASE ' : ''}beian pii (${threads} thread${threads > 1 ? 's' : ''}, all detectors${redact ? ', redact + re-scan' : ''}): ${mbps(r.wall)} MB/s, ${mbps(r.cpu)} MB per CPU-second, ${found} findings${redact ? `, residual high ${out.redaction?.residualHigh}` : ''}${split.js + split.background > 0 ? `; CPU-s ${split.js.toFixed(2)} in JavaScript threads + ${split.background.toFixed(2)} in the other threads (V8's compiler and GC, the module loader)` : ''}`,
  );
}

// the machine is shared and noisy: interleave the runs and keep each one's best
const rounds = Number(process.env.ROUNDS ?? 2);
for (let round = 0; round < rounds; round++) {
  await floor();
  for (const redact of [false, true])
    for (const threads of [1, jobs]) {
      if (BASE_URL) await ours(threads, redact, true);
      await ours(threads, redact);
    }
}
const f = best.floor as Run;
const get = (k: string) => best[k] as Run;
const wall = (k: string) => (f.wall / get(k).wall).toFixed(2);
const cpuRatio = (k: string) => f.cpu / get(k).cpu;
if (BASE_URL)
  for (const k of ['detect1', `detect${jobs}`, 'redact1', `redact${jobs}`])
    console.log(
      `${k}: MB per CPU-second base ${mbps(get(`base ${k}`).cpu)}, ours ${mbps(get(k).cpu)} (ours / base CPU-s ${(get(k).cpu / get(`base ${k}`).cpu).toFixed(2)}); wall ratio to floor base ${wall(`base ${k}`)}, ours ${wall(k)}`,
    );
console.log(
  `wall-clock ratio (ours / floor on 1 thread): detect 1 thread ${wall('detect1')}, ${jobs} threads ${wall(`detect${jobs}`)} (target ≥ 0.5); redact + re-scan 1 thread ${wall('redact1')}, ${jobs} threads ${wall(`redact${jobs}`)} (target ≥ 0.3)`,
);
// On a shared machine the wall clock mostly measures the other tenants; CPU seconds much less. A
// run's CPU seconds include its start-up (each worker thread's module loading and JIT warm-up), so
// jobs × (floor CPU / our CPU) is what `jobs` free cores would give at most.
console.log(
  `CPU ratio (floor CPU s / our CPU s, all threads): detect 1 thread ${cpuRatio('detect1').toFixed(2)}, ${jobs} threads ${cpuRatio(`detect${jobs}`).toFixed(2)}; redact + re-scan 1 thread ${cpuRatio('redact1').toFixed(2)}, ${jobs} threads ${cpuRatio(`redact${jobs}`).toFixed(2)}`,
);
// The issue's target is the wall clock of `jobs` threads against the floor's one thread. On free
// cores that wall clock is at best our CPU seconds spread evenly over the threads, and the floor's
// wall clock is its CPU seconds: hence jobs × CPU ratio, an upper bound (the start-up before the
// workers run and an uneven last block only lower it).
console.log(
  `per-thread projection on ${jobs} free cores (${jobs} × CPU ratio, an upper bound of the wall ratio there): detect ${(jobs * cpuRatio(`detect${jobs}`)).toFixed(2)}, redact + re-scan ${(jobs * cpuRatio(`redact${jobs}`)).toFixed(2)}`,
);
rmSync(dir, { recursive: true, force: true });
