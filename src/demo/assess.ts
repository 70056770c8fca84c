import { join } from 'node:path';
import { assessProject, saveAssessment } from '../app/assess.js';
import { renderAssessHtml, renderAssessMarkdown } from '../assess/report.js';
import { translator } from '../i18n/index.js';
import { writeFileAtomicSync } from '../io/atomic.js';
import type { DemoStep } from './step.js';

export const assessStep: DemoStep = {
  id: 'assess',
  title: { zh: '备案适用性评估', en: 'Filing applicability assessment' },
  async run(ctx) {
    const result = assessProject(ctx.project, ctx.lang, { kb: ctx.kb });
    await saveAssessment(ctx.store, result.determination, ctx.projectFile, ctx.now);
    const stamp = ctx.now.toISOString().replace('T', ' ').slice(0, 19);
    const htmlFile = join(ctx.outDir, 'assessment.html');
    const mdFile = join(ctx.outDir, 'assessment.md');
    const jsonFile = join(ctx.outDir, 'assessment.json');
    writeFileAtomicSync(htmlFile, renderAssessHtml(result.view, stamp));
    writeFileAtomicSync(mdFile, renderAssessMarkdown(result.view, stamp));
    writeFileAtomicSync(jsonFile, `${JSON.stringify(result.view, null, 2)}\n`);
    const required = result.view.company.filter((c) => c.status === 'required').length;
    const summary = translator(ctx.lang)('demo.summary.assess', {
      services: result.view.services.length,
      required,
    });
    return {
      summary,
      files: [
        { path: htmlFile, title: { zh: '适用性评估报告（HTML）', en: 'Applicability report (HTML)' } },
        { path: mdFile, title: { zh: '适用性评估报告（Markdown）', en: 'Applicability report (Markdown)' } },
        { path: jsonFile, title: { zh: '评估结果（JSON）', en: 'Determination (JSON)' } },
      ],
    };
  },
};
