/**
 * Generation time of the full material set for the example project with a 5,000-row red-team
 * result set and a 100-source ledger. Run: `npx tsx bench/materials/run.ts [--pdf]`.
 * Prints build (document models) and per-format render times; PDF only with --pdf (needs Chromium).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateMaterials } from '../../src/app/materials/generate.js';
import { loadKb } from '../../src/kb/index.js';
import type { Format } from '../../src/materials/model.js';
import { fixtureEvidence } from '../../test/fixtures/materials/evidence.js';

const kb = loadKb();
// generation bank gets `bankRows`, the two refusal banks half each: 2,500 + 1,250 + 1,250 = 5,000 rows
const evidence = fixtureEvidence(kb, { bankRows: 2_500, sources: 100 });
const rows = Object.values(evidence.banks ?? {}).reduce((a, b) => a + (b?.length ?? 0), 0);
const withPdf = process.argv.includes('--pdf');
const formats: Format[][] = [['md'], ['html'], ['docx'], ['xlsx'], ...(withPdf ? [['pdf'] as Format[]] : [])];

const out = mkdtempSync(join(tmpdir(), 'beian-bench-materials-'));
const base = {
  kb: loadKb(),
  config: 'examples/demo/beian.yaml',
  evidence,
  lang: 'zh' as const,
  now: new Date('2026-11-25T00:00:00Z'),
  env: process.env,
};
console.log(
  `red-team rows ${rows}, sources ${evidence.sources?.length}, keywords ${evidence.lexicon?.entries?.length}`,
);
let total = 0;
for (const f of formats) {
  const t0 = performance.now();
  const r = await generateMaterials({ ...base, out, formats: f });
  const ms = performance.now() - t0;
  total += ms;
  const files = r.documents.reduce((a, d) => a + d.files.length, 0);
  console.log(`${f[0]?.padEnd(5)} ${files} files  ${(ms / 1000).toFixed(2)} s`);
}
const t0 = performance.now();
await generateMaterials({
  ...base,
  out,
  formats: ['docx', 'xlsx', 'md', 'html', ...(withPdf ? (['pdf'] as Format[]) : [])],
});
console.log(
  `all formats in one run: ${((performance.now() - t0) / 1000).toFixed(2)} s (sum of separate runs ${(total / 1000).toFixed(2)} s)`,
);
rmSync(out, { recursive: true, force: true });
