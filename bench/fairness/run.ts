/**
 * Fairness audit benchmark: streams generated decision logs of 1M and 10M rows through the price
 * and disparity audits, each in its own process, and reports rows/s and peak RSS. Flat memory means
 * the 10M-row peak RSS is about the 1M-row one (ratio ≈ 1). The peer is csv-parse merely parsing
 * the same file (ratio ours/peer > 1 means the audit is faster than parsing with csv-parse alone).
 *
 *   npx tsx bench/fairness/run.ts            # 1M and 10M rows (generates bench/.out/*.csv once)
 *   npx tsx bench/fairness/run.ts 200000     # other sizes
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decisionLog, priceLog, writeLog } from '../../test/fixtures/fairness/generate.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = join(root, 'bench/.out');
mkdirSync(out, { recursive: true });
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const rowsList = sizes.length > 0 ? sizes : [1_000_000, 10_000_000];

interface M {
  kind: string;
  rows: number;
  flags: number;
  seconds: number;
  rowsPerSec: number;
  maxRssMB: number;
}

function measure(file: string, kind: string): M {
  const text = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'bench/fairness/measure.ts'), file, kind],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(text.trim().split('\n').at(-1)!) as M;
}

const results: (M & { file: string; mb: number })[] = [];
for (const n of rowsList) {
  const price = join(out, `price-${n}.csv`);
  const decisions = join(out, `decisions-${n}.csv`);
  if (!existsSync(price)) {
    console.error(`generating ${price}`);
    await writeLog(price, priceLog({ rows: n, seed: 1, items: 2000 }));
  }
  if (!existsSync(decisions)) {
    console.error(`generating ${decisions}`);
    await writeLog(decisions, decisionLog({ rows: n, seed: 2 }));
  }
  for (const [file, kind] of [
    [price, 'price'],
    [price, 'csv-parse'],
    [decisions, 'disparity'],
  ] as const) {
    const m = measure(file, kind);
    results.push({ ...m, file, mb: Math.round(statSync(file).size / 1e6) });
    console.error(JSON.stringify(m));
  }
}

console.log('| rows | audit | file MB | seconds | rows/s | peak RSS MB | flags |');
console.log('|---:|---|---:|---:|---:|---:|---:|');
for (const r of results)
  console.log(
    `| ${r.rows.toLocaleString('en')} | ${r.kind} | ${r.mb} | ${r.seconds.toFixed(1)} | ${r.rowsPerSec.toLocaleString('en')} | ${r.maxRssMB} | ${r.flags} |`,
  );
for (const n of rowsList) {
  const p = results.find((r) => r.rows === n && r.kind === 'price');
  const c = results.find((r) => r.rows === n && r.kind === 'csv-parse');
  if (p && c)
    console.log(
      `\n${n.toLocaleString('en')} rows: price audit / csv-parse-only throughput = ${(p.rowsPerSec / c.rowsPerSec).toFixed(2)}`,
    );
}
const [small, big] = [rowsList[0], rowsList.at(-1)];
for (const kind of ['price', 'disparity']) {
  const a = results.find((r) => r.rows === small && r.kind === kind);
  const b = results.find((r) => r.rows === big && r.kind === kind);
  if (a && b && a !== b)
    console.log(
      `${kind}: peak RSS ${big!.toLocaleString('en')} rows / ${small!.toLocaleString('en')} rows = ${(b.maxRssMB / a.maxRssMB).toFixed(2)}`,
    );
}
