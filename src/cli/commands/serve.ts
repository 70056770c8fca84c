import { existsSync } from 'node:fs';
import { BeianError, osReason } from '../../errors.js';
import type { Store } from '../../store/index.js';
import { actorFrom } from '../actor.js';
import type { Register } from '../command.js';
import { intIn } from '../flags.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export const register: Register = (program, run, ctx) => {
  program
    .command('serve')
    .description(ctx.t('serve.description'))
    .option('--config <file>', ctx.t('registry.option.config'))
    .option('--port <n>', ctx.t('serve.option.port'), '8787')
    .option('--host <host>', ctx.t('serve.option.host'), '127.0.0.1')
    .option('--token <token>', ctx.t('serve.option.token'))
    .option('--viewer-token <token>', ctx.t('serve.option.viewerToken'))
    .option('--queue <url>', ctx.t('serve.option.queue'))
    .option('--queue-prefix <prefix>', ctx.t('redteam.opt.queuePrefix'))
    .action(
      run(
        async (
          c,
          opts: {
            config?: string;
            port: string;
            host: string;
            token?: string;
            viewerToken?: string;
            queue?: string;
            queuePrefix?: string;
          },
        ) => {
          const port = intIn(opts.port, '--port', 0, 65535) ?? 0;
          const editorToken = opts.token ?? c.env.BEIAN_TOKEN;
          const viewerToken = opts.viewerToken ?? c.env.BEIAN_VIEWER_TOKEN;
          const loopback = LOOPBACK.has(opts.host);
          if (!loopback && !editorToken)
            throw BeianError.of('USAGE', 'serve.needsToken', { host: opts.host });
          const { loadKb } = await import('../../kb/index.js');
          const { createApp } = await import('../../server/app.js');
          const { serve } = await import('@hono/node-server');
          const kb = loadKb();
          const store = await c.openStore();
          if (opts.config || existsSync('beian.yaml')) {
            const { syncRegistry } = await import('../../app/filings/filings.js');
            const { determineFilings } = await import('../../app/filings/determine.js');
            await syncRegistry(store, kb, {
              config: opts.config ?? 'beian.yaml',
              actor: actorFrom(c, undefined),
              now: c.now(),
              determine: determineFilings,
            });
          }
          const { makeAssessService } = await import('../../app/filings/determine.js');
          const { redteamDashboardSource } = await import('../../server/redteam-source.js');
          const { scanDashboardSource } = await import('../../server/scan-source.js');
          const queueUrl = opts.queue ?? c.env.BEIAN_QUEUE;
          const jobs = queueUrl ? await queueJobs(queueUrl, store, opts.queuePrefix) : undefined;
          const app = createApp({
            jobs,
            redteam: redteamDashboardSource(store, kb, c.now),
            scans: scanDashboardSource(store, c.lang),
            store,
            kb,
            clock: c.now,
            lang: c.lang,
            auth: { editorToken, viewerToken },
            loopbackOnly: loopback,
            assess: makeAssessService(kb),
          });
          await new Promise<void>((resolve, reject) => {
            const server = serve({ fetch: app.fetch, port, hostname: opts.host }, (info) => {
              const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
              c.out(
                `${c.t('serve.listening', { url: `http://${host}:${info.port}/`, db: store.location })}\n`,
              );
            });
            server.on('error', (e) =>
              reject(
                BeianError.of(
                  'ENVIRONMENT',
                  'server.cannotListen',
                  { host: opts.host, port, reason: osReason(e) },
                  {
                    cause: e,
                  },
                ),
              ),
            );
            const stop = () => {
              server.close(() => {
                void Promise.all([store.close(), jobs?.close()]).then(() => resolve());
              });
            };
            process.once('SIGINT', stop);
            process.once('SIGTERM', stop);
          });
          return 0;
        },
      ),
    );
};

/** The dashboard's view of the queue (`--queue`): job counts per run, through the BullMQ shell. */
async function queueJobs(url: string, store: Store, prefix?: string) {
  const { connectReady } = await import('../../queue/bullmq/connection.js');
  const { RunQueue } = await import('../../queue/bullmq/queue.js');
  const { queueAddress, redteamQueuePort } = await import('../../queue/bullmq/redteam-port.js');
  const { runJobCounts } = await import('../../app/redteam/queued.js');
  const address = queueAddress(url, prefix);
  const redis = await connectReady(address.url);
  const queue = new RunQueue(redis, address.names);
  const port = redteamQueuePort(redis, queue, address.names);
  return {
    runJobs: (runId: string) => runJobCounts({ queue: port, store }, runId),
    async close() {
      await queue.close();
      redis.disconnect();
    },
  };
}
