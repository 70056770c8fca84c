/**
 * beian guard against a bare Node pass-through proxy, in one run: mock upstream on loopback at
 * zero latency, 50,000 keywords (houbb's sensitive_word_dict, read from /work/shared/data at run
 * time), 200 concurrent keep-alive clients, 2 KB answers (chinese-poetry text) whole and streamed.
 * Each server runs in its own process; the clients run here. Prints latency p50/p99, streaming
 * time-to-first-byte, throughput, the guard's own time per request, and guard/bare ratios.
 *
 *   npx tsx bench/guard/run.ts            # env: SECONDS per phase (default 4), CLIENTS (200), KEYWORDS (50000)
 *
 * LiteLLM's proxy (Python) was to be a third peer: PyPI is not reachable on this machine, so it is
 * not run.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SECONDS = Number(process.env.SECONDS ?? 4);
const CLIENTS = Number(process.env.CLIENTS ?? 200);
const KEYWORDS = Number(process.env.KEYWORDS ?? 50_000);
const dir = mkdtempSync(join(tmpdir(), 'beian-guard-bench-'));

// 2 KB of real text: chinese-poetry paragraphs.
const poetry = join(root, 'node_modules/chinese-poetry/dist');
const firstJson = (d: string): string => {
  for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.isDirectory()) return firstJson(join(d, e.name));
    if (e.name.endsWith('.json')) return join(d, e.name);
  }
  throw new Error('no poetry');
};
const poems = JSON.parse(readFileSync(firstJson(poetry), 'utf8')) as Array<{ paragraphs?: string[] }>;
let answer = '';
for (const p of poems) {
  for (const line of p.paragraphs ?? []) answer += line;
  if (Buffer.byteLength(answer) >= 2048) break;
}
while (Buffer.byteLength(answer) > 2048) answer = answer.slice(0, -1);
const answerFile = join(dir, 'answer.txt');
writeFileSync(answerFile, answer);

const dict = readFileSync('/work/shared/data/lexicons/houbb/sensitive_word_dict.txt', 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter(Boolean)
  .slice(0, KEYWORDS);
const lexFile = join(dir, 'lexicon.txt');
writeFileSync(lexFile, dict.join('\n'));

const children: ChildProcess[] = [];
function start(
  role: string,
  ...args: string[]
): Promise<{ port: number; proc: ChildProcess; info: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const proc = fork(join(root, 'bench/guard/servers.ts'), [role, ...args], {
      execArgv: ['--import', 'tsx'],
    });
    children.push(proc);
    const info: Record<string, unknown> = {};
    proc.on('message', (m: Record<string, unknown>) => {
      Object.assign(info, m);
      if (typeof m.port === 'number') resolve({ port: m.port, proc, info });
    });
    proc.once('exit', (c) => reject(new Error(`${role} exited ${c}`)));
  });
}

const body = (stream: boolean) =>
  JSON.stringify({ model: 'm', stream, messages: [{ role: 'user', content: '请写一段关于春天的诗句赏析' }] });

interface Phase {
  lat: number[];
  ttfb: number[];
  done: number;
  seconds: number;
}

async function load(port: number, stream: boolean, seconds: number): Promise<Phase> {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const payload = body(stream);
  const lat: number[] = [];
  const ttfb: number[] = [];
  const end = performance.now() + seconds * 1000;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const t0 = performance.now();
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/v1/chat/completions',
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
            authorization: 'Bearer sk-bench',
          },
        },
        (res) => {
          let first = true;
          res.on('data', () => {
            if (first) {
              ttfb.push(performance.now() - t0);
              first = false;
            }
          });
          res.on('end', () => {
            lat.push(performance.now() - t0);
            resolve();
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < end) await one();
    }),
  );
  agent.destroy();
  return { lat, ttfb, done: lat.length, seconds: (performance.now() - started) / 1000 };
}

const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? Number.NaN;
};

const upstream = await start('upstream', answerFile);
const bare = await start('bare', String(upstream.port));
const guard = await start('guard', String(upstream.port), lexFile);
console.log(
  `keywords ${guard.info.keywords} · hold-back ${guard.info.holdBack} chars · answer ${Buffer.byteLength(answer)} B · ${CLIENTS} clients · ${SECONDS}s per phase`,
);

const spent = (): Promise<number[]> =>
  new Promise((resolve) => {
    guard.proc.once('message', (m: { spent?: number[] }) => resolve(m.spent ?? []));
    guard.proc.send('spent');
  });

for (const stream of [false, true]) {
  // warm-up, then alternate so drift on a shared machine hits both sides
  await load(bare.port, stream, 1);
  await load(guard.port, stream, 1);
  await spent();
  const r: Record<'direct' | 'bare' | 'guard', Phase[]> = { direct: [], bare: [], guard: [] };
  for (let round = 0; round < 2; round++) {
    r.direct.push(await load(upstream.port, stream, SECONDS / 2));
    r.bare.push(await load(bare.port, stream, SECONDS));
    r.guard.push(await load(guard.port, stream, SECONDS));
  }
  const own = await spent();
  const merge = (ps: Phase[]) => ({
    lat: ps.flatMap((p) => p.lat),
    ttfb: ps.flatMap((p) => p.ttfb),
    rps: ps.reduce((a, p) => a + p.done, 0) / ps.reduce((a, p) => a + p.seconds, 0),
  });
  const d = merge(r.direct);
  const b = merge(r.bare);
  const g = merge(r.guard);
  const f = (x: number) => x.toFixed(2);
  console.log(`\n${stream ? 'streaming (SSE, 2 KB in ~45 chunks)' : 'whole answers (2 KB JSON)'}`);
  console.log('              p50 ms   p99 ms   TTFB p50   TTFB p99   req/s');
  for (const [name, m] of [
    ['direct', d],
    ['bare proxy', b],
    ['beian guard', g],
  ] as const)
    console.log(
      `${name.padEnd(12)} ${f(q(m.lat, 0.5)).padStart(7)}  ${f(q(m.lat, 0.99)).padStart(7)}  ${f(q(m.ttfb, 0.5)).padStart(9)}  ${f(q(m.ttfb, 0.99)).padStart(9)}  ${m.rps.toFixed(0).padStart(6)}`,
    );
  console.log(
    `guard − bare: p50 ${f(q(g.lat, 0.5) - q(b.lat, 0.5))} ms, p99 ${f(q(g.lat, 0.99) - q(b.lat, 0.99))} ms, TTFB p50 ${f(q(g.ttfb, 0.5) - q(b.ttfb, 0.5))} ms`,
  );
  console.log(
    `guard's own checks per request (in the guard process): p50 ${f(q(own, 0.5))} ms, p99 ${f(q(own, 0.99))} ms (n=${own.length})`,
  );
  console.log(`throughput ratio guard/bare: ${(g.rps / b.rps).toFixed(2)}×`);
}
for (const c of children) c.kill();
console.log('\nLiteLLM proxy: not run — PyPI is not reachable on this machine.');
