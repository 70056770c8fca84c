/**
 * Scale-out PII benchmark: a plain single-process `beian pii --redact` (one thread) vs the same run
 * queued on 1 and 2 `beian worker` processes (one thread each), on real Chinese text (chinese-poetry
 * and CLUENER sentences from /work/shared/data) with made-up mobiles, e-mails and ID numbers spliced
 * into every third record, repeated to SIZE_MB (default 64). Every queued run must print the local
 * report and write byte-identical de-identified files. Needs BEIAN_TEST_REDIS_URL and
 * BEIAN_TEST_PG_URL. Run after `npm run build`:
 *   npx tsx bench/scale-out/pii.ts
 * Prints times and ratios from this one run (the machine is shared: only in-run ratios mean anything).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { throwAwaySchema } from '../../test/helpers/store-drivers.js';
import { sentences } from './sentences.js';

const REDIS = process.env.BEIAN_TEST_REDIS_URL;
const PG = process.env.BEIAN_TEST_PG_URL;
if (!REDIS || !PG) {
  console.log('skipped: set BEIAN_TEST_REDIS_URL and BEIAN_TEST_PG_URL');
  process.exit(0);
}
const SIZE = Number(process.env.SIZE_MB ?? 64) * 1e6;
const SHARD = Number(process.env.SHARD_MB ?? 8) * 1024 * 1024;
const BIN = new URL('../../bin/beian.js', import.meta.url).pathname;

/** A made-up resident ID number with a valid check digit. */
function idCard(k: number): string {
  const body = `320102${1970 + (k % 30)}${String((k % 12) + 1).padStart(2, '0')}${String((k % 28) + 1).padStart(2, '0')}${String(k % 1000).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((n, d, i) => n + Number(d) * (w[i] as number), 0);
  return body + '10X98765432'[sum % 11];
}

async function corpus(dir: string): Promise<string> {
  const file = join(dir, 'corpus.jsonl');
  const out = createWriteStream(file);
  const s = sentences();
  let bytes = 0;
  for (let i = 0; bytes < SIZE; i++) {
    const text =
      i % 3 === 0
        ? `${s[i % s.length]}联系电话1${3 + (i % 7)}${String((i * 7919) % 1e9).padStart(9, '0')}，邮箱u${i}@example.com，身份证${idCard(i)}`
        : s[i % s.length];
    const line = `${JSON.stringify({ text, source: `s${i % 4}` })}\n`;
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  return file;
}

function run(args: string[]): Promise<{ code: number; stdout: string; ms: number }> {
  const t = performance.now();
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'ignore'] });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d;
  });
  return new Promise((r) =>
    child.on('close', (code) => r({ code: code ?? -1, stdout, ms: performance.now() - t })),
  );
}

const dir = mkdtempSync(join(tmpdir(), 'beian-bench-scale-pii-'));
const file = await corpus(dir);
const schema = await throwAwaySchema(PG, 'bench');
const db = schema.url;
await run(['redteam', 'runs', '--db', db, '--json']);
/** The report without the output folder's name (each run writes its own). */
const strip = (j: string, out: string) => j.replaceAll(out, '<out>');
const localOut = join(dir, 'local');
const local = await run(['pii', file, '--jobs', '1', '--redact', '--out', localOut, '--no-save', '--json']);
if (local.code !== 0) throw new Error(`local run exited ${local.code}`);
const rows: Array<[string, number, number]> = [];
for (const n of [1, 2]) {
  const prefix = `beian-piiq-bench-${n}-${Date.now().toString(36)}`;
  const workers = Array.from({ length: n }, () =>
    spawn(
      process.execPath,
      [BIN, 'worker', '--queue', REDIS, '--db', db, '--queue-prefix', prefix, '--threads', '1'],
      { stdio: 'ignore' },
    ),
  );
  await new Promise((r) => setTimeout(r, 3000)); // workers start before the clock does
  const out = join(dir, `queued-${n}`);
  const q = await run([
    'pii',
    file,
    '--redact',
    '--out',
    out,
    '--queue',
    REDIS,
    '--db',
    db,
    '--queue-prefix',
    prefix,
    '--shard-bytes',
    String(SHARD),
    '--no-save',
    '--json',
  ]);
  for (const w of workers) w.kill('SIGTERM');
  if (strip(q.stdout, out) !== strip(local.stdout, localOut))
    throw new Error(`queued report (${n} workers) differs from the local one`);
  if (!readFileSync(join(out, 'corpus.jsonl')).equals(readFileSync(join(localOut, 'corpus.jsonl'))))
    throw new Error(`queued de-identified file (${n} workers) differs from the local one`);
  rows.push([`queued, ${n} worker(s)`, q.ms, Math.ceil(SIZE / SHARD)]);
}
await schema.drop();
const mb = SIZE / 1e6;
console.log(
  `corpus ${mb.toFixed(0)} MB, shards of ${(SHARD / 1048576).toFixed(0)} MiB, --redact; reports and files identical: yes`,
);
console.log(
  `local single-process pii (--jobs 1): ${(local.ms / 1000).toFixed(1)} s, ${(mb / (local.ms / 1000)).toFixed(2)} MB/s`,
);
for (const [name, ms] of rows)
  console.log(`${name}: ${(ms / 1000).toFixed(1)} s, ${(mb / (ms / 1000)).toFixed(2)} MB/s`);
const [one, two] = rows as [[string, number, number], [string, number, number]];
console.log(`speed-up 2 workers / 1 worker: ${(one[1] / two[1]).toFixed(2)}x`);
console.log(`queue overhead, 1 worker vs local (queued/local): ${(one[1] / local.ms).toFixed(3)}`);
console.log(`per-worker throughput (2 workers): ${(mb / (two[1] / 1000) / 2).toFixed(2)} MB/s`);
console.log(
  `queue cost per shard (1 worker - local) / shards: ${((one[1] - local.ms) / one[2]).toFixed(0)} ms`,
);
