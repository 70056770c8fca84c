/**
 * Tagging speed of the optional sequence model (`beian pii --model`) against the shipped rules
 * alone, on the same in-memory CLUENER/Weibo texts in one process: CPU time per round (the two
 * interleaved, best of ROUNDS), MB per CPU-second and the ratio. The weights come from a file
 * (`npx tsx bench/pii/ner.ts dev --train --save=/tmp/m.json`, never committed: research-only data).
 *   npx tsx bench/pii/model-speed.ts /tmp/m.json [MB=2]
 *   OLD=/tmp/base8 npx tsx bench/pii/model-speed.ts /tmp/m.json 3   # + that tree's dist/ model, side by side
 * With OLD, the other tree's model runs on the same weights file (same format version) in the
 * same rounds, and its findings are compared with this tree's (MODEL_MARGIN=0.08 gives this tree's
 * model the session-7 threshold, for a like-for-like comparison of the findings).
 */
import { readFileSync } from 'node:fs';
import { createDetectors, loadPiiDictionaries, planScan, type TextScan } from '../../src/pii/index.js';
import { createSequenceDetectors, parseModel } from '../../src/pii/model/index.js';
import { loadCluener, loadWeibo } from './ner-corpus.js';

const [file, mbArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: npx tsx bench/pii/model-speed.ts weights.json [MB]');
  process.exit(2);
}
const rounds = Number(process.env.ROUNDS ?? 3);
const dicts = loadPiiDictionaries();
const registry = createDetectors(dicts);
const t0 = process.cpuUsage();
const model = parseModel(JSON.parse(readFileSync(file, 'utf8')));
const loadCpu = (process.cpuUsage(t0).user + process.cpuUsage(t0).system) / 1e6;
const types = ['person-name', 'address'] as const;
const rules = planScan(registry, { types });
const margin = process.env.MODEL_MARGIN;
const withModel = planScan(registry, {
  types,
  extra: createSequenceDetectors(model, dicts, margin ? { minMargin: Number(margin) } : {}),
});
const oldTree = process.env.OLD;
let withOld: TextScan | undefined;
if (oldTree) {
  const pii = await import(`${oldTree}/dist/pii/index.js`);
  const mod = await import(`${oldTree}/dist/pii/model/index.js`);
  const d = pii.loadPiiDictionaries();
  const m = mod.parseModel(JSON.parse(readFileSync(file, 'utf8')));
  withOld = pii.planScan(pii.createDetectors(d), { types, extra: mod.createSequenceDetectors(m, d) });
}

const source = [...loadCluener(), ...loadWeibo()].map((s) => s.text);
const texts: string[] = [];
let bytes = 0;
for (let k = 0; bytes < Number(mbArg ?? 2) * 1e6; k++) {
  const t = source[k % source.length] as string;
  texts.push(t);
  bytes += Buffer.byteLength(t);
}

const cpu = (scan: TextScan): { secs: number; found: number } => {
  const start = process.cpuUsage();
  let found = 0;
  for (const t of texts) found += scan(t).length;
  const u = process.cpuUsage(start);
  return { secs: (u.user + u.system) / 1e6, found };
};
cpu(rules); // warm-up
cpu(withModel);
if (withOld) {
  cpu(withOld);
  let same = 0;
  for (const t of texts) if (JSON.stringify(withOld(t)) === JSON.stringify(withModel(t))) same++;
  console.log(`findings identical to OLD's on ${same} of ${texts.length} texts`);
}
let bestRules = Number.POSITIVE_INFINITY;
let bestModel = Number.POSITIVE_INFINITY;
let bestOld = Number.POSITIVE_INFINITY;
let foundRules = 0;
let foundModel = 0;
let foundOld = 0;
for (let r = 0; r < rounds; r++) {
  const a = cpu(rules);
  const b = cpu(withModel);
  bestRules = Math.min(bestRules, a.secs);
  bestModel = Math.min(bestModel, b.secs);
  foundRules = a.found;
  foundModel = b.found;
  if (withOld) {
    const c = cpu(withOld);
    bestOld = Math.min(bestOld, c.secs);
    foundOld = c.found;
  }
}
const mb = bytes / 1e6;
console.log(`${mb.toFixed(1)} MB, ${texts.length} texts, best of ${rounds} interleaved rounds (CPU seconds)`);
console.table([
  {
    run: 'rules only (names + addresses)',
    'CPU s': bestRules.toFixed(2),
    'MB/CPU-s': (mb / bestRules).toFixed(2),
    findings: foundRules,
  },
  {
    run: 'rules + model',
    'CPU s': bestModel.toFixed(2),
    'MB/CPU-s': (mb / bestModel).toFixed(2),
    findings: foundModel,
  },
  ...(withOld
    ? [
        {
          run: 'rules + model (OLD tree)',
          'CPU s': bestOld.toFixed(2),
          'MB/CPU-s': (mb / bestOld).toFixed(2),
          findings: foundOld,
        },
      ]
    : []),
]);
if (withOld) console.log(`new / OLD CPU (rules + model): ${(bestModel / bestOld).toFixed(2)}×`);
console.log(
  `model / rules CPU: ${(bestModel / bestRules).toFixed(2)}×; weights file ${(readFileSync(file).byteLength / 1e6).toFixed(1)} MB, loaded in ${loadCpu.toFixed(2)} CPU-s, ${((model.weights.byteLength + 0) / 1e6).toFixed(0)} MB in memory`,
);
