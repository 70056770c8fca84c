/**
 * Resume after a real SIGKILL: how many already answered requests does the rerun ask again?
 * A counting model (own HTTP server, 10 ms latency) records every prompt it answers; the built CLI
 * runs a bank, is SIGKILLed mid-run, then run again with the same arguments to completion.
 * repeats = answers given twice for the same case. Goal: at most the concurrency.
 *   npm run build && npx tsx bench/redteam/resume.ts [N=2000] [concurrency list=8,32]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const N = Number(process.argv[2] ?? 2000);
const CONCS = (process.argv[3] ?? '8,32').split(',').map(Number);
const work = mkdtempSync(join(tmpdir(), 'beian-resume-'));

const answered = new Map<string, number>();
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (b: Buffer) => {
    body += b.toString();
  });
  req.on('end', () => {
    const msgs = (JSON.parse(body) as { messages: { content: string }[] }).messages;
    const prompt = msgs[msgs.length - 1]?.content ?? '';
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ choices: [{ message: { content: '好的，这是一个回答。' } }] }), () => {
        answered.set(prompt, (answered.get(prompt) ?? 0) + 1);
      });
    }, 10);
  });
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;

const bank = join(work, 'bank.jsonl');
writeFileSync(
  bank,
  `${Array.from({ length: N }, (_, i) =>
    JSON.stringify({
      id: `r${i}`,
      text: `测试问题第 ${i} 号：请介绍一种传统节日。`,
      kind: 'should-not-refuse',
      aspect: 'culture',
    }),
  ).join('\n')}\n`,
);

const total = () => [...answered.values()].reduce((s, n) => s + n, 0);
for (const conc of CONCS) {
  answered.clear();
  const db = join(work, `resume-${conc}.db`);
  const args = [
    join(ROOT, 'bin/beian.js'),
    'redteam',
    'run',
    '--base-url',
    url,
    '--model',
    'm',
    '--bank',
    bank,
    '--concurrency',
    String(conc),
    '--db',
    db,
    '--json',
  ];
  const child = spawn(process.execPath, args, { stdio: 'ignore' });
  const killAt = Math.floor(N * 0.4);
  while (total() < killAt) await new Promise((r) => setTimeout(r, 5));
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  const beforeKill = total();
  const stored = (
    new SQLite(db, { readonly: true })
      .prepare("select count(*) n from redteam_results where status = 'ok'")
      .get() as { n: number }
  ).n;
  const rerun = spawn(process.execPath, args, { stdio: 'ignore' });
  await new Promise((r) => rerun.once('exit', r));
  const repeats = [...answered.values()].reduce((s, n) => s + Math.max(0, n - 1), 0);
  const rows = new SQLite(db, { readonly: true })
    .prepare('select count(*) n, count(distinct case_key) d from redteam_results')
    .get() as { n: number; d: number };
  process.stdout.write(
    `concurrency ${conc}: SIGKILL after ${beforeKill} answers (${stored} stored) → rerun; repeats ${repeats} (goal ≤ ${conc}); rows ${rows.n}, distinct cases ${rows.d} of ${N}; ${repeats <= conc && rows.d === N ? 'OK' : 'NOT MET'}\n`,
  );
}
server.close();
