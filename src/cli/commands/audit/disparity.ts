import type { RegisterSub } from '../../command.js';
import { createProgress } from '../../progress.js';
import { type Common, collect, common, finishLogAudit, loadData, seedOf } from './shared.js';

export const registerDisparity: RegisterSub = (audit, run, ctx) => {
  return common(audit.command('disparity <log>').description(ctx.t('audit.disparity.description')), ctx)
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
          const { runDisparityAudit } = await import('../../../app/fairness/log-audit.js');
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
};
