import { randomBytes } from 'node:crypto';
import { BeianError, osReason } from '../../errors.js';
import { jsonOption, type Register, type RegisterSub } from '../command.js';
import { intIn } from '../flags.js';
import { formatTable, printJson } from '../output.js';
import { withStore } from '../with-store.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

interface GuardFlags {
  upstream?: string;
  port: string;
  host: string;
  config?: string;
  token?: string;
  salt?: string;
}

export const register: Register = (program, run, ctx) => {
  const cmd = program.command('guard');
  registerReport(cmd, run, ctx);
  cmd
    .description(ctx.t('guard.description'))
    .option('--upstream <url>', ctx.t('guard.option.upstream'))
    .option('--port <n>', ctx.t('guard.option.port'), '8788')
    .option('--host <host>', ctx.t('guard.option.host'), '127.0.0.1')
    .option('--config <file>', ctx.t('registry.option.config'))
    .option('--token <token>', ctx.t('guard.option.token'))
    .option('--salt <salt>', ctx.t('guard.option.salt'))
    .action(
      run(async (c, o: GuardFlags) => {
        const port = intIn(o.port, '--port', 0, 65535) ?? 0;
        const token = o.token ?? c.env.BEIAN_GUARD_TOKEN;
        const loopback = LOOPBACK.has(o.host);
        if (!loopback && !token) throw BeianError.of('USAGE', 'guard.needsToken', { host: o.host });
        const { loadKb } = await import('../../kb/index.js');
        const { loadGuardConfig } = await import('../../app/guard/config.js');
        const kb = loadKb();
        const cfg = await loadGuardConfig(kb, { config: o.config, lang: c.lang });
        const upstream = o.upstream ?? cfg.upstream;
        if (!upstream) throw BeianError.of('USAGE', 'guard.needUpstream');
        if (!/^https?:\/\/[^/]/.test(upstream))
          throw BeianError.of('USAGE', 'guard.badUpstream', { value: upstream });
        const { createGuardRuntime } = await import('../../app/guard/runtime.js');
        const { createGuardProxy } = await import('../../server/guard/proxy.js');
        const store = await c.openStore();
        const salt = o.salt ?? c.env.BEIAN_GUARD_SALT ?? randomBytes(16).toString('hex');
        const rt = createGuardRuntime(store, cfg, {
          lang: c.lang,
          salt,
          clock: c.now,
          onError: (e) => c.err(`${(e as Error).message}\n`),
        });
        const server = createGuardProxy({
          guard: rt.guard,
          upstream,
          metrics: rt.metrics,
          t: c.t,
          token,
          loopbackOnly: loopback,
          userHeader: cfg.userHeader,
          maxBodyBytes: cfg.maxBodyBytes,
          timeoutMs: cfg.timeoutMs,
          clock: c.now,
        });
        await new Promise<void>((resolve, reject) => {
          server.once('error', (e) =>
            reject(
              BeianError.of(
                'ENVIRONMENT',
                'server.cannotListen',
                { host: o.host, port, reason: osReason(e) },
                { cause: e },
              ),
            ),
          );
          server.listen(port, o.host, () => {
            const a = server.address();
            const addr = typeof a === 'object' && a ? a : { address: o.host, port, family: 'IPv4' };
            const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
            c.out(
              `${c.t('guard.listening', {
                url: `http://${host}:${addr.port}/`,
                upstream,
                keywords: cfg.lexicon.entries.length,
                hold: rt.guard.holdBack,
                db: store.location,
              })}\n`,
            );
          });
          const stop = () => {
            server.close(() => {
              void rt.recorder
                .close()
                .then(() => store.close())
                .then(resolve);
            });
            server.closeAllConnections();
          };
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        return 0;
      }),
    );
};

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** `beian guard report`: the guard's effect on a red-team run made through it. */
const registerReport: RegisterSub = (group, run, ctx) =>
  jsonOption(group.command('report').description(ctx.t('guard.report.description')), ctx)
    .option('--run <id>', ctx.t('guard.report.option.run'))
    .option('--config <file>', ctx.t('registry.option.config'))
    .action(
      run(async (c, o: { run?: string; config?: string; json?: boolean }) => {
        const { loadKb } = await import('../../kb/index.js');
        const { loadGuardConfig } = await import('../../app/guard/config.js');
        const { guardRedteamReport } = await import('../../app/guard/redteam-report.js');
        const cfg = await loadGuardConfig(loadKb(), { config: o.config, lang: c.lang });
        const report = await withStore(c, (store) =>
          guardRedteamReport(store, cfg.replies, { runId: o.run, labels: cfg.label ? [cfg.label.text] : [] }),
        );
        if (o.json) {
          printJson(c, report);
          return 0;
        }
        c.out(`${report.runId}\n`);
        const rows: string[][] = [];
        for (const [bank, risks] of Object.entries(report.byBank))
          for (const [risk, cell] of Object.entries(risks).sort(([a], [b]) => a.localeCompare(b)))
            rows.push([
              bank,
              risk === '*' ? c.t('guard.report.total') : risk,
              String(cell.n),
              String(cell.intercepted),
              pct(cell.rate),
            ]);
        c.out(
          `${formatTable([c.t('guard.report.bank'), c.t('guard.page.risk'), 'n', c.t('guard.report.intercepted'), '%'], rows)}\n`,
        );
        return 0;
      }),
    );
