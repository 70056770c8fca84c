import { writeFileSync } from 'node:fs';
import { Option } from 'commander';
import { jsonOption, type Register } from '../command.js';
import type { CliContext, ExitCode } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { printJson } from '../output.js';
import { createProgress } from '../progress.js';

interface Common {
  json?: boolean;
  html?: string;
  save: boolean;
  seed: string;
  format?: 'csv' | 'tsv' | 'jsonl';
  reference?: string;
  service?: string;
}

const collect = (value: string, previous: string[] = []) => [
  ...previous,
  ...value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
];

function seedOf(raw: string): number {
  const n = Number(raw);
  return Number.isInteger(n) ? n : [...raw].reduce((h, ch) => (Math.imul(h, 31) + ch.charCodeAt(0)) | 0, 7);
}

async function loadData() {
  const { loadKb } = await import('../../kb/index.js');
  const { loadFairnessData } = await import('../../fairness/data.js');
  return loadFairnessData(loadKb());
}

/** Stores the evidence unless --no-save; prints where. */
async function store(
  c: CliContext,
  opts: Pick<Common, 'save' | 'json'>,
  evidence: import('../../store/repos/fairness.js').AuditEvidence,
) {
  if (!opts.save) return;
  const { saveAudit } = await import('../../store/repos/fairness.js');
  const s = await c.openStore();
  try {
    const id = await saveAudit(s, evidence, c.now());
    if (!opts.json) c.out(`${c.t('audit.saved', { db: s.location, id })}\n`);
  } finally {
    await s.close();
  }
}

/** Bad input outranks a flag: the rows that could not be read must be fixed first. */
const exitFor = (malformed: number, flags: number): ExitCode =>
  malformed > 0 ? EXIT.badInput : flags > 0 ? EXIT.complianceFailed : EXIT.ok;

type LogReport =
  | import('../../fairness/report.js').PriceReport
  | import('../../fairness/report.js').DisparityReport;

/** HTML, JSON or terminal output, stored evidence and the exit code: the same for every log audit. */
async function finishLogAudit(
  c: CliContext,
  opts: Common,
  log: string,
  report: LogReport,
): Promise<ExitCode> {
  if (opts.html) {
    const html = await import('../../fairness/html.js');
    writeFileSync(
      opts.html,
      report.kind === 'price'
        ? html.renderPriceHtml(report, c.lang)
        : html.renderDisparityHtml(report, c.lang),
    );
  }
  if (opts.json) printJson(c, report);
  else {
    const print = await import('./audit-print.js');
    if (report.kind === 'price') print.printPrice(c, report);
    else print.printDisparity(c, report);
    if (opts.html) c.out(`${c.t('audit.wroteHtml', { file: opts.html })}\n`);
  }
  await store(c, opts, {
    kind: report.kind,
    subject: log,
    serviceId: opts.service,
    failed: report.flags.length > 0,
    flagCount: report.flags.length,
    dataVersion: report.dataVersion,
    result: report,
  });
  return exitFor(report.malformedCount, report.flags.length);
}

function common(cmd: import('commander').Command, c: CliContext) {
  return jsonOption(cmd, c)
    .option('--reference <value>', c.t('audit.opt.reference'))
    .option('--seed <n>', c.t('audit.opt.seed'), '1')
    .addOption(new Option('--format <format>', c.t('audit.opt.format')).choices(['csv', 'tsv', 'jsonl']))
    .option('--html <file>', c.t('audit.opt.html'))
    .option('--service <id>', c.t('audit.opt.service'))
    .option('--no-save', c.t('audit.opt.noSave'));
}

