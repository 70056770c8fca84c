import { jsonOption, type Register } from '../command.js';
import { formatTable, printJson } from '../output.js';
import { withStore } from '../with-store.js';

export const register: Register = (program, run, ctx) => {
  const audit = program.command('audit-log').description(ctx.t('auditLog.description'));

  jsonOption(audit.command('list').description(ctx.t('auditLog.list.description')), ctx)
    .option('--subject <id>', ctx.t('registry.header.filing'))
    .action(
      run(async (c, opts: { subject?: string; json?: boolean }) => {
        const { readAudit } = await import('../../app/filings/index.js');
        const entries = await withStore(c, (store) =>
          readAudit(store.db, opts.subject ? { subject: opts.subject } : {}),
        );
        if (opts.json) printJson(c, { entries });
        else
          c.out(
            `${formatTable(
              ['seq', 'at', 'actor', 'action', 'subject', 'hash'],
              entries.map((e) => [String(e.seq), e.at, e.actor, e.action, e.subject, e.hash.slice(0, 16)]),
            )}\n`,
          );
        return 0;
      }),
    );

  jsonOption(audit.command('verify').description(ctx.t('auditLog.verify.description')), ctx).action(
    run(async (c, opts: { json?: boolean }) => {
      const { verifyAudit } = await import('../../app/filings/index.js');
      const r = await withStore(c, (store) => verifyAudit(store.db));
      const ok = r.problems.length === 0;
      if (opts.json) printJson(c, { ok, ...r });
      else if (ok) c.out(`${c.t('auditLog.ok', { n: r.entries, head: r.head ?? '—' })}\n`);
      else {
        c.out(`${c.t('auditLog.broken', { n: r.problems.length })}\n`);
        for (const p of r.problems) c.out(`  seq ${p.seq}: ${p.problem}\n`);
      }
      return ok ? 0 : 1;
    }),
  );
};
