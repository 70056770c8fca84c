import { join } from 'node:path';
import { gatherEvidence } from '../app/materials/gather-evidence.js';
import { generateMaterials } from '../app/materials/generate.js';
import { BeianError } from '../errors.js';
import { translator } from '../i18n/index.js';
import type { Evidence } from '../materials/evidence.js';
import type { Format } from '../materials/model.js';
import type { DemoContext, DemoFile, DemoStep } from './step.js';

/**
 * The full material set for the demo portfolio in DOCX, XLSX, HTML and PDF (PDF only when
 * Chromium is installed: without it the step still writes the rest and says so).
 * The evidence defaults to the results the earlier steps stored (scan, pii, red team, fairness),
 * the demo's source ledger and the starter keyword library (gatherEvidence).
 */
export function materialsStep(
  evidence: (ctx: DemoContext) => Promise<Evidence> = (ctx) =>
    gatherEvidence(ctx.store, ctx.kb, ctx.project, { projectFile: ctx.projectFile, lang: ctx.lang }),
): DemoStep {
  return {
    id: 'materials',
    title: { zh: '备案材料', en: 'Filing materials' },
    async run(ctx) {
      const out = join(ctx.outDir, 'materials');
      const base = {
        config: ctx.projectFile,
        kb: ctx.kb,
        evidence: await evidence(ctx),
        lang: ctx.lang,
        now: ctx.now,
        out,
        env: process.env,
      };
      const formats: Format[] = ['docx', 'xlsx', 'html', 'md', 'pdf'];
      let noPdf = '';
      let result: Awaited<ReturnType<typeof generateMaterials>>;
      try {
        result = await generateMaterials({ ...base, formats });
      } catch (e) {
        if (!(e instanceof BeianError && e.code === 'ENVIRONMENT')) throw e;
        noPdf = translator(ctx.lang)('demo.materials.noPdf');
        result = await generateMaterials({ ...base, formats: formats.filter((f) => f !== 'pdf') });
      }
      const files: DemoFile[] = result.documents.flatMap((d) =>
        d.files
          .filter((f) => !f.endsWith('.md'))
          .map((f) => ({
            path: f,
            title: {
              zh: `${d.title}（${f.split('.').pop()?.toUpperCase()}）`,
              en: `${d.id} (${f.split('.').pop()?.toUpperCase()})`,
            },
          })),
      );
      const todo = result.documents.reduce((a, d) => a + d.toComplete, 0);
      const nFiles = result.documents.reduce((a, d) => a + d.files.length, 0);
      const summary = translator(ctx.lang)('demo.summary.materials', {
        documents: result.documents.length,
        files: nFiles,
        todo,
        noPdf,
      });
      return { summary, files };
    },
  };
}
