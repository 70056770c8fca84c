/**
 * Precision/recall of the name and address detectors on real labelled Chinese text (CLUENER2020
 * train split, Weibo NER), on the HELD-OUT fifth of each (fixed by a hash of the sentence; the
 * detectors were tuned on the other four fifths only). Exact span and ≥ 50 % overlap.
 *   npx tsx bench/pii/ner.ts [heldout|tune|dev|all] [--model weights.json] [--train] [--model-margin=N]
 *     [--epochs=N] [--bits=N] [--seed=N] [--full-margin=N] [--outside-bias=N] [--ensemble=K] [--save=weights.json]
 *     [--model-only] [--train-addresses=street] [--any-address] [--stacked]
 * --train fits the optional sequence model on the TUNE split in memory (never written, never
 * shipped: the corpora are research-only) and scores rules + model on the held-out split.
 * BEIAN_NER_DEBUG=N (tune/dev/all only) prints the misses and false positives by pattern, then N
 * of each.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createDetectors, type Finding, loadPiiDictionaries, scanText } from '../../src/pii/index.js';
import {
  createSequenceDetectors,
  parseModel,
  serializeModel,
  type TrainingSentence,
  trainModel,
} from '../../src/pii/model/index.js';
import {
  fnv1a,
  type Gold,
  type GoldKind,
  isHeldOut,
  loadCluener,
  loadWeibo,
  type NerSentence,
} from './ner-corpus.js';

const args = process.argv.slice(2);
const split = (args.find((a) => ['heldout', 'tune', 'dev', 'all'].includes(a)) ?? 'heldout') as
  | 'heldout'
  | 'tune'
  | 'dev'
  | 'all';
const flag = (name: string): number | undefined => {
  const v = args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  return v === undefined ? undefined : Number(v);
};
const epochs = flag('epochs') ?? 15;
/** dev: a fifth of the tune split, to choose the model's settings without touching the held-out part */
const isDev = (s: NerSentence) => !isHeldOut(s.text) && fnv1a(s.text) % 5 === 1;
const modelFile = args.includes('--model') ? args[args.indexOf('--model') + 1] : undefined;
const train = args.includes('--train');

const all = [...loadCluener(), ...loadWeibo()];
const pick = (s: NerSentence) =>
  split === 'all'
    ? true
    : split === 'heldout'
      ? isHeldOut(s.text)
      : split === 'dev'
        ? isDev(s)
        : !isHeldOut(s.text);
const sentences = all.filter(pick);
const dicts = loadPiiDictionaries();
const registry = createDetectors(dicts);

/**
 * The model learns every CLUENER address, as `beian pii-train` reads a CLUENER-shaped file, and
 * reports only street-level ones; --train-addresses=street: only the street-level ones (session 6)
 */
const allAddresses = !args.includes('--train-addresses=street');
const toTraining = (s: NerSentence): TrainingSentence => ({
  text: s.text,
  spans: s.gold
    .filter((g) => g.kind === 'person' || g.kind === (allAddresses ? 'address' : 'address-street'))
    .map((g) => ({
      type: g.kind === 'person' ? ('person-name' as const) : ('address' as const),
      start: g.start,
      end: g.end,
    })),
});

