/**
 * Micro-benchmark of the scan workers' hot loop (issue #13): Scanner.lines, the UTF-8 byte walk of
 * the automaton, new (src/lexicon/automaton.ts) against the frozen pre-change copy
 * (hotloop-baseline.ts), side by side in one run on the same bytes and automaton. Prints MB/s of
 * UTF-8 input per CPU second (the machine is shared: wall time measures the neighbours) and new/old (> 1: the new loop is faster); checks both flag the same lines.
 *
 * Corpus and keywords as in e2e.ts (chinese-poetry + CLUENER + Weibo NER lines; konsheng + houbb
 * keywords, seeded shuffle), keywords normalised, no variants.
 *
 *   npx tsx bench/lexicon/hotloop.ts   # env CORPUS_MB (16), SIZES (10000,50000), REPS (3)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAutomaton, createScanner } from '../../src/lexicon/automaton.js';
import { buildNormTable, DEFAULT_NORMALIZE, normalizeString } from '../../src/lexicon/normalize.js';
import { baselineLines } from './hotloop-baseline.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const data = existsSync(join(root, '../shared/data')) ? join(root, '../shared/data') : '/work/shared/data';
const corpusMb = Number(process.env.CORPUS_MB ?? 16);
const sizes = (process.env.SIZES ?? '10000,50000').split(',').map(Number);
const reps = Number(process.env.REPS ?? 3);

const texts: string[] = [];
const walk = (d: string): void => {
  for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.isDirectory()) walk(join(d, e.name));
    else if (e.name.endsWith('.json')) {
      const j = JSON.parse(readFileSync(join(d, e.name), 'utf8')) as unknown;
      if (Array.isArray(j))
        for (const p of j as Array<{ paragraphs?: unknown }>)
          if (Array.isArray(p?.paragraphs)) texts.push(p.paragraphs.join(''));
    }
  }
};
walk(join(root, 'node_modules/chinese-poetry/dist'));
for (const l of readFileSync(join(data, 'ner/cluener-train/train.json'), 'utf8').split('\n'))
  if (l.trim()) texts.push((JSON.parse(l) as { text: string }).text);
let message = '';
for (const l of readFileSync(join(data, 'ner/weibo-ner-train/weiboNER_2nd_conll.train'), 'utf8').split(
  '\n',
)) {
  if (l.trim() === '') {
    if (message) texts.push(message);
    message = '';
  } else message += [...l][0];
}
const out: string[] = [];
let size = 0;
for (let i = 0; size < corpusMb * 1024 * 1024; i++) {
  const t = (texts[i % texts.length] as string).replace(/[\r\n]+/g, ' ');
  out.push(t);
  size += Buffer.byteLength(t) + 1;
}
const bytes = new Uint8Array(Buffer.from(`${out.join('\n')}\n`));
const mb = bytes.length / 1e6;

const words = new Set<string>();
const addList = (file: string): void => {
  for (const w of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const t = w.trim();
    if ([...t].length >= 2 && !/[\p{Cc}]/u.test(t)) words.add(t);
  }
};
const lexicons = join(data, 'lexicons');
for (const f of readdirSync(join(lexicons, 'konsheng/Vocabulary')).sort())
  addList(join(lexicons, 'konsheng/Vocabulary', f));
addList(join(lexicons, 'houbb/sensitive_word_dict.txt'));
const pool = [...words];
let seed = 7;
const rnd = (): number => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
};
for (let k = pool.length - 1; k > 0; k--) {
  const j = Math.floor(rnd() * (k + 1));
  [pool[k], pool[j]] = [pool[j] as string, pool[k] as string];
}

type Lines = ReturnType<typeof createScanner>['lines'];
const time = (walkLines: Lines): { secs: number; hits: number } => {
  let hits = 0;
  const t = process.cpuUsage();
  walkLines(bytes, 0, bytes.length, (_s, _e, hit) => {
    if (hit) hits++;
  });
  const d = process.cpuUsage(t);
  return { secs: (d.user + d.system) / 1e6, hits };
};

const table = buildNormTable(DEFAULT_NORMALIZE);
console.log(`corpus ${mb.toFixed(1)} MB, ${reps} alternating reps, best of each`);
console.log('keywords | old MB/s | new MB/s | new/old | hit lines');
for (const n of sizes) {
  const norm = [...new Set(pool.slice(0, n).map((k) => normalizeString(k, table)))].filter(
    (k) => k.length > 0,
  );
  const a = buildAutomaton(norm, table);
  const old = baselineLines(a);
  const neu = createScanner(a).lines;
  time(old);
  time(neu); // warm-up (JIT)
  let bestOld = Infinity;
  let bestNew = Infinity;
  let hitsOld = -1;
  let hitsNew = -1;
  for (let r = 0; r < reps; r++) {
    const o = time(old);
    const w = time(neu);
    bestOld = Math.min(bestOld, o.secs);
    bestNew = Math.min(bestNew, w.secs);
    hitsOld = o.hits;
    hitsNew = w.hits;
  }
  if (hitsOld !== hitsNew) throw new Error(`hit lines differ: old ${hitsOld}, new ${hitsNew}`);
  console.log(
    `${n} | ${(mb / bestOld).toFixed(0)} | ${(mb / bestNew).toFixed(0)} | ${(bestOld / bestNew).toFixed(2)} | ${hitsNew}`,
  );
}
