/**
 * Trains the optional sequence model ONLY on sentences this script composes from licensable parts,
 * so the question "does a model trained on generated text generalise to real text?" can be measured:
 *   npx tsx bench/pii/synthetic-train.ts --out /tmp/synthetic-model.json [--sentences=20000]
 *     [--generator=composed|salad] [--print=N] [--jade-share=F] [--join-share=F] [--jade-no-name=F]
 *     [--foreign-share=F] [--latin-share=F] [--seed=N] [--epochs=N] [--ensemble=K]
 *   npx tsx bench/pii/ner.ts tune --model /tmp/synthetic-model.json
 * --generator=composed (default, session 8): bench/pii/composed.ts — JADE-DB questions (MIT) with
 * their person words replaced by generated names, and frames written for beian with slots filled
 * from faker and jieba (see that file). --generator=salad (session 4): the word salad below.
 * --print=N prints N generated sentences with their spans marked and exits.
 * Salad parts: ordinary words of jieba's word list (MIT; nouns, verbs, adjectives… by frequency) as the
 * running text, person names from @faker-js/faker zh_CN/en (MIT) and jieba's `nr` / `nrt` entries,
 * places and organisations (jieba `ns` / `nt`) inserted as non-names, addresses composed from faker
 * provinces and cities with our own street and building words; title/speech cues from
 * data/pii/name-cues.yaml. No sentence of any corpus is read.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fakerZH_CN as faker, fakerEN } from '@faker-js/faker';
import { loadPiiDictionaries } from '../../src/pii/index.js';
import { serializeModel, type TrainingSentence, trainModel } from '../../src/pii/model/index.js';
import { jiebaWordList, makeComposer } from './composed.js';

const args = process.argv.slice(2);
const out = args[args.indexOf('--out') + 1];
const printN = Number(args.find((a) => a.startsWith('--print='))?.slice(8) ?? 0);
if ((!args.includes('--out') || !out) && !printN) {
  console.error('usage: npx tsx bench/pii/synthetic-train.ts --out model.json [--sentences=N] [--epochs=N]');
  process.exit(2);
}
/** the share of word slots holding a name, a place/org and a rare word (real text has far fewer names than slots) */
const NAME_RATE = Number(args.find((a) => a.startsWith('--name-rate='))?.slice(12) ?? 0.03);
const count = Number(args.find((a) => a.startsWith('--sentences='))?.slice(12) ?? 20000);
const epochs = Number(args.find((a) => a.startsWith('--epochs='))?.slice(9) ?? 5);
const generator = args.find((a) => a.startsWith('--generator='))?.slice(12) ?? 'composed';
const num = (name: string): number | undefined => {
  const v = args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  return v === undefined ? undefined : Number(v);
};
faker.seed(20261201);
fakerEN.seed(20261201);
const rand = () => faker.number.float();
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

const dicts = loadPiiDictionaries();
const cues = dicts.nameCues;
const dictPath = jiebaWordList();
const ordinary: string[] = [];
const names: string[] = [];
const foreign: string[] = [];
const places: string[] = [];
const orgs: string[] = [];
const rare: string[] = [];
const ORDINARY_TAGS = new Set([
  'n',
  'v',
  'a',
  'd',
  'vn',
  'ad',
  'an',
  'm',
  'q',
  'r',
  'p',
  'c',
  'u',
  'f',
  't',
  'l',
  'i',
]);
for (const line of readFileSync(dictPath, 'utf8').split('\n')) {
  const [w, f, tag] = line.split(' ');
  if (!w || !tag || !/^[\u4e00-\u9fff]+$/.test(w)) continue;
  const freq = Number(f);
  if (tag === 'nr' && freq < 20 && (w.length === 2 || w.length === 3)) names.push(w);
  else if (tag === 'nrt' && freq < 50 && w.length >= 3) foreign.push(w);
  else if (tag === 'ns' && freq >= 20) places.push(w);
  else if (tag === 'nt' && freq >= 5) orgs.push(w);
  else if (ORDINARY_TAGS.has(tag) && freq >= 300) ordinary.push(w);
  else if (!tag.startsWith('nr') && freq >= 3 && w.length >= 2 && w.length <= 4) rare.push(w);
}
const PUNCT = ['，', '，', '，', '。', '、', '；', '：'];
const STREET_WORDS = ['路', '街', '大道', '大街', '巷', '胡同'];
const BUILDING = ['大厦', '花园', '小区', '广场', '公寓', '新村'];

