/**
 * Red-team harness benchmark, side by side, against the same local mock model (own process):
 *   1. zero latency, N prompts, concurrency 32: harness overhead (requests/s)
 *   2. 200 ms latency, concurrency 32: achieved / ideal throughput
 * for beian (the built CLI, results stored durably in SQLite), a plain fetch loop (the ceiling) and,
 * when PROMPTFOO_BIN names its executable, promptfoo eval with the same prompts. Peak RSS via /usr/bin/time.
 *
 *   npm run build && npx tsx bench/redteam/run.ts [N=3000] [N200=640] [NRSS=5000] [ROUNDS=3]
 * promptfoo (optional, outside the repo: its Node 20 line ends at 0.121.x and needs @libsql/client):
 *   mkdir -p /tmp/peers/promptfoo && cd /tmp/peers/promptfoo && npm init -y && npm i promptfoo@0.121 @libsql/client
 *   PROMPTFOO_BIN=/tmp/peers/promptfoo/node_modules/.bin/promptfoo npx tsx bench/redteam/run.ts
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { starterPaths } from '../../src/app/redteam/starter.js';
import type { BankItem } from '../../src/redteam/banks/schema.js';
import { generateVariants } from '../../src/redteam/banks/variants.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const N = Number(process.argv[2] ?? 3000);
const N200 = Number(process.argv[3] ?? 640);
const NRSS = Number(process.argv[4] ?? 5000);
const ROUNDS = Number(process.argv[5] ?? 3);
const CONC = 32;
const work = mkdtempSync(join(tmpdir(), 'beian-bench-'));
const promptfooBin = process.env.PROMPTFOO_BIN ?? join(ROOT, 'bench/node_modules/.bin/promptfoo');

interface Measured {
  wallS: number;
  rssMb: number;
  stdout: string;
}

/** Runs a command under /usr/bin/time and returns wall seconds and peak RSS. */
function measure(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Measured> {
  return new Promise((resolveP, reject) => {
    const child = spawn('/usr/bin/time', ['-f', '__TIME__ %e %M', cmd, ...args], {
      env: { ...process.env, ...env },
      cwd: work,
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
    });
    child.stderr.on('data', (b: Buffer) => {
      err += b.toString();
    });
    child.on('close', () => {
      const m = /__TIME__ ([\d.]+) (\d+)/.exec(err);
      if (!m) return reject(new Error(`${cmd} failed:\n${err.slice(-2000)}`));
      resolveP({ wallS: Number(m[1]), rssMb: Number(m[2]) / 1024, stdout: out });
    });
  });
}

async function startMock(latency: number): Promise<{ url: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'bench/redteam/mock-server.ts'), String(latency)],
    { cwd: ROOT },
  );
  const url = await new Promise<string>((r) =>
    child.stdout.once('data', (b: Buffer) => r(b.toString().trim())),
  );
  return { url, stop: () => child.kill('SIGTERM') };
}

function prompts(n: number, file: string): void {
  const base: BankItem[] = starterPaths().flatMap((f) =>
    readFileSync(f, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as BankItem),
  );
  const all = [...base, ...generateVariants(base, ['roleplay', 'hypothetical', 'ignore-previous'])];
  if (all.length < n) throw new Error(`only ${all.length} distinct prompts`);
  writeFileSync(
    file,
    `${all
      .slice(0, n)
      .map((i) => JSON.stringify({ ...i, parentId: undefined, variant: undefined, id: `b${i.id}` }))
      .join('\n')}\n`,
  );
  const csv = all.slice(0, n).map((i) => `"${i.text.replace(/"/g, '""')}"`);
  writeFileSync(file.replace(/\.jsonl$/, '.csv'), `q\n${csv.join('\n')}\n`);
}

async function beian(url: string, bank: string, tag: string): Promise<Measured> {
  const db = join(work, `beian-${tag}.db`);
  return measure(process.execPath, [
    join(ROOT, 'bin/beian.js'),
    'redteam',
    'run',
    '--base-url',
    url,
    '--model',
    'mock',
    '--bank',
    bank,
    '--concurrency',
    String(CONC),
    '--db',
    db,
    '--json',
  ]);
}

async function plain(url: string, bank: string): Promise<Measured> {
  return measure(process.execPath, [join(ROOT, 'bench/redteam/plain-loop.mjs'), url, bank, String(CONC)]);
}

async function promptfoo(url: string, bank: string, tag: string): Promise<Measured | undefined> {
  if (!existsSync(promptfooBin)) return undefined;
  const cfgDir = join(work, `pf-${tag}`);
  mkdirSync(cfgDir, { recursive: true });
  const cfg = join(cfgDir, 'promptfooconfig.yaml');
  writeFileSync(
    cfg,
    `description: beian bench\nprompts: ['{{q}}']\nproviders:\n  - id: openai:chat:mock\n    config:\n      apiBaseUrl: ${url}\n      apiKey: x\ntests: file://${bank.replace(/\.jsonl$/, '.csv')}\n`,
  );
  const m = await measure(
    promptfooBin,
    [
      'eval',
      '-c',
      cfg,
      '-j',
      String(CONC),
      '--no-cache',
      '--no-progress-bar',
      '--no-table',
      '-o',
      join(cfgDir, 'out.json'),
    ],
    {
      PROMPTFOO_CONFIG_DIR: cfgDir,
      PROMPTFOO_DISABLE_TELEMETRY: '1',
      PROMPTFOO_DISABLE_UPDATE: '1',
      PROMPTFOO_DISABLE_REMOTE_GENERATION: '1',
      OPENAI_API_KEY: 'x',
    },
  );
  // what it completed, so a fast failure is not read as speed
  const out = JSON.parse(readFileSync(join(cfgDir, 'out.json'), 'utf8')) as {
    results: { stats: { successes: number; errors: number } };
  };
  return { ...m, stdout: `completed ${out.results.stats.successes}, errors ${out.results.stats.errors}` };
}

