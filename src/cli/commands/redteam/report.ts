import { type RegisterSub, subcommand } from '../../command.js';
import { printJson } from '../../output.js';
import { withStore } from '../../with-store.js';
import { exitFor, printSummary } from './print.js';

export const registerReport: RegisterSub = (rt, run, ctx) => {
  return subcommand(rt, 'report [run]', ctx, {
    description: 'redteam.report.description',
    help: 'redteam.report.help',
  })
    .option('--html <file>', ctx.t('redteam.opt.html'))
    .option('--xlsx <file>', ctx.t('redteam.opt.xlsx'))
    .option('--junit <file>', ctx.t('redteam.opt.junit'))
    .action(
      run(
        async (
          c,
          ref: string | undefined,
          flags: { html?: string; xlsx?: string; junit?: string; json?: boolean },
        ) => {
          const { resolveRunId, summarise } = await import('../../../app/redteam/summary.js');
          const { writeReports } = await import('../../../app/redteam/report.js');
          const { loadKb } = await import('../../../kb/index.js');
          const { resolve } = await import('node:path');
          const kb = loadKb();
          return withStore(c, async (store) => {
            const report = await summarise(kb, store, await resolveRunId(store, ref));
            const abs = (f?: string) => (f ? resolve(c.cwd, f) : undefined);
            const written = await writeReports(
              kb,
              report,
              { html: abs(flags.html), xlsx: abs(flags.xlsx), junit: abs(flags.junit) },
              c.lang,
              c.now(),
            );
            if (flags.json) printJson(c, { ...report.json, files: written });
            else {
              printSummary(c, report.json);
              for (const f of written) c.out(`${c.t('cli.wrote', { file: f })}\n`);
            }
            return exitFor(report.json);
          });
        },
      ),
    );
};
