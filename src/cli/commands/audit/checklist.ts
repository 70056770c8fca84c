import { jsonOption, type RegisterSub } from '../../command.js';
import { EXIT } from '../../exit-codes.js';
import { printJson } from '../../output.js';
import { withStore } from '../../with-store.js';
import { loadData } from './shared.js';

export const registerChecklist: RegisterSub = (audit, run, ctx) => {
  return jsonOption(audit.command('checklist').description(ctx.t('audit.checklist.description')), ctx)
    .option('--config <file>', ctx.t('audit.opt.config'), 'beian.yaml')
    .option('--service <id>', ctx.t('audit.opt.service'))
    .option('--no-save', ctx.t('audit.opt.noSave'))
    .action(
      run(async (c, opts: { config: string; service?: string; json?: boolean; save: boolean }) => {
        const { runChecklist, saveChecklist } = await import('../../../app/fairness/checklist.js');
        const { resolve } = await import('node:path');
        const file = resolve(c.cwd, opts.config);
        return withStore(c, async (s) => {
          const report = await runChecklist({
            file,
            service: opts.service,
            data: await loadData(),
            store: s,
            shownAs: opts.config,
          });
          if (opts.json) printJson(c, report);
          else {
            const { printChecklist } = await import('./print.js');
            printChecklist(c, report);
          }
          if (opts.save) await saveChecklist(s, report, opts.config, c.now());
          return report.failed ? EXIT.complianceFailed : EXIT.ok;
        });
      }),
    );
};
