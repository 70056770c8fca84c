/**
 * What this machine charges for running two threads at once, whatever the code: the same
 * memory-bound unit of work (random reads and writes in a 4 MB table, as the detectors' lookups in
 * their tables and the word statistics are) on one thread, then on two at once, in CPU seconds per
 * unit. On a quiet machine with two free cores both are the same; read the 2-thread CPU figures of
 * throughput.ts against it.   npx tsx bench/pii/two-threads.ts   (BITS=22: the table's size, log2)
 */
import { Worker } from 'node:worker_threads';

const bits = Number(process.env.BITS ?? 22);
// plain JavaScript in the thread (no loader): one unit of work, then a message
const UNIT = `
  const t = new Uint8Array(1 << ${bits});
  let h = 0;
  for (let r = 0; r < 60; r++)
    for (let i = 0; i < t.length; i += 7) {
      h = (h * 31 + t[(i * 2654435761) & (t.length - 1)] + i) | 0;
      t[i & (t.length - 1)] = h;
    }
  require('node:worker_threads').parentPort.postMessage(h);`;

const run = (n: number) =>
  new Promise<void>((ok) => {
    let left = n;
    for (let k = 0; k < n; k++)
      new Worker(UNIT, { eval: true, execArgv: [] }).once('message', () => {
        if (--left === 0) ok();
      });
  });
for (const n of [1, 2, 1, 2]) {
  const c = process.cpuUsage();
  await run(n);
  const d = process.cpuUsage(c);
  console.log(
    `${n} thread${n > 1 ? 's at once' : ''}: ${((d.user + d.system) / 1e6 / n).toFixed(2)} CPU-s per unit`,
  );
}
