import { Option } from 'commander';
import { type RegisterSub, subcommand } from '../../command.js';
import { printJson } from '../../output.js';
import { withStore } from '../../with-store.js';

export const registerReview: RegisterSub = (rt, run, ctx) => {
  return subcommand(rt, 'review <run> <caseKey>', ctx, {
    description: 'redteam.review.description',
    help: 'redteam.review.help',
  })
    .addOption(
      new Option('--verdict <verdict>', ctx.t('redteam.opt.verdict'))
        .choices(['pass', 'fail', 'refused', 'error'])
        .makeOptionMandatory(),
    )
    .requiredOption('--reviewer <name>', ctx.t('redteam.opt.reviewer'))
    .option('--comment <text>', ctx.t('redteam.opt.comment'), '')
    .action(
      run(
        async (
          c,
          ref: string,
          caseKey: string,
          flags: { verdict: string; reviewer: string; comment: string; json?: boolean },
        ) => {
          const { reviewCase } = await import('../../../app/redteam/review.js');
          const { resolveRunId } = await import('../../../app/redteam/summary.js');
          return withStore(c, async (store) => {
            const runId = await resolveRunId(store, ref);
            const { machineVerdict, ...override } = await reviewCase(store, {
              runId,
              caseKey,
              verdict: flags.verdict,
              reviewer: flags.reviewer,
              comment: flags.comment,
              at: c.now().toISOString(),
            });
            if (flags.json) printJson(c, { ...override, machineVerdict });
            else
              c.out(
                `${c.t('redteam.review.saved', { caseKey, verdict: flags.verdict, machine: machineVerdict })}\n`,
              );
            return 0;
          });
        },
      ),
    );
};
