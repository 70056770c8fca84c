import { type Command, Option } from 'commander';
import { jsonOption, type RunAction } from '../../command.js';
import type { CliContext } from '../../context.js';
import { printJson } from '../../output.js';
import { withStore } from '../../with-store.js';

export function registerReview(rt: Command, run: RunAction, ctx: CliContext): Command {
  return jsonOption(
    rt
      .command('review <run> <caseKey>')
      .description(ctx.t('redteam.review.description'))
      .addHelpText('after', ctx.t('redteam.review.help')),
    ctx,
  )
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
}
