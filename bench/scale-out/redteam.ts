/**
 * A queued red-team run on 1 vs 2 worker processes, with the shared (Redis) limiter on and off:
 * 2,000 cases against the mock model at 50 ms latency, target limits concurrency 8 and 9,600 RPM.
 * With the limiter on, the target's limits hold for all workers together (a second worker adds no
 * speed when the target is the bottleneck, by design); off, each worker applies them on its own, so
 * N workers send N times the allowed rate. Prints wall times, achieved RPM and the ratios.
 *   npm run build && BEIAN_TEST_REDIS_URL=redis://… BEIAN_TEST_PG_URL=postgres://… npx tsx bench/scale-out/redteam.ts [--cases 2000]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { followQueuedRun, submitQueuedRun } from '../../src/app/redteam/queued.js';
import { loadKb } from '../../src/kb/index.js';
import { connectReady } from '../../src/queue/bullmq/connection.js';
import { RunQueue } from '../../src/queue/bullmq/queue.js';
import { queueAddress, redteamQueuePort } from '../../src/queue/bullmq/redteam-port.js';
import { openStore } from '../../src/store/index.js';
import { startMockModel } from '../../src/testing/mock-model.js';

const { values: a } = parseArgs({ options: { cases: { type: 'string', default: '2000' } } });
const REDIS = process.env.BEIAN_TEST_REDIS_URL;
const PG = process.env.BEIAN_TEST_PG_URL;
if (!REDIS || !PG) {
  process.stderr.write('set BEIAN_TEST_REDIS_URL and BEIAN_TEST_PG_URL (a Redis and a PostgreSQL to use)\n');
  process.exit(2);
}
const CASES = Number(a.cases);
const RPM = 9600;
const CONCURRENCY = 8;
const BIN = fileURLToPath(new URL('../../bin/beian.js', import.meta.url));

// our own bank in the real shape (no dataset text): CASES generation questions
const dir = mkdtempSync(join(tmpdir(), 'beian-bench-scale-'));
const bank = join(dir, 'bank.jsonl');
writeFileSync(
  bank,
  Array.from({ length: CASES }, (_, i) =>
    JSON.stringify({
      id: `q${i}`,
      text: `第${i}个测试问题：请介绍一下本地的天气情况`,
      kind: 'generation',
      risk: 'A.1.1',
    }),
  ).join('\n'),
);

const schema = `fleet_bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: PG });
await admin.connect();
await admin.query(`CREATE SCHEMA ${schema}`);
const dbUrl = new URL(PG);
dbUrl.searchParams.set('options', `-c search_path=${schema}`);
const prefix = `beian-fleet-bench-${randomBytes(4).toString('hex')}`;
const address = queueAddress(REDIS, prefix);
const redis = await connectReady(address.url);
const runQueue = new RunQueue(redis, address.names);
const queue = redteamQueuePort(redis, runQueue, address.names);
const store = await openStore(dbUrl.toString());
const kb = loadKb();
const mock = await startMockModel({ latencyMs: 50, log: true, reply: () => '好的，这是一个简短的回答。' });

function startWorker(): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [BIN, 'worker', '--queue', REDIS as string, '--queue-prefix', prefix, '--db', dbUrl.toString()],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  return new Promise((resolve) =>
    child.stderr?.on('data', (d: Buffer) => d.toString().includes('redteam-batch') && resolve(child)),
  );
}

async function measure(workers: number, sharedLimits: boolean) {
  const procs = await Promise.all(Array.from({ length: workers }, startWorker));
  const from = mock.stats.log.length;
  const t0 = performance.now();
  const deps = { store, kb, fetch, env: {}, now: () => new Date(), queue, pollMs: 100 };
  const target = {
    type: 'openai' as const,
    baseUrl: mock.url,
    model: 'mock',
    params: {},
    concurrency: CONCURRENCY,
    rpm: RPM,
    timeoutMs: 10_000,
    retries: 2,
    maxResponseBytes: 100_000,
  };
  const sub = await submitQueuedRun(
    { bankFiles: [bank], targets: [target], fresh: true, noCache: true },
    deps,
    {
      batchSize: 50,
      sharedLimits,
    },
  );
  const out = await followQueuedRun(sub.runId, deps);
  const wall = (performance.now() - t0) / 1000;
  const at = mock.stats.log.slice(from).map((l) => l.at);
  const rpm = ((at.length - 1) / ((at.at(-1)! - at[0]!) / 60_000)) | 0;
  for (const p of procs) p.kill('SIGTERM');
  await Promise.all(procs.map((p) => new Promise((r) => p.on('exit', r))));
  return { workers, sharedLimits, wall, rpm, completed: out.json.completed };
}

const rows: Awaited<ReturnType<typeof measure>>[] = [];
for (const shared of [true, false]) for (const w of [1, 2]) rows.push(await measure(w, shared));
process.stdout.write(
  `\n${CASES} cases, mock latency 50 ms, target limits: concurrency ${CONCURRENCY}, ${RPM} RPM\n`,
);
process.stdout.write('workers  limiter  wall s  cases/s  achieved RPM  RPM/limit  completed\n');
for (const r of rows)
  process.stdout.write(
    `${String(r.workers).padStart(7)}  ${(r.sharedLimits ? 'shared' : 'local').padEnd(7)}  ${r.wall.toFixed(2).padStart(6)}  ${(r.completed / r.wall).toFixed(0).padStart(7)}  ${String(r.rpm).padStart(12)}  ${(r.rpm / RPM).toFixed(2).padStart(9)}  ${r.completed}\n`,
  );
const w = (workers: number, shared: boolean) =>
  rows.find((r) => r.workers === workers && r.sharedLimits === shared)!.wall;
process.stdout.write(
  `\nspeed-up 2 vs 1 worker: shared limiter ${(w(1, true) / w(2, true)).toFixed(2)}×, local limiters ${(w(1, false) / w(2, false)).toFixed(2)}×\n` +
    `shared limiter cost on 1 worker (wall shared / local): ${(w(1, true) / w(1, false)).toFixed(2)}\n`,
);
await mock.close();
await runQueue.queue.obliterate({ force: true });
await runQueue.close();
const keys = await redis.keys(`${prefix}:*`);
if (keys.length) await redis.del(...keys);
redis.disconnect();
await store.close();
await admin.query(`DROP SCHEMA ${schema} CASCADE`);
await admin.end();
