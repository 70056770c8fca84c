import type { Command } from 'commander';
import { jsonOption, type RunAction } from '../../command.js';
import type { CliContext } from '../../context.js';
import { formatTable, printJson } from '../../output.js';
import { withStore } from '../../with-store.js';

export function registerRuns(rt: Command, run: RunAction, ctx: CliContext): Command {
  return jsonOption(rt.command('runs').description(ctx.t('redteam.runs.description')), ctx).action(
    run(async (c, flags: { json?: boolean }) => {
      const { listRuns } = await import('../../../app/redteam/summary.js');
      const runs = await withStore(c, listRuns);
      if (flags.json) printJson(c, { runs });
      else
        c.out(
          `${formatTable(
            ['id', 'created', 'status', 'total'],
            runs.map((r) => [r.id, r.createdAt, r.status, String(r.total)]),
          )}\n`,
        );
      return 0;
    }),
  );
}
