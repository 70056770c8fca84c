import { jsonOption, type RegisterSub } from '../../command.js';
import { EXIT } from '../../exit-codes.js';
import { positive } from '../../flags.js';
import { printJson } from '../../output.js';
import { createProgress } from '../../progress.js';
import { loadData, saveEvidence } from './shared.js';

export const registerOptout: RegisterSub = (audit, run, ctx) => {
  return jsonOption(audit.command('optout').description(ctx.t('audit.optout.description')), ctx)
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
          const data = await loadData();
          const { param } = await import('../../../fairness/data.js');
          const { runOptout, readTemplate } = await import('../../../app/fairness/optout.js');
          const template = opts.requestTemplate ? await readTemplate(opts.requestTemplate) : undefined;
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
          await saveEvidence(c, opts, {
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
};
