/**
 * Scale-out scan benchmark: a plain single-process `beian scan` vs the same scan queued on 1 and 2
 * `beian worker` processes (one scan thread each), on a corpus of real Chinese text (chinese-poetry
 * and CLUENER sentences from /work/shared/data, repeated to SIZE_MB, default 16; SIZE_MB=1024 for
 * the 1 GB run), written under the system temp folder and removed afterwards. Shards are the
 * product's default size unless SHARD_MB says otherwise. Needs BEIAN_TEST_REDIS_URL and
 * BEIAN_TEST_PG_URL. Run after `npm run build`:
 *   npx tsx bench/scale-out/scan.ts
 * Prints times, ratios and peak RSS from this one run (the machine is shared: only in-run ratios
 * mean anything), and where the queued run's time goes, from BullMQ's own job timestamps: planning
 * (submitter start to the first job on the queue), shard work, the gaps between one worker's jobs
 * (job round trips: fetch, lock, partial write to PostgreSQL, completion) and the tail (last shard
 * done to the merged report printed).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { throwAwaySchema } from '../../test/helpers/store-drivers.js';
import { sentences } from './sentences.js';

const REDIS = process.env.BEIAN_TEST_REDIS_URL;
const PG = process.env.BEIAN_TEST_PG_URL;
if (!REDIS || !PG) {
  console.log('skipped: set BEIAN_TEST_REDIS_URL and BEIAN_TEST_PG_URL');
  process.exit(0);
}
const SIZE = Number(process.env.SIZE_MB ?? 16) * 1e6;
const SHARD = process.env.SHARD_MB ? Number(process.env.SHARD_MB) * 1024 * 1024 : undefined;
/** jobs at once per worker (`beian worker --concurrency`), the product's default unless set */
const CONCURRENCY = process.env.WORKER_CONCURRENCY;
const BIN = new URL('../../bin/beian.js', import.meta.url).pathname;

async function corpus(dir: string): Promise<string> {
  const file = join(dir, 'corpus.jsonl');
  const out = createWriteStream(file);
  const s = sentences();
  let bytes = 0;
  for (let i = 0; bytes < SIZE; i++) {
    const line = `${JSON.stringify({ text: s[i % s.length], source: `s${i % 4}` })}\n`;
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  return file;
}

/** Runs the CLI under /usr/bin/time: wall ms, stdout and peak RSS (MB). */
function run(
  args: string[],
): Promise<{ code: number; stdout: string; ms: number; rssMb: number; cpuMs: number }> {
  const t = performance.now();
  const child = spawn('/usr/bin/time', ['-f', '__RSS__ %M %U %S', process.execPath, BIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d;
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d;
  });
  return new Promise((r) =>
    child.on('close', (code) =>
      r({
        code: code ?? -1,
        stdout,
        ms: performance.now() - t,
        rssMb: Number(stderr.match(/__RSS__ (\d+)/)?.[1] ?? 0) / 1024,
        cpuMs: (stderr.match(/__RSS__ \d+ ([\d.]+) ([\d.]+)/)?.slice(1) ?? []).reduce(
          (n, x) => n + Number(x) * 1000,
          0,
        ),
      }),
    ),
  );
}

/** CPU time (user + system, all threads) of a running process so far, ms, from /proc (100 ticks/s). */
const cpuMs = (pid: number | undefined): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

/** Peak RSS of a running process (MB), from /proc. */
const peakRss = (pid: number | undefined): number =>
  Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+)/)?.[1] ?? 0) / 1024;

interface Breakdown {
  planMs: number;
  workMs: number;
  gapMs: number;
  tailMs: number;
  shards: number;
}

/** Where a queued run's wall time went, from its jobs' timestamps (added, processed, finished). */
async function breakdown(
  prefix: string,
  run: string,
  startedAt: number,
  endedAt: number,
): Promise<Breakdown> {
  const redis = new Redis(REDIS as string, { maxRetriesPerRequest: null });
  const queue = new Queue('beian', { connection: redis, prefix });
  const jobs = [];
  for (let shard = 0; ; shard++) {
    const job = await queue.getJob(`${run}.${shard}`);
    if (!job) break;
    jobs.push(job);
  }
  await queue.close();
  redis.disconnect();
  const firstAdded = Math.min(...jobs.map((j) => j.timestamp));
  const lastDone = Math.max(...jobs.map((j) => j.finishedOn ?? 0));
  const workMs = jobs.reduce((n, j) => n + ((j.finishedOn ?? 0) - (j.processedOn ?? 0)), 0);
  // the gaps between consecutive jobs of one worker (in the order they started)
  const byWorker = new Map<string, typeof jobs>();
  for (const j of jobs) {
    const w = j.processedBy ?? '?';
    byWorker.set(w, [...(byWorker.get(w) ?? []), j]);
  }
  let gapMs = 0;
  for (const list of byWorker.values()) {
    list.sort((a, b) => (a.processedOn ?? 0) - (b.processedOn ?? 0));
    for (let i = 1; i < list.length; i++)
      gapMs += Math.max(0, (list[i]?.processedOn ?? 0) - (list[i - 1]?.finishedOn ?? 0));
  }
  return { planMs: firstAdded - startedAt, workMs, gapMs, tailMs: endedAt - lastDone, shards: jobs.length };
}

