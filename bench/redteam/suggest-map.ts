/**
 * How good are --suggest-map's proposals? Imports the real JADE-DB files with the JADE map left
 * out (only the shared synonyms and the other benchmarks' maps), asks for proposals for every
 * label the import could not place exactly, and compares them with data/banks/maps/jade-db.yaml.
 *   npx tsx bench/redteam/suggest-map.ts [jade-dir]
 */
import { join } from 'node:path';
import { readBanks } from '../../src/app/redteam/bank-files.js';
import { shippedMapFiles } from '../../src/app/redteam/category-maps.js';
import { loadKb } from '../../src/kb/index.js';
import { mergeMaps, normaliseLabel } from '../../src/redteam/banks/category-map.js';
import { suggestMappings } from '../../src/redteam/banks/suggest-map.js';

const dir = process.argv[2] ?? '/work/shared/data/redteam/jade-db-v2';
const kb = loadKb();
const files = shippedMapFiles();
const jade = files.find((f) => f.id === 'jade-db');
if (!jade) throw new Error('no jade-db map');
const without = mergeMaps(files.filter((f) => f.id !== 'jade-db'));
const full = mergeMaps(files);
const banks = ['jade_benchmark_easy_zh.csv', 'jade_benchmark_medium_zh.csv'].map((f) => join(dir, f));
const withMap = await readBanks(kb, banks, { maps: full });
const r = await readBanks(kb, banks, { maps: without });
const proposals = suggestMappings(kb, without, r.unknownLabels);
const expected = (labels: readonly string[]) => {
  const pair = labels.length > 1 ? full.entries.get(normaliseLabel(labels.slice(-2).join('/'))) : undefined;
  return (pair ?? full.entries.get(normaliseLabel(labels.at(-1) ?? '')))?.target;
};
let agreeLabels = 0;
let agreeRows = 0;
let rows = 0;
for (const p of proposals) {
  const want = expected(r.unknownLabels.get(p.label)?.labels ?? []);
  const ok = p.suggestion?.target === want;
  rows += p.rows;
  if (ok) {
    agreeLabels++;
    agreeRows += p.rows;
  }
  if (!ok)
    console.log(
      `  differs: ${p.label} (${p.rows} rows) proposed ${p.suggestion?.target ?? '-'}, map ${want}`,
    );
}
console.log(
  JSON.stringify(
    {
      withJadeMap: withMap.rows,
      withoutJadeMap: r.rows,
      unknownLabelPaths: proposals.length,
      proposalsAgreeing: `${agreeLabels}/${proposals.length}`,
      rowsAgreeing: `${agreeRows}/${rows}`,
    },
    null,
    2,
  ),
);
