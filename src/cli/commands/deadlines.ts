import pc from 'picocolors';
import { BeianError } from '../../errors.js';
import { writeFileAtomicSync } from '../../io/atomic.js';
import { jsonOption, type Register } from '../command.js';
import { formatTable, printJson } from '../output.js';
import { withStore } from '../with-store.js';

export const register: Register = (program, run, ctx) => {
  jsonOption(program.command('deadlines').description(ctx.t('deadlines.description')), ctx)
    .option('--ics <file>', ctx.t('deadlines.option.ics'))
    .option('--today <date>', ctx.t('deadlines.option.today'))
    .action(
      run(async (c, opts: { ics?: string; today?: string; json?: boolean }) => {
        if (opts.today && !/^\d{4}-\d{2}-\d{2}$/.test(opts.today))
          throw BeianError.of('USAGE', 'flag.notDate', { flag: '--today', value: opts.today });
        const { listDeadlines, calendarYears } = await import('../../app/filings/filings.js');
        const { deadlinesToIcs } = await import('../../filings/ics.js');
        const { loadKb } = await import('../../kb/index.js');
        const now = opts.today ? new Date(`${opts.today}T12:00:00Z`) : c.now();
        const due = await withStore(c, (store) => listDeadlines(store, loadKb(), now));
        const label = (d: (typeof due)[number]) => c.t(`deadline.event.${d.event}`);
        if (opts.ics) {
          writeFileAtomicSync(
            opts.ics,
            deadlinesToIcs(due, {
              stamp: c.now().toISOString(),
              title: (d) =>
                `${d.overdue ? `[${c.t('deadlines.overdue')}] ` : ''}${d.serviceName} · ${label(d)}`,
              description: (d) => `${d.filing} (${d.kind}): ${d.workingDays} working days from ${d.from}`,
              approximate: c.t('deadlines.approximate'),
            }),
          );
          if (!opts.json) c.err(`${c.t('cli.wrote', { file: opts.ics })}\n`);
        }
        if (opts.json) {
          printJson(c, {
            due,
            calendar: calendarYears(),
            approximate: due.filter((d) => d.approximate).map((d) => d.filing),
          });
          return 0;
        }
        if (!due.length) c.out(`${c.t('deadlines.none')}\n`);
        else {
          const color = c.interactive ? pc.red : (s: string) => s;
          c.out(
            `${formatTable(
              [
                c.t('deadlines.header.due'),
                c.t('registry.header.service'),
                c.t('deadlines.header.event'),
                c.t('registry.header.filing'),
                '',
              ],
              due.map((d) => [
                d.approximate ? `≈ ${d.dueDate}` : d.dueDate,
                d.serviceName,
                label(d),
                d.filing,
                `${d.overdue ? color(c.t('deadlines.overdue')) : ''}${d.approximate ? c.t('deadlines.approximate') : ''}`,
              ]),
            )}\n`,
          );
        }
        const y = calendarYears();
        c.out(`${c.t('deadlines.coverage', { first: y.first, last: y.last })}\n`);
        if (due.some((d) => d.approximate)) c.out(`${c.t('deadlines.approximateNote', { last: y.last })}\n`);
        return 0;
      }),
    );
};
