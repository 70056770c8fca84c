/**
 * Precision/recall per PII type on the labelled evaluation set, and throughput.
 *   npx tsx bench/pii/run.ts [records=20000]
 */
import {
  createDetectors,
  loadPiiDictionaries,
  PII_TYPES,
  type PiiType,
  scanText,
} from '../../src/pii/index.js';
import { generateEvalSet, loadSentences } from './dataset.js';

const n = Number(process.argv[2] ?? 20000);
const registry = createDetectors(loadPiiDictionaries());
const set = generateEvalSet(n);

type Counts = { tp: number; fp: number; fn: number };
const empty = (): Record<PiiType, Counts> =>
  Object.fromEntries(PII_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<PiiType, Counts>;
const all = empty();
const high = empty();
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

let bytes = 0;
const t0 = performance.now();
const predictions = set.map((r) => scanText(r.text, registry));
const elapsed = (performance.now() - t0) / 1000;
set.forEach((r, i) => {
  bytes += Buffer.byteLength(r.text);
  const pred = predictions[i] ?? [];
  for (const [counts, preds] of [
    [all, pred],
    [high, pred.filter((p) => p.confidence === 'high')],
  ] as const) {
    for (const p of preds) {
      if (r.labels.some((l) => l.type === p.type && overlaps(l, p))) counts[p.type].tp++;
      else counts[p.type].fp++;
    }
    for (const l of r.labels)
      if (!preds.some((p) => p.type === l.type && overlaps(l, p))) counts[l.type].fn++;
  }
});

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '—');
const rows = PII_TYPES.map((t) => {
  const a = all[t];
  const h = high[t];
  return {
    type: t,
    gold: a.tp + a.fn,
    precision: pct(a.tp / (a.tp + a.fp)),
    recall: pct(a.tp / (a.tp + a.fn)),
    'precision@high': pct(h.tp / (h.tp + h.fp)),
    'recall@high': pct(h.tp / (h.tp + h.fn)),
  };
});
console.log(
  `PII evaluation: ${set.length} records, ${(bytes / 1e6).toFixed(2)} MB, ${set.reduce((s, r) => s + r.labels.length, 0)} labelled values`,
);
console.table(rows);
const sum = (c: Record<PiiType, Counts>, k: keyof Counts) => PII_TYPES.reduce((s, t) => s + c[t][k], 0);
console.log(
  `overall: precision ${pct(sum(all, 'tp') / (sum(all, 'tp') + sum(all, 'fp')))}, recall ${pct(sum(all, 'tp') / (sum(all, 'tp') + sum(all, 'fn')))}`,
);
console.log(
  `throughput (mixed set, one thread, all 14 detectors): ${(bytes / 1e6 / elapsed).toFixed(2)} MB/s`,
);

// Plain text without PII: the common case of a training corpus.
const plain = loadSentences().join('\n');
const reps = Math.max(1, Math.ceil(8e6 / Buffer.byteLength(plain)));
const big = Array.from({ length: reps }, () => plain).join('\n');
const lines = big.split('\n');
const t1 = performance.now();
let found = 0;
for (const l of lines) found += scanText(l, registry).length;
const e1 = (performance.now() - t1) / 1000;
console.log(
  `throughput (classical Chinese, ${(Buffer.byteLength(big) / 1e6).toFixed(1)} MB, one thread): ${(Buffer.byteLength(big) / 1e6 / e1).toFixed(2)} MB/s; findings ${found} in ${lines.length} lines`,
);
