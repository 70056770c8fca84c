import { join } from 'node:path';
import { loadLexicon } from '../app/lexicon.js';
import { runScan, saveScan } from '../app/scan.js';
import { renderScanHtml, scanHtmlLabels } from '../app/scan-html.js';
import { translator } from '../i18n/index.js';
import { writeFileAtomicSync } from '../io/atomic.js';
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
    const { kb } = ctx;
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
    writeFileAtomicSync(html, renderScanHtml(report, scanHtmlLabels(t, riskName)));
    const over = report.sources.filter((s) => s.overThreshold).map((s) => s.source);
    const summary =
      (input.own ? '' : t('demo.scan.sample')) +
      t('demo.summary.scan', {
        records: report.records,
        flagged: report.flagged,
        verdict: t(report.verdict === 'pass' ? 'demo.scan.pass' : 'demo.scan.fail'),
        over: over.length ? t('demo.scan.over', { sources: over.join(t('demo.list.sep')) }) : '',
      });
    return {
      summary,
      files: [
        { path: html, title: { zh: '语料审核报告', en: 'Corpus audit report' } },
        { path: flagged, title: { zh: '被标记的记录（JSONL）', en: 'Flagged records (JSONL)' } },
      ],
    };
  },
};
