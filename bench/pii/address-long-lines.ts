/**
 * The address detector on one long line without line breaks, every shape at three lengths 4× apart
 * (about 40k, 160k and 640k characters): the time per character should stay flat (the ratio of the
 * longest line's µs per character to the shortest's ≈ 1 or below); a ratio near 16 means a quadratic
 * path (a walk over the whole clause, the whole line or every finding so far at each candidate).
 * Each length is timed as the least CPU time per call of five rounds, a round calling the detector
 * until it has used at least 40 ms (so that the short line is timeable, not noise). Our own units in
 * the shapes that matter.
 *   npx tsx bench/pii/address-long-lines.ts
 *   BASE=/tmp/base8/dist npx tsx bench/pii/address-long-lines.ts   (adds that build's ratio beside ours)
 *   LENGTHS=40000,160000,640000,2560000 npx tsx bench/pii/address-long-lines.ts
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createAddress } from '../../src/pii/detectors/address.js';
import { loadPiiDictionaries } from '../../src/pii/load.js';
import type { Detector } from '../../src/pii/types.js';

const UNITS = [
  '地址：青松路1号（紫荆广场），',
  '地点：星河会展中心（青松路8号）',
  '青松路与银杏路交叉口',
  '青松路交叉口',
  '担心枣村经适房',
  '滨江路的紫荆广场、',
  '荣田路、银田路和兰和路',
  '6号线与9号线交叉站青石站西北300米处',
  '地铁4号线枣园站2号口，',
  '16号线惠南地铁站',
  '青松路88号院内12号楼3单元501室',
  '阳光小区3栋2单元501室；',
];
const LENGTHS = (process.env.LENGTHS ?? '40000,160000,640000').split(',').map(Number);

const ours = createAddress(loadPiiDictionaries());
let base: Detector | undefined;
if (process.env.BASE) {
  const root = pathToFileURL(resolve(process.env.BASE)).href;
  const addr = (await import(
    `${root}/pii/detectors/address.js`
  )) as typeof import('../../src/pii/detectors/address.js');
  const load = (await import(`${root}/pii/load.js`)) as typeof import('../../src/pii/load.js');
  base = addr.createAddress(load.loadPiiDictionaries());
}

/** µs of CPU per call: the least of five rounds, each calling until 40 ms are used */
const cpuUsPerCall = (detector: Detector, text: string): number => {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < 5; r++) {
    const t0 = process.cpuUsage();
    let calls = 0;
    let used = 0;
    do {
      detector.detect(text);
      calls++;
      const u = process.cpuUsage(t0);
      used = u.user + u.system;
    } while (used < 40_000);
    best = Math.min(best, used / calls);
  }
  return best;
};
/** µs per character at each length, and the last length's over the first's */
const measure = (detector: Detector, unit: string): { perChar: number[]; ratio: number } => {
  const perChar = LENGTHS.map((n) => {
    const text = unit.repeat(Math.ceil(n / unit.length));
    detector.detect(text); // warm-up
    return cpuUsPerCall(detector, text) / text.length;
  });
  return { perChar, ratio: (perChar.at(-1) as number) / (perChar[0] as number) };
};
const rows = UNITS.map((unit) => {
  const o = measure(ours, unit);
  const row: Record<string, string> = { unit };
  LENGTHS.forEach((n, k) => {
    row[`µs/char ${n / 1000}k`] = (o.perChar[k] as number).toFixed(3);
  });
  row[`ratio ${(LENGTHS.at(-1) as number) / (LENGTHS[0] as number)}×`] = o.ratio.toFixed(2);
  if (base) row['base ratio'] = measure(base, unit).ratio.toFixed(2);
  return row;
});
console.table(rows);
