import type { RegisterSub } from '../../command.js';
import { type Common, common, runLogAudit } from './shared.js';

export const registerPrice: RegisterSub = (audit, run, ctx) => {
  return common(audit.command('price <log>').description(ctx.t('audit.price.description')), ctx)
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
          const { runPriceAudit } = await import('../../../app/fairness/log-audit.js');
          return runLogAudit(c, opts, log, 'price', (common) =>
            runPriceAudit({
              ...common,
              item: opts.item,
              price: opts.price,
              group: opts.group,
              time: opts.time,
              window: opts.window,
            }),
          );
        },
      ),
    );
};
