/**
 * The address detector on one long line without line breaks, at two lengths (16× apart): the time per
 * character should stay flat (ratio ≈ 1 or below); a ratio near 16 means a quadratic path (a walk over the
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
/** the least CPU time of three runs (a busy shared machine adds, never takes away) */
const cpuMs = (text: string): number => {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < 3; r++) {
    const t0 = process.cpuUsage();
    detector.detect(text);
    const u = process.cpuUsage(t0);
    best = Math.min(best, (u.user + u.system) / 1000);
  }
  return best;
};
const rows = UNITS.map((unit) => {
  const small = unit.repeat(1000);
  const large = unit.repeat(16000);
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
