/**
 * One measurement in a fresh process (so peak RSS belongs to it alone):
 *   node --import tsx bench/fairness/measure.ts <file> price|disparity|csv-parse
 * Prints one JSON line: rows, seconds, rows/s, peak RSS in MB.
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { runDisparityAudit, runPriceAudit } from '../../src/app/fairness/log-audit.js';
import { loadFairnessData } from '../../src/fairness/data.js';
import { loadKb } from '../../src/kb/index.js';

const [file, kind] = process.argv.slice(2) as [string, string];
const data = loadFairnessData(loadKb());
const t0 = process.hrtime.bigint();
let rows = 0;
let flags = 0;
if (kind === 'price' || kind === 'disparity') {
  const r =
    kind === 'price'
      ? await runPriceAudit({
          file,
          item: 'sku',
          price: 'price',
          group: 'user_type',
          time: 'ts',
          window: '1d',
          seed: 1,
          data,
        })
      : await runDisparityAudit({
          file,
          groups: ['gender', 'age_band', 'region'],
          outcome: 'approved',
          label: 'qualified',
          rank: 'rank',
          seed: 1,
          data,
        });
  rows = r.rows;
  flags = r.flags.length;
} else {
  // the peer: csv-parse reading the same file into records, doing nothing else
  for await (const _ of createReadStream(file).pipe(parse({ from_line: 2 }))) rows += 1;
}
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const maxRssMB = process.resourceUsage().maxRSS / 1024;
console.log(
  JSON.stringify({
    kind,
    rows,
    flags,
    seconds,
    rowsPerSec: Math.round(rows / seconds),
    maxRssMB: Math.round(maxRssMB),
  }),
);
