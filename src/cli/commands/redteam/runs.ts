import { jsonOption, type RegisterSub } from '../../command.js';
import { formatTable, printJson } from '../../output.js';
import { withStore } from '../../with-store.js';

export const registerRuns: RegisterSub = (rt, run, ctx) => {
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
};
