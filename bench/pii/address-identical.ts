/**
 * The address findings of this tree's build and an older build's, compared on every CLUENER and
 * Weibo sentence (read at run time, never copied) and on `mb` megabytes of the news corpus: prints
 * the number of texts, findings and differences (the first few differing spans, no sentence).
 * `npm run build` first.
 *   OLD=/tmp/base8/dist npx tsx bench/pii/address-identical.ts [mb=12]
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Detector } from '../../src/pii/types.js';
import { loadCluener, loadWeibo } from './ner-corpus.js';
import { newsTexts } from './news-corpus.js';

const load = async (dist: string): Promise<Detector> => {
  const root = pathToFileURL(resolve(dist)).href;
  const addr = (await import(
    `${root}/pii/detectors/address.js`
  )) as typeof import('../../src/pii/detectors/address.js');
  const dicts = (await import(`${root}/pii/load.js`)) as typeof import('../../src/pii/load.js');
  return addr.createAddress(dicts.loadPiiDictionaries());
};
const oldDetector = await load(process.env.OLD ?? '/tmp/base8/dist');
const newDetector = await load('dist');
const key = (d: Detector, text: string): string =>
  d
    .detect(text)
    .map((f) => `${f.start}-${f.end}:${f.score}`)
    .join(' ');
const mb = Number(process.argv[2] ?? 12);
const sets: [string, string[]][] = [
  ['cluener+weibo', [...loadCluener(), ...loadWeibo()].map((s) => s.text)],
  [`news ${mb} MB`, newsTexts(mb)],
];
let total = 0;
for (const [name, texts] of sets) {
  let findings = 0;
  let differ = 0;
  for (const text of texts) {
    const a = key(oldDetector, text);
    const b = key(newDetector, text);
    findings += a === '' ? 0 : a.split(' ').length;
    if (a !== b) {
      if (differ < 5) console.log(`  differs: old [${a}] new [${b}]`);
      differ++;
    }
  }
  total += differ;
  console.log(`${name}: ${texts.length} texts, ${findings} old findings, ${differ} texts differ`);
}
process.exitCode = total === 0 ? 0 : 1;
