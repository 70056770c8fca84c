/**
 * End-to-end throughput of the `beian pii` pipeline (read → detect → redact → write), one thread vs
 * the worker pool, on a generated JSONL corpus (classical Chinese with ~1 PII value per 2 records).
 *   npx tsx bench/pii/throughput.ts [megabytes=20]
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPii } from '../../src/app/pii/run.js';
import { generateEvalSet } from './dataset.js';

const mb = Number(process.argv[2] ?? 20);
const dir = join(tmpdir(), `beian-pii-bench-${process.pid}`);
mkdirSync(dir, { recursive: true });
const file = join(dir, 'corpus.jsonl');
const base = generateEvalSet(4000, 99).map((r, i) => JSON.stringify({ id: i, text: r.text }));
const chunk = `${base.join('\n')}\n`;
const reps = Math.max(1, Math.round((mb * 1e6) / Buffer.byteLength(chunk)));
writeFileSync(file, chunk.repeat(reps));
const size = statSync(file).size;
console.log(`corpus: ${(size / 1e6).toFixed(1)} MB, ${base.length * reps} records`);

for (const jobs of [1, Math.min(availableParallelism(), 4)]) {
  for (const redact of [false, true]) {
    const t0 = performance.now();
    const r = await runPii({
      inputs: [file],
      jobs,
      ...(redact ? { outDir: join(dir, `out-${jobs}`) } : {}),
      env: {},
      cwd: dir,
    });
    const s = (performance.now() - t0) / 1000;
    const found = Object.values(r.byType).reduce((a, b) => a + (b ?? 0), 0);
    console.log(
      `jobs=${jobs} ${redact ? 'detect+redact+rescan' : 'detect'}: ${(size / 1e6 / s).toFixed(2)} MB/s (${s.toFixed(1)} s, ${found} findings${redact ? `, residual high ${r.redaction?.residualHigh}` : ''})`,
    );
  }
}
rmSync(dir, { recursive: true, force: true });