let model: ReturnType<typeof parseModel> | undefined;
if (modelFile) model = parseModel(JSON.parse(readFileSync(modelFile, 'utf8')));
else if (train) {
  const t0 = performance.now();
  const trainSet = all.filter((s) => !isHeldOut(s.text) && (split !== 'dev' || !isDev(s)));
  const bits = flag('bits');
  const seed = flag('seed');
  const ensemble = flag('ensemble');
  model = trainModel(trainSet.map(toTraining), dicts, {
    epochs,
    ...(bits ? { bits } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(ensemble ? { ensemble } : {}),
    stacked: args.includes('--stacked'),
  });
  console.log(
    `model trained on ${trainSet.length} sentences (${split === 'dev' ? 'tune minus dev' : 'the tune split'}) in ${((performance.now() - t0) / 1000).toFixed(1)} s (in memory only), ${epochs} epochs, median span margin ${model.marginScale.toFixed(2)}`,
  );
  // --save: for measuring the weights file and tagging speed only; never shipped, never committed
  const save = args.find((a) => a.startsWith('--save='))?.slice(7);
  if (save)
    writeFileSync(save, JSON.stringify(serializeModel(model, 'research-only corpora: measurement only')));
}
/** --model-margin=N: keep only the model's spans whose every character won by at least N (trades recall for precision) */
const minMargin = flag('model-margin');
const fullMargin = flag('full-margin');
/** --outside-bias=N: taken off the model's O score at every character (more model spans) */
const outsideBias = flag('outside-bias') ?? 0;
/**
 * --name-margin=a,b,… / --address-margin=a,b,…: per-type margin thresholds; with more than one
 * value, every combination is scored on the same trained model, one line each (a sweep)
 */
const list = (name: string): Array<number | undefined> => {
  const v = args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  return v === undefined ? [undefined] : v.split(',').map(Number);
};
const grid = list('name-margin').flatMap((nameMargin) =>
  list('address-margin').map((addressMargin) => ({ nameMargin, addressMargin })),
);
const seqOf = (g: (typeof grid)[number]) =>
  model
    ? createSequenceDetectors(model, dicts, {
        ...(minMargin !== undefined ? { minMargin } : {}),
        ...(g.nameMargin !== undefined ? { nameMargin: g.nameMargin } : {}),
        ...(g.addressMargin !== undefined ? { addressMargin: g.addressMargin } : {}),
        outsideBias,
        ...(fullMargin ? { fullMargin } : {}),
        ...(args.includes('--any-address') ? { streetLevel: false } : {}),
      })
    : undefined;

/** --model-only: the model's spans alone, without the rules' (to compare the two) */
const modelOnly = args.includes('--model-only');
const predictor =
  (seq: ReturnType<typeof seqOf>) =>
  (text: string): Finding[] =>
    modelOnly && seq
      ? seq.flatMap((d) => d.detect(text)).sort((a, b) => a.start - b.start)
      : scanText(text, registry, { types: ['person-name', 'address'], ...(seq ? { extra: seq } : {}) });

interface Score {
  gold: number;
  pred: number;
  tpExact: number;
  tpOverlap: number;
  predHigh: number;
  tpHighOverlap: number;
  ignored: number;
}
const newScore = (): Score => ({
  gold: 0,
  pred: 0,
  tpExact: 0,
  tpOverlap: 0,
  predHigh: 0,
  tpHighOverlap: 0,
  ignored: 0,
});
const ov = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start)) /
  Math.max(a.end - a.start, b.end - b.start);

/** One-to-one matching of predictions to gold spans of a kind; `coarser` spans absorb predictions without counting. */
function score(s: Score, preds: Finding[], gold: Gold[], kind: GoldKind, coarser?: GoldKind): void {
  const g = gold.filter((x) => x.kind === kind);
  const soft = coarser ? gold.filter((x) => x.kind === coarser) : [];
  s.gold += g.length;
  const usedExact = new Set<Gold>();
  const usedOverlap = new Set<Gold>();
  for (const p of preds) {
    const exact = g.find((x) => !usedExact.has(x) && x.start === p.start && x.end === p.end);
    const near = g
      .filter((x) => !usedOverlap.has(x) && ov(x, p) >= 0.5)
      .sort((a, b) => ov(b, p) - ov(a, p))[0];
    if (!near && !exact && soft.some((x) => ov(x, p) >= 0.5)) {
      s.ignored++;
      continue;
    }
    s.pred++;
    if (p.confidence === 'high') s.predHigh++;
    if (exact) {
      usedExact.add(exact);
      s.tpExact++;
    }
    if (near) {
      usedOverlap.add(near);
      s.tpOverlap++;
      if (p.confidence === 'high') s.tpHighOverlap++;
    }
  }
}

const r3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');
if (grid.length > 1) {
  // a sweep: one line per setting (≥ 50 % P / R of the three rows)
  for (const g of grid) {
    const predict = predictor(seqOf(g));
    const sc = [newScore(), newScore(), newScore()] as const;
    for (const s of sentences) {
      const found = predict(s.text);
      score(
        s.corpus === 'cluener' ? sc[0] : sc[1],
        found.filter((f) => f.type === 'person-name'),
        s.gold,
        'person',
      );
      if (s.corpus === 'cluener')
        score(
          sc[2],
          found.filter((f) => f.type === 'address'),
          s.gold,
          'address-street',
          'address',
        );
    }
    console.log(
      `name-margin ${g.nameMargin ?? '-'} address-margin ${g.addressMargin ?? '-'}: ${sc
        .map((x) => `${r3(x.tpOverlap / x.pred)} / ${r3(x.tpOverlap / x.gold)}`)
        .join('   ')}`,
    );
  }
  process.exit(0);
}
const predict = predictor(seqOf(grid[0] as (typeof grid)[number]));
const seq = model !== undefined;