function personName(): string {
  const r = rand();
  if (r < 0.45) return faker.person.lastName() + faker.person.firstName();
  if (r < 0.7) return pick(names);
  if (r < 0.9) return pick(foreign);
  return rand() < 0.5
    ? fakerEN.person.firstName()
    : `${fakerEN.person.firstName()} ${fakerEN.person.lastName()}`;
}
function address(): string {
  const street = pick(ordinary).slice(0, 2) + pick(STREET_WORDS);
  let a = '';
  if (rand() < 0.6) a += faker.location.state();
  if (rand() < 0.7) a += faker.location.city();
  if (rand() < 0.4) a += `${pick(ordinary).slice(0, 2)}区`;
  a += street;
  if (rand() < 0.7) a += `${faker.number.int({ min: 1, max: 999 })}号`;
  if (rand() < 0.3) a += pick(ordinary).slice(0, 2) + pick(BUILDING);
  if (rand() < 0.3)
    a += `${faker.number.int({ min: 1, max: 30 })}栋${faker.number.int({ min: 101, max: 2808 })}室`;
  return a;
}

function sentence(): TrainingSentence {
  let text = '';
  const spans: TrainingSentence['spans'] = [];
  const parts = 2 + Math.floor(rand() * 5);
  for (let p = 0; p < parts; p++) {
    const words = 2 + Math.floor(rand() * 6);
    for (let k = 0; k < words; k++) {
      const r = rand();
      if (r < NAME_RATE) {
        const before = rand() < 0.4 ? pick(cues.titles) : rand() < 0.2 ? pick(cues.before.strong) : '';
        const after = rand() < 0.4 ? pick(cues.speech) : '';
        text += before;
        const name = personName();
        spans.push({ type: 'person-name', start: text.length, end: text.length + name.length });
        text += name + after;
      } else if (r < NAME_RATE + 0.02) {
        text += pick(['位于', '在', '住在', '地址：', '到', '']);
        const a = address();
        spans.push({ type: 'address', start: text.length, end: text.length + a.length });
        text += a;
      } else if (r < NAME_RATE + 0.06) text += pick(places);
      else if (r < NAME_RATE + 0.09) text += pick(orgs);
      else if (r < NAME_RATE + 0.25) text += pick(rare);
      else text += pick(ordinary);
    }
    text += pick(PUNCT);
  }
  return { text, spans };
}

const t0 = performance.now();
const composed =
  generator === 'composed'
    ? makeComposer(dicts, {
        ...(num('jade-share') !== undefined ? { jadeShare: num('jade-share') as number } : {}),
        ...(num('join-share') !== undefined ? { joinShare: num('join-share') as number } : {}),
        ...(num('jade-no-name') !== undefined ? { jadeNoName: num('jade-no-name') as number } : {}),
        ...(num('foreign-share') !== undefined ? { foreignShare: num('foreign-share') as number } : {}),
        ...(num('latin-share') !== undefined ? { latinShare: num('latin-share') as number } : {}),
        ...(num('seed') !== undefined ? { seed: num('seed') as number } : {}),
      })
    : sentence;
if (printN) {
  for (let i = 0; i < printN; i++) {
    const s = composed();
    let t = s.text;
    for (const sp of [...s.spans].sort((a, b) => b.start - a.start))
      t = `${t.slice(0, sp.start)}[${t.slice(sp.start, sp.end)}]${sp.type === 'address' ? 'A' : 'P'}${t.slice(sp.end)}`;
    console.log(t);
  }
  process.exit(0);
}
const set = Array.from({ length: count }, composed);
const ensemble = num('ensemble');
const model = trainModel(set, dicts, { epochs, ...(ensemble ? { ensemble } : {}) });
writeFileSync(
  out as string,
  `${JSON.stringify(serializeModel(model, `beian ${generator} (${count} generated sentences)`))}\n`,
);
console.log(
  `trained on ${count} generated sentences (${set.reduce((s, x) => s + x.spans.length, 0)} spans) in ${((performance.now() - t0) / 1000).toFixed(1)} s → ${out}`,
);