const dir = mkdtempSync(join(tmpdir(), 'beian-bench-scale-'));
const file = await corpus(dir);
const schema = await throwAwaySchema(PG, 'bench');
const db = schema.url;
await run(['redteam', 'runs', '--db', db, '--json']);
const strip = (j: string) => {
  const { id: _i, seconds: _s, ...r } = JSON.parse(j) as Record<string, unknown>;
  return JSON.stringify(r);
};
const local = await run(['scan', file, '--threads', '1', '--json']);
const rows: Array<{
  name: string;
  ms: number;
  cpuMs: number;
  submitterCpuMs: number;
  submitterRss: number;
  workerRss: number[];
  b: Breakdown;
}> = [];
for (const n of [1, 2]) {
  const prefix = `beian-q-bench-${n}-${Date.now().toString(36)}`;
  const workers = Array.from({ length: n }, () =>
    spawn(
      process.execPath,
      [
        ...[BIN, 'worker', '--queue', REDIS, '--db', db, '--queue-prefix', prefix, '--threads', '1'],
        ...(CONCURRENCY ? ['--concurrency', CONCURRENCY] : []),
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    ),
  );
  // workers are ready (connected, schema checked) before the clock starts
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve) => {
          let err = '';
          w.stderr.on('data', (d: Buffer) => {
            err += d;
            if (/ready|就绪/.test(err)) resolve();
          });
        }),
    ),
  );
  const cpuBefore = workers.map((w) => cpuMs(w.pid));
  const startedAt = Date.now();
  const q = await run([
    'scan',
    file,
    ...['--queue', REDIS, '--db', db, '--queue-prefix', prefix, '--json'],
    ...(SHARD ? ['--shard-bytes', String(SHARD)] : []),
  ]);
  const endedAt = Date.now();
  const workerRss = workers.map((w) => peakRss(w.pid));
  const workerCpu = workers.reduce((t, w, i) => t + cpuMs(w.pid) - (cpuBefore[i] ?? 0), 0);
  for (const w of workers) w.kill('SIGTERM');
  if (strip(q.stdout) !== strip(local.stdout))
    throw new Error(`queued report (${n} workers) differs from the local one`);
  const runId = (JSON.parse(q.stdout) as { id: string }).id;
  rows.push({
    name: `queued, ${n} worker(s)`,
    ms: q.ms,
    cpuMs: q.cpuMs + workerCpu,
    submitterCpuMs: q.cpuMs,
    submitterRss: q.rssMb,
    workerRss,
    b: await breakdown(prefix, runId, startedAt, endedAt),
  });
}
await schema.drop();
rmSync(dir, { recursive: true, force: true });
const mb = SIZE / 1e6;
const [one, two] = rows as [(typeof rows)[0], (typeof rows)[0]];
const s1 = (ms: number) => (ms / 1000).toFixed(1);
console.log(
  `corpus ${mb.toFixed(0)} MB, ${one.b.shards} shards of ${((SHARD ?? 32 * 1048576) / 1048576).toFixed(0)} MiB; reports identical: yes`,
);
console.log(
  `local single-process scan (1 thread): ${s1(local.ms)} s, ${(mb / (local.ms / 1000)).toFixed(1)} MB/s, peak RSS ${local.rssMb.toFixed(0)} MB`,
);
for (const r of rows)
  console.log(
    `${r.name}: ${s1(r.ms)} s, ${(mb / (r.ms / 1000)).toFixed(1)} MB/s; plan ${s1(r.b.planMs)} s, shard work ${s1(r.b.workMs)} s (sum over workers), gaps between jobs ${s1(r.b.gapMs)} s, tail ${s1(r.b.tailMs)} s; CPU submitter ${s1(r.submitterCpuMs)} s, workers ${s1(r.cpuMs - r.submitterCpuMs)} s; peak RSS submitter ${r.submitterRss.toFixed(0)} MB, workers ${r.workerRss.map((x) => x.toFixed(0)).join('/')} MB`,
  );
console.log(
  `CPU time (user+system, all processes): local ${s1(local.cpuMs)} s, ${rows.map((r) => `${r.name} ${s1(r.cpuMs)} s`).join(', ')}`,
);
console.log(
  `queue overhead in CPU time, 1 worker vs local: ${(one.cpuMs / local.cpuMs).toFixed(3)}, 2 workers vs local: ${(two.cpuMs / local.cpuMs).toFixed(3)} (what load from other processes does not distort)`,
);
console.log(`speed-up 2 workers / 1 worker: ${(one.ms / two.ms).toFixed(2)}x`);
console.log(
  `queue overhead, 1 worker vs local (queued/local): ${(one.ms / local.ms).toFixed(3)} (target <= 1.10)`,
);
console.log(`per-worker throughput (2 workers): ${(mb / (two.ms / 1000) / 2).toFixed(1)} MB/s`);
console.log(
  `queue cost per shard, 1 worker: wall (queued - local) / shards ${((one.ms - local.ms) / one.b.shards).toFixed(0)} ms, CPU ${((one.cpuMs - local.cpuMs) / one.b.shards).toFixed(0)} ms; job round trip (gaps / (shards - 1)) ${(one.b.gapMs / Math.max(1, one.b.shards - 1)).toFixed(0)} ms`,
);
