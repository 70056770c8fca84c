import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { translator } from '../../i18n/index.js';
import { loadKb } from '../../kb/index.js';
import { loadLexicon } from '../lexicon.js';
import { runScan, saveScan } from '../scan.js';
import { renderScanHtml, scanHtmlLabels } from '../scan-html.js';
import { type DemoStep, sampleInput } from './step.js';

/**
 * The corpus-audit part of `beian demo`: scans the shipped sample (examples/demo/corpus/, 180 Tang
 * poems from chinese-poetry plus 10 forum posts, 6 of them harmful) with the starter library, every
 * record in the sample, and writes the HTML report and the flagged records. Expected: verdict fail,
 * and the forum-crawl source over the source threshold.
 */
export const scanStep: DemoStep = {
  id: 'scan',
  title: { zh: '训练语料关键词审核', en: 'Training-corpus keyword audit' },
  async run(ctx) {
    const kb = loadKb();
    const t = translator(ctx.lang);
    const input = sampleInput(ctx, 'corpus');
    const corpus = input.path;
    const lexicon = await loadLexicon(kb, { allow: ['透明性', '公平性'] });
    const flagged = join(ctx.outDir, 'scan-flagged.jsonl');
    const report = await runScan(kb, lexicon, {
      inputs: [corpus],
      read: {},
      seed: 1,
      sampleFraction: 1,
      flagScore: 3,
      threads: 2,
      flaggedOut: flagged,
    });
    await saveScan(ctx.store, [corpus], report, ctx.now);
    const html = join(ctx.outDir, 'scan-report.html');
    const riskName = (id: string) => {
      const r = kb.risks.find((x) => x.id === id);
      return r ? r.title[ctx.lang] : '';
    };
    writeFileSync(html, renderScanHtml(report, scanHtmlLabels(t, riskName)));
    const over = report.sources.filter((s) => s.overThreshold).map((s) => s.source);
    const summary =
      ctx.lang === 'zh'
        ? `${input.own ? '' : '演示样例语料：'}${report.records} 条记录，标记 ${report.flagged} 条，结论：${t(report.verdict === 'pass' ? 'scan.pass' : 'scan.fail')}${over.length ? `；超标来源：${over.join('、')}` : ''}`
        : `${input.own ? '' : 'shipped sample corpus: '}${report.records} records, ${report.flagged} flagged, verdict: ${report.verdict}${over.length ? `; sources over threshold: ${over.join(', ')}` : ''}`;
    return {
      summary,
      files: [
        { path: html, title: { zh: '语料审核报告', en: 'Corpus audit report' } },
        { path: flagged, title: { zh: '被标记的记录（JSONL）', en: 'Flagged records (JSONL)' } },
      ],
    };
  },
};
