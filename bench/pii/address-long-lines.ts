/**
 * The address detector on one long line without line breaks, at two lengths: the time per character
 * should stay flat (ratio ≈ 1 or below); a ratio near 4 means a quadratic path (a walk over the
 * whole clause or the whole line at each candidate). Our own units in the shapes that matter.
 *   npx tsx bench/pii/address-long-lines.ts
 */
import { createAddress } from '../../src/pii/detectors/address.js';
import { loadPiiDictionaries } from '../../src/pii/load.js';

const detector = createAddress(loadPiiDictionaries());
const UNITS = [
  '地址：青松路1号（紫荆广场），',
  '地点：星河会展中心（青松路8号）',
  '青松路与银杏路交叉口',
  '青松路交叉口',
  '担心枣村经适房',
  '滨江路的紫荆广场、',
  '荣田路、银田路和兰和路',
  '6号线与9号线交叉站青石站西北300米处',
];
const cpuMs = (text: string): number => {
  const t0 = process.cpuUsage();
  detector.detect(text);
  const u = process.cpuUsage(t0);
  return (u.user + u.system) / 1000;
};
const rows = UNITS.map((unit) => {
  const small = unit.repeat(1000);
  const large = unit.repeat(4000);
  cpuMs(small); // warm-up
  const a = cpuMs(small) / small.length;
  const b = cpuMs(large) / large.length;
  return {
    unit,
    'chars (large)': large.length,
    'µs/char small': (a * 1000).toFixed(2),
    'µs/char large': (b * 1000).toFixed(2),
    'ratio large/small': (b / a).toFixed(2),
  };
});
console.table(rows);
