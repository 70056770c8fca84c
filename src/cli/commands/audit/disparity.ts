import type { RegisterSub } from '../../command.js';
import { type Common, collect, common, runLogAudit } from './shared.js';

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
          return runLogAudit(c, opts, log, 'disparity', (common) =>
            runDisparityAudit({
              ...common,
              groups: opts.group,
              outcome: opts.outcome,
              label: opts.label,
              rank: opts.rank,
            }),
          );
        },
      ),
    );
};
