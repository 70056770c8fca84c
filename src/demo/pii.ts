import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { runPii } from '../app/pii/run.js';
import { savePiiReport } from '../app/pii/save.js';
import { translator } from '../i18n/index.js';
import { writeFileAtomicSync } from '../io/atomic.js';
import { threshold } from '../kb/index.js';
import { PII_LABELS } from '../pii/labels.js';
import {
  checkSources,
  flagText,
  parseLedger,
  sourceMixTable,
  sourcesTable,
  type Table,
} from '../sources/index.js';
import { type DemoStep, sampleInput } from './step.js';

const mdTable = (t: Table): string =>
  [
    `### ${t.title}`,
    '',
    `| ${t.headers.join(' | ')} |`,
    `|${t.headers.map(() => ' --- ').join('|')}|`,
    ...t.rows.map((r) => `| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`),
  ].join('\n');

/**
 * Demo: scan and de-identify the shipped sample corpus (examples/demo/corpus/pii-sample.jsonl) with
 * the demo's `pii:` policy, re-scan the output, save the report; then check the example source
 * ledger (examples/demo/sources.yaml), which deliberately trips every flag.
 */
export const piiStep: DemoStep = {
  id: 'pii',
  title: {
    zh: '个人信息检测、去标识化与语料来源台账',
    en: 'Personal information, de-identification and source ledger',
  },
  async run(ctx) {
    const base = dirname(ctx.projectFile);
    const sample = sampleInput(ctx, 'corpus/pii-sample.jsonl').path;
    const outDir = join(ctx.outDir, 'pii-redacted');
    const report = await runPii({
      inputs: [sample],
      outDir,
      jobs: 1,
      ...(ctx.project.pii ? { section: ctx.project.pii } : {}),
      env: {},
      cwd: base,
    });
    await savePiiReport(ctx.store, report, [sample], ctx.now);
    const reportFile = join(ctx.outDir, 'pii-report.json');
    writeFileAtomicSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);

    const { kb } = ctx;
    // The project's own ledger (its sources: section, or sources.yaml beside it), else the demo's.
    const ledgerFile = sampleInput(ctx, 'sources.yaml').path;
    const ledger = ctx.project.sources ?? parseLedger(readFileSync(ledgerFile, 'utf8'), ledgerFile);
    const check = checkSources(ledger, threshold(kb, 'source.illegal-rate.max'), kb.duties);
    const findings = Object.values(report.byType).reduce((a, b) => a + (b ?? 0), 0);
    const byType: Table = {
      title: translator(ctx.lang)('demo.pii.title'),
      headers: [translator(ctx.lang)('demo.pii.type'), translator(ctx.lang)('demo.pii.count')],
      rows: Object.entries(report.byType).map(([t, n]) => [
        PII_LABELS[t as keyof typeof PII_LABELS][ctx.lang],
        String(n),
      ]),
    };
    const mdFile = join(ctx.outDir, 'pii-and-sources.md');
    writeFileAtomicSync(
      mdFile,
      [
        mdTable(byType),
        '',
        translator(ctx.lang)('demo.pii.redaction', {
          redacted: report.redaction?.redacted ?? 0,
          residual: report.redaction?.residualHigh ?? 0,
          malformed: report.malformed.length,
        }),
        '',
        mdTable(sourcesTable(ledger, check, ctx.lang)),
        '',
        mdTable(sourceMixTable(check, ctx.lang)),
        '',
        ...check.flags.map(
          (f) => `- ${f.severity === 'error' ? '✗' : '!'} \`${f.source}\` ${flagText(f, ctx.lang)}`,
        ),
        '',
      ].join('\n'),
    );
    const sourcesFile = join(ctx.outDir, 'sources-check.json');
    writeFileAtomicSync(sourcesFile, `${JSON.stringify(check, null, 2)}\n`);
    const summary = translator(ctx.lang)('demo.summary.pii', {
      records: report.records,
      findings,
      residual: report.redaction?.residualHigh ?? 0,
      sources: check.sources,
      flagged: check.flagged,
    });
    return {
      summary,
      files: [
        {
          path: mdFile,
          title: { zh: '个人信息与语料来源（Markdown）', en: 'Personal information and sources (Markdown)' },
        },
        {
          path: join(outDir, basename(sample)),
          title: { zh: '去标识化后的样例语料', en: 'De-identified sample corpus' },
        },
        { path: reportFile, title: { zh: '个人信息扫描报告（JSON）', en: 'PII report (JSON)' } },
        { path: sourcesFile, title: { zh: '来源台账检查（JSON）', en: 'Source ledger check (JSON)' } },
      ],
    };
  },
};