const scores = {
  'person (CLUENER)': newScore(),
  'person (Weibo)': newScore(),
  'address, street-level (CLUENER)': newScore(),
};
let falseNamesOnOrgs = 0;
let orgSpans = 0;
let placeCovered = 0;
let places = 0;
const misses: string[] = [];
const errors: string[] = [];
let bytes = 0;
const t0 = performance.now();
for (const s of sentences) {
  bytes += Buffer.byteLength(s.text);
  const found = predict(s.text);
  const names = found.filter((f) => f.type === 'person-name');
  const addrs = found.filter((f) => f.type === 'address');
  score(
    s.corpus === 'cluener' ? scores['person (CLUENER)'] : scores['person (Weibo)'],
    names,
    s.gold,
    'person',
  );
  if (s.corpus === 'cluener')
    score(scores['address, street-level (CLUENER)'], addrs, s.gold, 'address-street', 'address');
  for (const o of s.gold.filter((g) => g.kind === 'organisation')) {
    orgSpans++;
    if (names.some((n) => n.start >= o.start && n.end <= o.end)) falseNamesOnOrgs++;
  }
  for (const p of s.gold.filter((g) => g.kind === 'place')) {
    places++;
    if (addrs.some((a) => ov(a, p) > 0)) placeCovered++;
  }
  if (process.env.BEIAN_NER_DEBUG && split !== 'heldout') {
    for (const g of s.gold.filter((g) => g.kind === 'person' || g.kind === 'address-street'))
      if (!found.some((f) => ov(f, g) >= 0.5))
        misses.push(`${g.kind} ${s.text.slice(g.start, g.end)} | ${s.text}`);
    for (const f of found)
      if (!s.gold.some((g) => ov(f, g) >= 0.5 && (f.type === 'person-name') === (g.kind === 'person')))
        errors.push(`${f.type} ${f.value} ${f.confidence} ${f.score.toFixed(3)} | ${s.text}`);
  }
}
const secs = (performance.now() - t0) / 1000;
console.log(
  `split: ${split} (${sentences.length} sentences of ${all.length}; held-out = FNV-1a(text) % 5 == 0)${seq ? '; rules + sequence model' : '; rules only (shipped)'}`,
);
console.table(
  Object.entries(scores).map(([name, s]) => ({
    type: name,
    gold: s.gold,
    found: s.pred,
    'P exact': r3(s.tpExact / s.pred),
    'R exact': r3(s.tpExact / s.gold),
    'P ≥50%': r3(s.tpOverlap / s.pred),
    'R ≥50%': r3(s.tpOverlap / s.gold),
    'P@high ≥50%': r3(s.tpHighOverlap / s.predHigh),
    'R@high ≥50%': r3(s.tpHighOverlap / s.gold),
    'coarser (ignored)': s.ignored,
  })),
);
console.log(
  `names inside organisation spans: ${falseNamesOnOrgs} of ${orgSpans} organisation spans; Weibo place names touched by an address: ${placeCovered} of ${places} (bare place names are not reported by design)`,
);
console.log(
  `(speed here is not meaningful: small sentences, cold JIT; see bench/pii/throughput.ts) ${(bytes / 1e6 / secs).toFixed(2)} MB/s`,
);
if (process.env.BEIAN_NER_DEBUG && split !== 'heldout') {
  // the misses by pattern: what kind of name or address the rules leave (error analysis, tune split only)
  const translit = new Set(dicts.nameCues.translit);
  const surnames = new Set(dicts.surnames);
  const kindOfMiss = (line: string): string => {
    const [kind, rest] = [line.slice(0, line.indexOf(' ')), line.slice(line.indexOf(' ') + 1)];
    const v = rest.slice(0, rest.indexOf(' | '));
    if (kind === 'address-street')
      return /[0-9０-９]号/.test(v)
        ? 'address: with a door number'
        : /(?:路|街|巷|弄|胡同|大道)$/.test(v)
          ? 'address: street name, no number'
          : /(?:村|小区|花园|广场|大厦|公寓)$/.test(v)
            ? 'address: village, estate or building'
            : 'address: other';
    if (/[A-Za-z]/.test(v)) return 'person: Latin script';
    if (/[·•・]/.test(v) || [...v].every((c) => translit.has(c))) return 'person: transliterated';
    if (surnames.has(v.slice(0, 2)) || surnames.has(v.slice(0, 1))) return 'person: surname-led';
    return 'person: no surname from the table';
  };
  const byKind = new Map<string, number>();
  for (const m of misses) byKind.set(kindOfMiss(m), (byKind.get(kindOfMiss(m)) ?? 0) + 1);
  console.log('--- misses by pattern');
  for (const [k, c] of [...byKind].sort((a, b) => b[1] - a[1])) console.log(`${String(c).padStart(6)}  ${k}`);
  const byConf = new Map<string, number>();
  for (const e of errors) {
    const [type, , conf] = e.split(' ');
    byConf.set(`${type} ${conf}`, (byConf.get(`${type} ${conf}`) ?? 0) + 1);
  }
  console.log('--- false positives by type and confidence');
  for (const [k, c] of [...byConf].sort((a, b) => b[1] - a[1])) console.log(`${String(c).padStart(6)}  ${k}`);
}
if (process.env.BEIAN_NER_DEBUG) {
  const n = Number(process.env.BEIAN_NER_DEBUG) || 40;
  console.log('--- misses');
  for (const m of misses.slice(0, n)) console.log(m);
  console.log('--- errors');
  for (const e of errors.slice(0, n)) console.log(e);
}
