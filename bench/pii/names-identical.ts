/**
 * The name detectors' findings of this build against an older one, finding for finding: a speed
 * change must leave them identical. Runs the person-name detector (transliterated names included),
 * the address detector (it shares code-tables.ts and the int sets) and the whole planScan of both
 * builds over every CLUENER and Weibo sentence alone (read at run time from /work/shared/data,
 * never copied), the news-style records of throughput.ts, and the synthetic evaluation set, and
 * compares every finding (type, start, end, confidence, score). Prints the first differences and
 * the count per corpus; exits 1 when any differs.
 *   npm run build && OLD=/tmp/base8/dist npx tsx bench/pii/names-identical.ts [news megabytes=12] [synthetic records=3000]
 * (`shuffled`: 40000 texts of three to eight fragments of one to six characters of those sentences)
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding } from '../../src/pii/types.js';
import { generateEvalSet } from './dataset.js';
import { loadCluener, loadWeibo } from './ner-corpus.js';
import { newsTexts } from './news-corpus.js';

const mb = Number(process.argv[2] ?? 12);
const synthetic = Number(process.argv[3] ?? 3000);
const oldRoot = pathToFileURL(resolve(process.env.OLD ?? '/tmp/base8/dist')).href;
const newRoot = pathToFileURL(resolve(new URL('../../dist', import.meta.url).pathname)).href;

type Load = typeof import('../../src/pii/load.js');
type Registry = typeof import('../../src/pii/registry.js');
type Scan = typeof import('../../src/pii/scan.js');
async function side(root: string) {
  const load = (await import(`${root}/pii/load.js`)) as Load;
  const registry = (await import(`${root}/pii/registry.js`)) as Registry;
  const scan = (await import(`${root}/pii/scan.js`)) as Scan;
  const r = registry.createDetectors(load.loadPiiDictionaries());
  return {
    'person-name': (t: string) => r['person-name'].detect(t),
    address: (t: string) => r.address.detect(t),
    planScan: scan.planScan(r),
  };
}
const [before, after] = [await side(oldRoot), await side(newRoot)];

const show = (f: Finding): string =>
  `${f.type} [${f.start},${f.end}) ${f.value} ${f.confidence} ${f.score} ${JSON.stringify(f.facts ?? null)}`;
const key = (fs: readonly Finding[]): string[] => fs.map(show);

const sentences = [...loadCluener(), ...loadWeibo()].map((s) => s.text);
/** fragments of real sentences glued at random (deterministic): names beside unusual neighbours */
function shuffled(n: number): string[] {
  let seed = 20261202;
  const rand = (k: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % k;
  };
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let t = '';
    for (let parts = 3 + rand(6); parts > 0; parts--) {
      const s = sentences[rand(sentences.length)] as string;
      const at = rand(s.length);
      t += s.slice(at, at + 1 + rand(6));
    }
    out.push(t);
  }
  return out;
}
const corpora: Array<[string, string[]]> = [
  ['cluener', loadCluener().map((s) => s.text)],
  ['weibo', loadWeibo().map((s) => s.text)],
  ['shuffled', shuffled(40000)],
  ['news', newsTexts(mb)],
  ['synthetic', generateEvalSet(synthetic).map((r) => r.text)],
];
let total = 0;
for (const [name, texts] of corpora) {
  for (const what of ['person-name', 'address', 'planScan'] as const) {
    let diffs = 0;
    let findings = 0;
    for (const text of texts) {
      const a = key(before[what](text));
      const b = key(after[what](text));
      findings += a.length;
      if (a.length === b.length && a.every((x, k) => x === b[k])) continue;
      diffs++;
      if (diffs <= 5) {
        console.log(`DIFF ${name} ${what}: ${text.slice(0, 80)}`);
        console.log(`  old: ${a.filter((x) => !b.includes(x)).join('; ')}`);
        console.log(`  new: ${b.filter((x) => !a.includes(x)).join('; ')}`);
      }
    }
    total += diffs;
    console.log(
      `${name.padEnd(10)} ${what.padEnd(12)} ${String(texts.length).padStart(7)} texts ${String(findings).padStart(7)} findings (old)  ${diffs} texts differ`,
    );
  }
}
console.log(`${total} differences`);
process.exitCode = total === 0 ? 0 : 1;