export const register: Register = (program, run, ctx) => {
  const audit = program.command('audit').description(ctx.t('audit.description'));

  common(audit.command('price <log>').description(ctx.t('audit.price.description')), ctx)
    .requiredOption('--item <col>', ctx.t('audit.opt.item'))
    .requiredOption('--price <col>', ctx.t('audit.opt.price'))
    .requiredOption('--group <col>', ctx.t('audit.opt.group'))
    .option('--time <col>', ctx.t('audit.opt.time'))
    .option('--window <duration>', ctx.t('audit.opt.window'))
    .action(
      run(
        async (
          c,
          log: string,
          opts: Common & { item: string; price: string; group: string; time?: string; window?: string },
        ) => {
          const { runPriceAudit } = await import('../../app/fairness/log-audit.js');
          const progress = createProgress(c, 'audit price', { json: opts.json });
          const report = await runPriceAudit({
            file: log,
            item: opts.item,
            price: opts.price,
            group: opts.group,
            time: opts.time,
            window: opts.window,
            reference: opts.reference,
            seed: seedOf(opts.seed),
            format: opts.format,
            data: await loadData(),
            onProgress: (done, total) => progress.update({ done, total }),
          });
          progress.finish();
          return finishLogAudit(c, opts, log, report);
        },
      ),
    );

  common(audit.command('disparity <log>').description(ctx.t('audit.disparity.description')), ctx)
    .requiredOption('--group <col>', ctx.t('audit.opt.group'), collect)
    .option('--outcome <col>', ctx.t('audit.opt.outcome'))
    .option('--label <col>', ctx.t('audit.opt.label'))
    .option('--rank <col>', ctx.t('audit.opt.rank'))
    .action(
      run(
        async (
          c,
          log: string,
          opts: Common & { group: string[]; outcome?: string; label?: string; rank?: string },
        ) => {
          const { runDisparityAudit } = await import('../../app/fairness/log-audit.js');
          const progress = createProgress(c, 'audit disparity', { json: opts.json });
          const report = await runDisparityAudit({
            file: log,
            groups: opts.group,
            outcome: opts.outcome,
            label: opts.label,
            rank: opts.rank,
            reference: opts.reference,
            seed: seedOf(opts.seed),
            format: opts.format,
            data: await loadData(),
            onProgress: (done, total) => progress.update({ done, total }),
          });
          progress.finish();
          return finishLogAudit(c, opts, log, report);
        },
      ),
    );

  jsonOption(audit.command('checklist').description(ctx.t('audit.checklist.description')), ctx)
    .option('--config <file>', ctx.t('audit.opt.config'), 'beian.yaml')
    .option('--service <id>', ctx.t('audit.opt.service'))
    .option('--no-save', ctx.t('audit.opt.noSave'))
    .action(
      run(async (c, opts: { config: string; service?: string; json?: boolean; save: boolean }) => {
        const { runChecklist } = await import('../../app/fairness/checklist.js');
        const { resolve } = await import('node:path');
        const file = resolve(c.cwd, opts.config);
        const s = await c.openStore();
        try {
          const report = await runChecklist({
            file,
            service: opts.service,
            data: await loadData(),
            store: s,
            noConfigMessage: c.t('audit.checklist.noConfig', { file: opts.config }),
          });
          if (opts.json) printJson(c, report);
          else {
            const { printChecklist } = await import('./audit-print.js');
            printChecklist(c, report);
          }
          if (opts.save) {
            const { saveAudit } = await import('../../store/repos/fairness.js');
            for (const r of report.results)
              await saveAudit(
                s,
                {
                  kind: 'checklist',
                  subject: opts.config,
                  serviceId: r.service,
                  failed: r.failed,
                  flagCount: r.gaps.filter((g) => g.blocking).length,
                  dataVersion: report.dataVersion,
                  result: r,
                },
                c.now(),
              );
          }
          return report.failed ? EXIT.complianceFailed : EXIT.ok;
        } finally {
          await s.close();
        }
      }),
    );

  jsonOption(audit.command('optout').description(ctx.t('audit.optout.description')), ctx)
    .requiredOption('--endpoint <url>', ctx.t('audit.opt.endpoint'))
    .requiredOption('--profiles <file>', ctx.t('audit.opt.profiles'))
    .option('--request-template <file>', ctx.t('audit.opt.template'))
    .option('--items-path <path>', ctx.t('audit.opt.itemsPath'), 'items')
    .option('--id-field <name>', ctx.t('audit.opt.idField'), 'id')
    .option('--min-jaccard <x>', ctx.t('audit.opt.minJaccard'))
    .option('--top-k <n>', ctx.t('audit.opt.topK'))
    .option('--concurrency <n>', ctx.t('audit.opt.concurrency'), '4')
    .option('--timeout <ms>', ctx.t('audit.opt.timeout'), '10000')
    .option('--service <id>', ctx.t('audit.opt.service'))
    .option('--no-save', ctx.t('audit.opt.noSave'))
    .action(
      run(
        async (
          c,
          opts: {
            endpoint: string;
            profiles: string;
            requestTemplate?: string;
            itemsPath: string;
            idField: string;
            minJaccard?: string;
            topK?: string;
            concurrency: string;
            timeout: string;
            service?: string;
            json?: boolean;
            save: boolean;
          },
        ) => {
          const { BeianError } = await import('../../errors.js');
          const positive = (raw: string | undefined, flag: string, max = Number.POSITIVE_INFINITY) => {
            if (raw === undefined) return undefined;
            const n = Number(raw);
            if (!Number.isFinite(n) || n <= 0 || n > max)
              throw new BeianError('USAGE', `${flag} "${raw}" is not a number in (0, ${max}].`);
            return n;
          };
          const data = await loadData();
          const { param } = await import('../../fairness/data.js');
          const { runOptout, parseTemplate } = await import('../../app/fairness/optout.js');
          const { readFileSync } = await import('node:fs');
          let template: ReturnType<typeof parseTemplate> | undefined;
          if (opts.requestTemplate) {
            let text: string;
            try {
              text = readFileSync(opts.requestTemplate, 'utf8');
            } catch (cause) {
              throw new BeianError(
                'NOT_FOUND',
                `Cannot read ${opts.requestTemplate}: ${(cause as Error).message}`,
              );
            }
            template = parseTemplate(text, opts.requestTemplate);
          }
          const progress = createProgress(c, 'audit optout', { json: opts.json });
          const report = await runOptout({
            endpoint: opts.endpoint,
            profilesFile: opts.profiles,
            template,
            itemsPath: opts.itemsPath,
            idField: opts.idField,
            topK: positive(opts.topK, '--top-k'),
            bound: positive(opts.minJaccard, '--min-jaccard', 1) ?? param(data, 'optout.jaccard.min'),
            rboP: param(data, 'optout.rbo.p'),
            concurrency: positive(opts.concurrency, '--concurrency') ?? 4,
            timeoutMs: positive(opts.timeout, '--timeout') ?? 10000,
            retries: 2,
            env: c.env,
            onProgress: (done, total) => progress.update({ done, total }),
          });
          progress.finish();
          if (opts.json) printJson(c, report);
          else {
            const f = (x: number | null) => (x === null ? '-' : x.toFixed(3));
            c.out(
              `${c.t('audit.optout.summary', {
                profiles: report.profiles,
                pairs: report.pairs,
                min: f(report.jaccard.min),
                mean: f(report.jaccard.mean),
                rbo: f(report.rbo.mean),
                kendall: f(report.kendall.mean),
                bound: f(report.bound),
              })}\n`,
            );
            if (report.passed) c.out(`${c.t('audit.optout.pass')}\n`);
            else {
              c.out(`${c.t('audit.optout.fail')}\n`);
              for (const w of report.worstLines)
                c.out(
                  `  ✗ ${opts.profiles}:${w.a} ↔ ${opts.profiles}:${w.b}  Jaccard ${f(w.jaccard)}  RBO ${f(w.rbo)}\n`,
                );
            }
          }
          await store(c, opts, {
            kind: 'optout',
            subject: report.endpoint,
            serviceId: opts.service,
            failed: !report.passed,
            flagCount: report.passed ? 0 : 1,
            dataVersion: data.version,
            result: report,
          });
          return report.passed ? EXIT.ok : EXIT.complianceFailed;
        },
      ),
    );

  for (const sub of audit.commands) sub.summary(sub.description().split('\n')[0] ?? '');
};