const fmt = (m: Measured | undefined, n: number) =>
  m
    ? `${m.wallS.toFixed(2)} s  ${(n / m.wallS).toFixed(0)} req/s  ${m.rssMb.toFixed(0)} MB   ${m.stdout}`
    : 'not installed (set PROMPTFOO_BIN)';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const bank0 = join(work, 'bench0.jsonl');
const bank200 = join(work, 'bench200.jsonl');
const bankRss = join(work, 'benchRss.jsonl');
prompts(N, bank0);
prompts(N200, bank200);
prompts(NRSS, bankRss);

// The machine is shared and noisy: plain and beian alternate, ROUNDS times, and medians are compared.
const m0 = await startMock(0);
const p0s: Measured[] = [];
const b0s: Measured[] = [];
for (let r = 0; r < ROUNDS; r++) {
  p0s.push(await plain(m0.url, bank0));
  b0s.push(await beian(m0.url, bank0, `0-${r}`));
}
const f0 = await promptfoo(m0.url, bank0, '0');
const rss = await beian(m0.url, bankRss, 'rss');
m0.stop();
const p0 = median(p0s.map((m) => m.wallS));
const b0 = median(b0s.map((m) => m.wallS));
const pin0 = median(p0s.map((m) => (JSON.parse(m.stdout) as { ms: number }).ms));
const bin0 = median(b0s.map((m) => (JSON.parse(m.stdout) as { elapsedMs: number }).elapsedMs));
const j0 = JSON.parse(b0s[0]!.stdout) as { completed: number; errors: number };
const jr = JSON.parse(rss.stdout) as { completed: number; errors: number };

const m2 = await startMock(200);
const p2s: Measured[] = [];
const b2s: Measured[] = [];
for (let r = 0; r < ROUNDS; r++) {
  p2s.push(await plain(m2.url, bank200));
  b2s.push(await beian(m2.url, bank200, `200-${r}`));
}
const f2 = await promptfoo(m2.url, bank200, '200');
m2.stop();
const p2 = median(p2s.map((m) => m.wallS));
const b2 = median(b2s.map((m) => m.wallS));
const pin2 = median(p2s.map((m) => (JSON.parse(m.stdout) as { ms: number }).ms)) / 1000;
const bin2 = median(b2s.map((m) => (JSON.parse(m.stdout) as { elapsedMs: number }).elapsedMs)) / 1000;
const j2 = JSON.parse(b2s[0]!.stdout) as { completed: number; errors: number };

const ideal = (N200 / CONC) * 0.2;
const list = (ms: Measured[]) => ms.map((m) => m.wallS.toFixed(2)).join(', ');
const lines = [
  `beian red-team harness benchmark — ${new Date().toISOString()} — node ${process.version}, concurrency ${CONC}, ${ROUNDS} alternating rounds, medians`,
  `work dir: ${resolve(work)}`,
  '',
  `1) zero latency, ${N} prompts (wall clock incl. process start; beian stores every result in SQLite)`,
  `   plain fetch loop : ${p0.toFixed(2)} s (${list(p0s)})  ${(N / p0).toFixed(0)} req/s  ${median(p0s.map((m) => m.rssMb)).toFixed(0)} MB`,
  `   beian            : ${b0.toFixed(2)} s (${list(b0s)})  ${(N / b0).toFixed(0)} req/s  ${median(b0s.map((m) => m.rssMb)).toFixed(0)} MB   completed ${j0.completed}, errors ${j0.errors}`,
  `   promptfoo        : ${fmt(f0, N)}`,
  `   RATIO beian / plain (wall time, higher is better) = ${(p0 / b0).toFixed(2)}×; in-process (after start-up) ${(pin0 / bin0).toFixed(2)}× (plain ${(pin0 / 1000).toFixed(2)} s, beian ${(bin0 / 1000).toFixed(2)} s)`,
  f0 ? `   RATIO beian / promptfoo (wall time, higher is better) = ${(f0.wallS / b0).toFixed(2)}×` : '',
  '',
  `2) 200 ms latency, ${N200} prompts, ideal ${ideal.toFixed(2)} s`,
  `   plain fetch loop : ${p2.toFixed(2)} s (${list(p2s)})  efficiency ${((ideal / p2) * 100).toFixed(1)}% wall, ${((ideal / pin2) * 100).toFixed(1)}% in-process`,
  `   beian            : ${b2.toFixed(2)} s (${list(b2s)})  efficiency ${((ideal / b2) * 100).toFixed(1)}% wall, ${((ideal / bin2) * 100).toFixed(1)}% in-process   completed ${j2.completed}`,
  f2
    ? `   promptfoo        : ${fmt(f2, N200)}   efficiency ${((ideal / f2.wallS) * 100).toFixed(1)}% wall\n   RATIO beian / promptfoo (wall time) = ${(f2.wallS / b2).toFixed(2)}×`
    : '   promptfoo        : not installed (set PROMPTFOO_BIN)',
  '',
  `3) peak RSS, ${NRSS} prompts, zero latency: beian ${rss.rssMb.toFixed(0)} MB (goal < 200 MB), ${rss.wallS.toFixed(2)} s, completed ${jr.completed}, errors ${jr.errors}`,
];
process.stdout.write(`${lines.filter((l) => l !== '').join('\n')}\n`);
