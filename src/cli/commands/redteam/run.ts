import type { RunFlagValues } from '../../../app/redteam/options.js';
import { BeianError } from '../../../errors.js';
import { type RegisterSub, subcommand } from '../../command.js';
import { collect, num, positive, positiveInt } from '../../flags.js';
import { endpointOptions } from '../../options/endpoint.js';
import { variantsOption } from '../../options/variants.js';
import { createProgress } from '../../progress.js';
import { withStore } from '../../with-store.js';
import { printOutcome } from './print.js';

/** The flags as commander gives them: numbers still strings, `--no-cache` as `cache: false`. */
type RunFlags = Omit<
  RunFlagValues,
  'concurrency' | 'rpm' | 'timeout' | 'retries' | 'sample' | 'noCache' | 'attackTurns' | 'attackCalls'
> & {
  attackTurns?: string;
  attackCalls?: string;
  concurrency?: string;
  rpm?: string;
  timeout?: string;
  retries?: string;
  sample?: string;
  cache?: boolean;
  json?: boolean;
  queue?: string;
  queuePrefix?: string;
  attach?: string;
  batchSize?: string;
};

export const registerRun: RegisterSub = (rt, run, ctx) => {
  const cmd = subcommand(rt, 'run', ctx, {
    description: 'redteam.run.description',
    help: 'redteam.run.help',
  }).option('--config <file>', ctx.t('redteam.opt.config'));
  endpointOptions(cmd, ctx, 'target')
    .option('--target-id <id>', ctx.t('redteam.opt.targetId'))
    .option('--system <prompt>', ctx.t('redteam.opt.system'))
    .option('--bank <file>', ctx.t('redteam.opt.bank'), collect)
    .option('--concurrency <n>', ctx.t('redteam.opt.concurrency'))
    .option('--rpm <n>', ctx.t('redteam.opt.rpm'))
    .option('--timeout <ms>', ctx.t('redteam.opt.timeout'))
    .option('--retries <n>', ctx.t('redteam.opt.retries'));
  variantsOption(cmd, ctx, '--variants <list>')
    .option('--sample <n>', ctx.t('redteam.opt.sample'))
    .option('--seed <seed>', ctx.t('redteam.opt.seed'))
    .option('--keywords <file>', ctx.t('redteam.opt.keywords'));
  endpointOptions(cmd, ctx, 'judge');
  endpointOptions(cmd, ctx, 'guard')
    .option('--guard-format <format>', ctx.t('redteam.opt.guardFormat'))
    .option('--attack <list>', ctx.t('redteam.opt.attack'));
  return endpointOptions(cmd, ctx, 'attacker')
    .option('--attack-turns <n>', ctx.t('redteam.opt.attackTurns'))
    .option('--attack-calls <n>', ctx.t('redteam.opt.attackCalls'))
    .option('--map <file>', ctx.t('redteam.opt.map'), collect)
    .option('--layout <layout>', ctx.t('redteam.opt.layout'))
    .option('--encoding <enc>', ctx.t('redteam.opt.encoding'))
    .option('--new', ctx.t('redteam.opt.new'))
    .option('--no-cache', ctx.t('redteam.opt.noCache'))
    .option('--queue <url>', ctx.t('redteam.opt.queue'))
    .option('--queue-prefix <prefix>', ctx.t('redteam.opt.queuePrefix'))
    .option('--attach <run>', ctx.t('redteam.opt.attach'))
    .option('--batch-size <n>', ctx.t('redteam.opt.batchSize'))
    .action(
      run(async (c, flags: RunFlags) => {
        const { resolveRunOptions } = await import('../../../app/redteam/options.js');
        const { runRedteam } = await import('../../../app/redteam/run.js');
        const { loadKb } = await import('../../../kb/index.js');
        const resolve = () =>
          resolveRunOptions(
            {
              ...flags,
              concurrency: positive(flags.concurrency, '--concurrency'),
              rpm: positive(flags.rpm, '--rpm'),
              timeout: positive(flags.timeout, '--timeout'),
              retries: num(flags.retries, '--retries'),
              sample: positive(flags.sample, '--sample'),
              attackTurns: positive(flags.attackTurns, '--attack-turns'),
              attackCalls: positive(flags.attackCalls, '--attack-calls'),
              noCache: flags.cache === false,
            },
            c.cwd,
          );
        if (flags.attach && !flags.queue) throw BeianError.of('USAGE', 'redteam.queue.attachNeedsQueue');
        const kb = loadKb();
        if (flags.queue) {
          const { runQueued } = await import('./queued.js');
          return runQueued(c, {
            queue: flags.queue,
            ...(flags.queuePrefix ? { queuePrefix: flags.queuePrefix } : {}),
            ...(flags.attach ? { attach: flags.attach } : { options: await resolve() }),
            batchSize: positiveInt(flags.batchSize, '--batch-size') ?? 50,
            json: flags.json === true,
            kb,
          });
        }
        const opts = await resolve();
        const { nodeTransport } = await import('../../../redteam/targets/node-transport.js');
        const transport = nodeTransport();
        const bar = createProgress(c, c.t('redteam.progress'), { json: flags.json });
        const started = performance.now();
        return withStore(c, async (store) => {
          try {
            const outcome = await runRedteam(opts, {
              store,
              kb,
              fetch: globalThis.fetch,
              transport: transport.send,
              env: c.env,
              now: c.now,
              onProgress: (p) => {
                bar.update({
                  done: p.done,
                  total: p.total,
                  detail: p.errors ? `errors ${p.errors}` : undefined,
                });
              },
            });
            bar.finish();
            return printOutcome(c, outcome, { json: flags.json === true, started });
          } finally {
            bar.finish();
            transport.close();
          }
        });
      }),
    );
};
