/**
 * What each PII detector costs alone, on real news-style text, against a floor run in the same
 * process: one combined regex for mobiles/IDs/cards/e-mails over the same strings (no file, no
 * JSON: the texts are in memory, so only detection is timed). Corpus: CLUENER/Weibo sentences, four
 * to a record as throughput.ts builds them (read at run time from /work/shared/data, never copied).
 *   npx tsx bench/pii/detectors.ts [megabytes=12]   (ROUNDS=3 by default; each figure is its best round)
 * Prints, per detector, CPU milliseconds (its `applies` prefilter on a ready profile, then detect),
 * the ratio to the floor (ours / floor: how many floors it costs) and MB per CPU-second; then the
 * profile pass and the whole planScan. The machine is shared: read the ratios, not the milliseconds.
 *   BASE=/path/to/old/dist npx tsx bench/pii/detectors.ts 12   (npm run build first) adds an older
 * build's name detector, address detector and planScan side by side with this build's (see the end of this file).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadPiiDictionaries } from '../../src/pii/load.js';
import { profileText, type TextProfile } from '../../src/pii/profile.js';
import { createDetectors } from '../../src/pii/registry.js';
import { planScan } from '../../src/pii/scan.js';
import { PII_TYPES } from '../../src/pii/types.js';
import { newsTexts } from './news-corpus.js';

const mb = Number(process.argv[2] ?? 12);
const rounds = Number(process.env.ROUNDS ?? 3);
const texts = newsTexts(mb);
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
console.log(
  `corpus: ${(bytes / 1e6).toFixed(1)} MB of UTF-8 text in ${texts.length} records, ${rounds} rounds`,
);

// (the profiles once: each detector's row is its `applies` and `detect`, the profile pass its own row)
const profiles = texts.map(profileText);
const registry = createDetectors(loadPiiDictionaries());
const scan = planScan(registry);
const COMBINED =
  /(?<!\d)1[3-9]\d{9}(?!\d)|(?<!\d)\d{17}[\dXx](?!\d)|(?<!\d)\d{16,19}(?!\d)|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** CPU milliseconds of this process (the collector's threads too: allocation is part of the cost) */
const cpu = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const best = new Map<string, number>();
const counts = new Map<string, number>();
const time = (name: string, run: () => number): void => {
  const c0 = cpu();
  const n = run();
  const ms = cpu() - c0;
  best.set(name, Math.min(best.get(name) ?? Number.POSITIVE_INFINITY, ms));
  counts.set(name, n);
};

for (let round = 0; round < rounds; round++) {
  time('floor', () => {
    let hits = 0;
    for (const t of texts) for (const _ of t.matchAll(COMBINED)) hits++;
    return hits;
  });
  time('profile', () => {
    let han = 0;
    for (const t of texts) han += profileText(t).han;
    return han;
  });
  for (const type of PII_TYPES) {
    const d = registry[type];
    time(type, () => {
      let n = 0;
      for (let k = 0; k < texts.length; k++)
        if (d.applies === undefined || d.applies(profiles[k] as TextProfile))
          n += d.detect(texts[k] as string).length;
      return n;
    });
  }
  time('planScan', () => {
    let n = 0;
    for (const t of texts) n += scan(t).length;
    return n;
  });
}

const floor = best.get('floor') as number;
const row = (name: string, note = ''): string => {
  const ms = best.get(name) as number;
  return `${name.padEnd(18)} ${ms.toFixed(0).padStart(7)} ms CPU  ${(ms / floor).toFixed(2).padStart(6)} × floor  ${(bytes / 1e6 / (ms / 1000)).toFixed(1).padStart(7)} MB/CPU-s  ${String(counts.get(name)).padStart(7)} ${note}`;
};
console.log(row('floor', 'hits (one combined regex)'));
console.log(row('profile', 'Han characters (the shared prefilter pass)'));
for (const type of PII_TYPES) console.log(row(type, 'findings (applies + detect)'));
console.log(row('planScan', 'findings after overlap resolution (every detector)'));

// BASE=/path/to/other/dist: the same detectors of that build (an older tree's `dist/`) beside this
// tree's, interleaved per chunk of texts in this process (the order alternating), so that the
// machine's load falls on both alike: CPU of ours / base for the name detector and the whole scan,
// the first round (cold: interpreted code and the compiles) apart from the later ones (warm).
if (process.env.BASE) {
  const root = pathToFileURL(resolve(process.env.BASE)).href;
  const baseLoad = (await import(`${root}/pii/load.js`)) as typeof import('../../src/pii/load.js');
  const baseRegistry = (await import(
    `${root}/pii/registry.js`
  )) as typeof import('../../src/pii/registry.js');
  const baseScan = (await import(`${root}/pii/scan.js`)) as typeof import('../../src/pii/scan.js');
  // (this tree from its build too, not from src through tsx: both sides the same kind of code)
  const ourLoad = (await import('../../dist/pii/load.js')) as typeof import('../../src/pii/load.js');
  const ourRegistry = (await import(
    '../../dist/pii/registry.js'
  )) as typeof import('../../src/pii/registry.js');
  const ourScan = (await import('../../dist/pii/scan.js')) as typeof import('../../src/pii/scan.js');
  const sides = [
    { registry: baseRegistry.createDetectors(baseLoad.loadPiiDictionaries()), plan: baseScan.planScan },
    { registry: ourRegistry.createDetectors(ourLoad.loadPiiDictionaries()), plan: ourScan.planScan },
  ].map((s) => ({ name: s.registry['person-name'], address: s.registry.address, scan: s.plan(s.registry) }));
  for (const what of ['person-name', 'address', 'planScan'] as const) {
    const cold = [0, 0];
    const warm = [0, 0];
    const found = [0, 0];
    const CHUNK = 400;
    for (let round = 0; round < Math.max(2, rounds); round++)
      for (let k = 0; k < texts.length; k += CHUNK) {
        const order = (k / CHUNK + round) % 2 === 0 ? [0, 1] : [1, 0];
        for (const w of order) {
          const side = sides[w] as (typeof sides)[number];
          const c0 = cpu();
          let n = 0;
          for (let j = k; j < Math.min(k + CHUNK, texts.length); j++)
            n +=
              what === 'planScan'
                ? side.scan(texts[j] as string).length
                : what === 'address'
                  ? // its applies prefilter on the ready profile, as planScan runs it
                    side.address.applies === undefined || side.address.applies(profiles[j] as TextProfile)
                    ? side.address.detect(texts[j] as string).length
                    : 0
                  : side.name.detect(texts[j] as string).length;
          const ms = cpu() - c0;
          if (round === 0) cold[w] = (cold[w] as number) + ms;
          else warm[w] = (warm[w] as number) + ms;
          if (round === 0) found[w] = (found[w] as number) + n;
        }
      }
    console.log(
      `${what} ours / base CPU: cold (first round) ${((cold[1] as number) / (cold[0] as number)).toFixed(3)}, warm (later rounds) ${((warm[1] as number) / (warm[0] as number)).toFixed(3)}; findings base ${found[0]}, ours ${found[1]}`,
    );
  }
}
