/**
 * The transliterated-name pass alone (transliterated-name.ts), this build's beside an older one's,
 * on the news-style corpus: each text's input is the older build's person-name findings (what the
 * pass sees is close to that: the pass's own findings are few), its hints from the text as
 * person-name.ts sets them. Interleaved per chunk of texts, the order alternating, so the machine's
 * load falls on both alike; prints CPU ours / base, cold (first round) and warm (later rounds),
 * and every text where the two passes differ (added or replaced findings).
 *   npm run build && BASE=/tmp/base9/dist ROUNDS=5 npx tsx bench/pii/translit.ts [megabytes=12]   (THREAD=1: this thread's CPU only)
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding } from '../../src/pii/types.js';
import { newsTexts } from './news-corpus.js';

type Load = typeof import('../../src/pii/load.js');
type Registry = typeof import('../../src/pii/registry.js');
type Translit = typeof import('../../src/pii/detectors/transliterated-name.js');

const mb = Number(process.argv[2] ?? 12);
const rounds = Math.max(2, Number(process.env.ROUNDS ?? 3));
const base = process.env.BASE;
if (base === undefined) throw new Error('BASE=/path/to/old/dist is needed');
const texts = newsTexts(mb);
/**
 * CPU milliseconds: of this thread alone with THREAD=1 (Linux schedstat, nanoseconds: the
 * compiler's and collector's helper threads left out), else of the process
 */
const cpu =
  process.env.THREAD === '1'
    ? (): number => Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6
    : (): number => {
        const c = process.cpuUsage();
        return (c.user + c.system) / 1000;
      };

const side = async (root: string) => {
  const load = (await import(`${root}/pii/load.js`)) as Load;
  const registry = (await import(`${root}/pii/registry.js`)) as Registry;
  const t = (await import(`${root}/pii/detectors/transliterated-name.js`)) as Translit;
  const d = load.loadPiiDictionaries();
  return { pass: t.createTransliteratedNames(d), name: registry.createDetectors(d)['person-name'] };
};
const sides = [
  await side(pathToFileURL(resolve(base)).href),
  await side(new URL('../../dist', import.meta.url).href),
];
const inputs = texts.map((t) => (sides[0] as Awaited<ReturnType<typeof side>>).name.detect(t));
const hints = texts.map((t) => (/[·•‧・]/.test(t) ? 1 : 0) | (/[A-Za-z]/.test(t) ? 2 : 0));
const show = (fs: readonly Finding[]): string => fs.map((f) => `${f.start}-${f.end}:${f.score}`).join(' ');

const cold = [0, 0];
const warm = [0, 0];
let differ = 0;
let added = 0;
const CHUNK = 400;
for (let round = 0; round < rounds; round++)
  for (let k = 0; k < texts.length; k += CHUNK) {
    const order = (k / CHUNK + round) % 2 === 0 ? [0, 1] : [1, 0];
    const results: string[][] = [[], []];
    for (const w of order.filter((x) => process.env.SIDE === undefined || String(x) === process.env.SIDE)) {
      const s = sides[w] as (typeof sides)[number];
      const r = results[w] as string[];
      const c0 = cpu();
      for (let j = k; j < Math.min(k + CHUNK, texts.length); j++) {
        const out = s.pass(texts[j] as string, inputs[j] as Finding[], hints[j]);
        if (round === 0) r.push(`${show(out.added)} | ${show([...out.replaced])}`);
      }
      const ms = cpu() - c0;
      if (round === 0) cold[w] = (cold[w] as number) + ms;
      else warm[w] = (warm[w] as number) + ms;
    }
    if (round === 0)
      for (let j = 0; j < (results[0] as string[]).length; j++) {
        const a = (results[0] as string[])[j];
        if (a !== ' | ') added++;
        if (a !== (results[1] as string[])[j]) {
          differ++;
          if (differ <= 5)
            console.log(`text ${k + j}: base ${a}\n         ours ${(results[1] as string[])[j]}`);
        }
      }
  }
console.log(
  `transliterated pass ours / base CPU: cold ${((cold[1] as number) / (cold[0] as number)).toFixed(3)}, warm ${((warm[1] as number) / (warm[0] as number)).toFixed(3)} (base warm ${((warm[0] as number) / (rounds - 1)).toFixed(0)} ms a round, ours ${((warm[1] as number) / (rounds - 1)).toFixed(0)}); ${texts.length} texts, ${added} with a finding; ${differ} differences`,
);
