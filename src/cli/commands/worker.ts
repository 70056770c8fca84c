import { BeianError } from '../../errors.js';
import type { Register } from '../command.js';
import { positiveInt } from '../flags.js';
import { withStore } from '../with-store.js';

interface WorkerFlags {
  queue: string;
  concurrency?: string;
  threads?: string;
  healthPort?: string;
  healthHost?: string;
  lockSeconds?: string;
  graceSeconds?: string;
  queuePrefix?: string;
}

export const register: Register = (program, run, ctx) => {
  program
    .command('worker')
    .description(ctx.t('worker.description'))
    .requiredOption('--queue <redis-url>', ctx.t('worker.option.queue'))
    .option('--concurrency <n>', ctx.t('worker.option.concurrency'))
    .option('--threads <n>', ctx.t('worker.option.threads'))
    .option('--health-port <port>', ctx.t('worker.option.healthPort'))
    .option('--health-host <host>', ctx.t('worker.option.healthHost'))
    .option('--lock-seconds <s>', ctx.t('worker.option.lockSeconds'))
    .option('--grace-seconds <s>', ctx.t('worker.option.graceSeconds'))
    .option('--queue-prefix <prefix>', ctx.t('worker.option.prefix'))
    .action(
      run(async (c, o: WorkerFlags) => {
        const concurrency = positiveInt(o.concurrency, '--concurrency') ?? 1;
        const threads = positiveInt(o.threads, '--threads') ?? 1;
        const lockSeconds = positiveInt(o.lockSeconds, '--lock-seconds') ?? 30;
        const graceSeconds = positiveInt(o.graceSeconds, '--grace-seconds') ?? 30;
        const healthPort =
          o.healthPort === undefined ? undefined : positiveInt(o.healthPort, '--health-port');
        // loopback unless asked: a container's probe comes from outside it (docker, kubelet)
        const healthHost = o.healthHost ?? '127.0.0.1';
        if (o.healthHost !== undefined && healthPort === undefined)
          throw BeianError.of('USAGE', 'worker.hostNeedsPort');
        const [
          { connectReady, redactUrl },
          { startWorker },
          { jobRegistry },
          { workerHandlers },
          { storeSink },
          { loadKb },
        ] = await Promise.all([
          import('../../queue/bullmq/connection.js'),
          import('../../queue/bullmq/worker.js'),
          import('../../queue/registry.js'),
          import('../../app/queue/handlers.js'),
          import('../../app/queue/sink.js'),
          import('../../kb/index.js'),
        ]);
        const redis = await connectReady(o.queue);
        try {
          return await withStore(c, async (store) => {
            const kb = loadKb();
            const prefix = o.queuePrefix ?? 'beian';
            const { redisGate } = await import('../../queue/bullmq/rate-gate.js');
            // the keep-alive transport of a local run: a batch is many small exchanges
            const { nodeTransport } = await import('../../redteam/targets/node-transport.js');
            const transport = nodeTransport();
            const handlers = workerHandlers(kb, {
              threads,
              env: c.env,
              redteam: {
                store,
                fetch: globalThis.fetch,
                transport: transport.send,
                env: c.env,
                now: c.now,
                // every target's RPM, concurrency and 429 pauses shared by all workers, through Redis
                gateFor: (targetId, l) =>
                  redisGate(redis, {
                    prefix,
                    targetId,
                    ...(l.rpm ? { rpm: l.rpm } : {}),
                    concurrency: l.concurrency,
                    leaseMs: l.timeoutMs + 5_000,
                  }),
              },
            });
            const { hostname } = await import('node:os');
            const name = `${hostname()}:${process.pid}`;
            const worker = startWorker(redis, jobRegistry(handlers.handlers), storeSink(store, name, c.now), {
              concurrency,
              lockMs: lockSeconds * 1000,
              names: { name: 'beian', prefix },
              name,
            });
            const kinds = handlers.handlers.map((h) => h.kind);
            let health: import('node:http').Server | undefined;
            if (healthPort !== undefined) {
              const { createServer } = await import('node:http');
              health = createServer((_req, res) => {
                const body = JSON.stringify({
                  ...worker.state,
                  worker: name,
                  queue: redactUrl(o.queue),
                  kinds,
                });
                res.writeHead(worker.state.state === 'running' ? 200 : 503, {
                  'content-type': 'application/json',
                });
                res.end(body);
              });
              const server = health;
              await new Promise<void>((resolve, reject) => {
                server.once('error', (e) =>
                  reject(
                    BeianError.of('ENVIRONMENT', 'worker.portBusy', {
                      port: `${healthHost}:${healthPort}`,
                      message: e.message,
                    }),
                  ),
                );
                server.listen(healthPort, healthHost, () => resolve());
              });
            }
            c.err(
              `${c.t('worker.ready', { queue: redactUrl(o.queue), concurrency, kinds: kinds.join(', ') })}\n`,
            );
            const signal = await new Promise<string>((resolve) => {
              process.once('SIGTERM', () => resolve('SIGTERM'));
              process.once('SIGINT', () => resolve('SIGINT'));
            });
            c.err(`${c.t('worker.stopping', { signal })}\n`);
            await worker.stop(graceSeconds * 1000);
            if (worker.state.released) c.err(`${c.t('worker.released', { n: worker.state.released })}\n`);
            await handlers.close();
            transport.close();
            health?.close();
            return 0;
          });
        } finally {
          redis.disconnect();
        }
      }),
    );
};
