/**
 * Precision / recall of record flagging on a labelled set built from real text:
 * negatives = lines of Tang/Song poetry (chinese-poetry), which naturally contain 性, 乳, 交, 鸡 …;
 * positives = other poetry lines with one naughty-words zh keyword inserted at a random place,
 * half of them disguised (noise characters between characters, full-width, traditional form).
 * Lexicon: the starter library + naughty-words. Prints P/R at match level ("any counted match")
 * and at record level (flag score ≥ 3 and ≥ 2), with and without the precision rules.
 *
 *   npx tsx bench/lexicon/disguise.ts        # env N (default 4000 records per class)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as OpenCC from 'opencc-js';
import { loadLexicon } from '../../src/app/lexicon.js';
import { loadKb } from '../../src/kb/index.js';
import { compileLexicon, STARTER_LEXICON_DIR, scoreRecord } from '../../src/lexicon/index.js';

const N = Number(process.env.N ?? 4000);
const require = createRequire(import.meta.url);
const words = require('naughty-words/zh.json') as string[];
const poems = JSON.parse(
  readFileSync(require.resolve('chinese-poetry/dist/quantangshi/poet.tang.0.json'), 'utf8'),
) as Array<{
  paragraphs: string[];
}>;
const toSimp = OpenCC.Converter({ from: 't', to: 'cn' });
const toTrad = OpenCC.Converter({ from: 'cn', to: 't' });
const lines = poems.flatMap((p) => p.paragraphs).map((l) => toSimp(l));
let seed = 7;
const rnd = (): number => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
};
const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)] as T;
const disguise = (w: string): string => {
  const r = rnd();
  if (r < 0.33) return [...w].join(pick(['*', ' ', '\u200b', '-', '🌸']));
  if (r < 0.66) return toTrad(w);
  return w.replace(/[A-Za-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
};
const set: Array<{ text: string; harmful: boolean }> = [];
for (let i = 0; i < N; i++) set.push({ text: lines[(i * 2) % lines.length] as string, harmful: false });
for (let i = 0; i < N; i++) {
  const base = lines[(i * 2 + 1) % lines.length] as string;
  const w = pick(words);
  const at = Math.floor(rnd() * (base.length + 1));
  set.push({ text: base.slice(0, at) + (rnd() < 0.5 ? disguise(w) : w) + base.slice(at), harmful: true });
}

const kb = loadKb();
const withRules = await loadLexicon(kb, { files: ['naughty-words'], allow: ['透明性', '公平性'] });
const starter = await loadLexicon(kb, { files: [STARTER_LEXICON_DIR] });
const entries = [...starter.entries, ...withRules.entries];
const full = compileLexicon(entries, { allow: ['透明性', '公平性'] });
const bare = compileLexicon(
  entries.map((e) => ({ ...e, boundary: 'none' as const })),
  { normalize: { noise: false, t2s: false, width: false } },
);

const measure = (label: string, flag: (t: string) => boolean): void => {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of set) {
    const f = flag(r.text);
    if (f && r.harmful) tp++;
    else if (f) fp++;
    else if (r.harmful) fn++;
  }
  const p = tp / Math.max(1, tp + fp);
  const rec = tp / Math.max(1, tp + fn);
  console.log(
    `${label.padEnd(58)} precision ${(p * 100).toFixed(1)}%  recall ${(rec * 100).toFixed(1)}%  (tp ${tp}, fp ${fp}, fn ${fn})`,
  );
};
console.log(
  `labelled set: ${N} poetry lines (negative) + ${N} poetry lines with a naughty-words keyword inserted (positive); ${entries.length} keywords`,
);
measure('no normalisation, no boundary rules, any match', (t) => bare.findAll(t).length > 0);
measure('normalised, all overlapping hits (findAll), any match', (t) => full.findAll(t).length > 0);
measure('normalised + allow-list + boundaries (scan), any match', (t) => full.scan(t).length > 0);
measure('scan + record score ≥ 2', (t) => scoreRecord(t, full.scan(t), 2).flagged);
measure('scan + record score ≥ 3 (default)', (t) => scoreRecord(t, full.scan(t), 3).flagged);
