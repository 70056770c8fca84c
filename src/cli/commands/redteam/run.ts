import type { RunFlagValues } from '../../../app/redteam/options.js';
import { type RegisterSub, subcommand } from '../../command.js';
import { collect, num, positive } from '../../flags.js';
import { printJson } from '../../output.js';
import { createProgress } from '../../progress.js';
import { withStore } from '../../with-store.js';
import { exitFor, printSummary } from './print.js';

/** The flags as commander gives them: numbers still strings, `--no-cache` as `cache: false`. */
type RunFlags = Omit<RunFlagValues, 'concurrency' | 'rpm' | 'timeout' | 'retries' | 'sample' | 'noCache'> & {
  concurrency?: string;
  rpm?: string;
  timeout?: string;
  retries?: string;
  sample?: string;
  cache?: boolean;
  json?: boolean;
};

export const registerRun: RegisterSub = (rt, run, ctx) => {
  return subcommand(rt, 'run', ctx, {
    description: 'redteam.run.description',
    help: 'redteam.run.help',
  })
    .option('--config <file>', ctx.t('redteam.opt.config'))
    .option('--base-url <url>', ctx.t('redteam.opt.baseUrl'))
    .option('--model <name>', ctx.t('redteam.opt.model'))
    .option('--api-key-env <NAME>', ctx.t('redteam.opt.apiKeyEnv'))
    .option('--target-id <id>', ctx.t('redteam.opt.targetId'))
    .option('--system <prompt>', ctx.t('redteam.opt.system'))
    .option('--bank <file>', ctx.t('redteam.opt.bank'), collect)
    .option('--concurrency <n>', ctx.t('redteam.opt.concurrency'))
    .option('--rpm <n>', ctx.t('redteam.opt.rpm'))
    .option('--timeout <ms>', ctx.t('redteam.opt.timeout'))
    .option('--retries <n>', ctx.t('redteam.opt.retries'))
    .option(
      '--variants <list>',
      ctx.t('redteam.opt.variants', {
        list: 'roleplay,hypothetical,ignore-previous,developer-mode,base64,pinyin,homophone,split,fullwidth,traditional,multi-turn',
      }),
    )
    .option('--sample <n>', ctx.t('redteam.opt.sample'))
    .option('--seed <seed>', ctx.t('redteam.opt.seed'))
    .option('--keywords <file>', ctx.t('redteam.opt.keywords'))
    .option('--judge-base-url <url>', ctx.t('redteam.opt.judgeBaseUrl'))
    .option('--judge-model <name>', ctx.t('redteam.opt.judgeModel'))
    .option('--judge-api-key-env <NAME>', ctx.t('redteam.opt.judgeApiKeyEnv'))
    .option('--new', ctx.t('redteam.opt.new'))
    .option('--no-cache', ctx.t('redteam.opt.noCache'))
    .action(
      run(async (c, flags: RunFlags) => {
        const { resolveRunOptions } = await import('../../../app/redteam/options.js');
        const { runRedteam } = await import('../../../app/redteam/run.js');
        const { loadKb } = await import('../../../kb/index.js');
        const opts = resolveRunOptions(
          {
            ...flags,
            concurrency: positive(flags.concurrency, '--concurrency'),
            rpm: positive(flags.rpm, '--rpm'),
            timeout: positive(flags.timeout, '--timeout'),
            retries: num(flags.retries, '--retries'),
            sample: positive(flags.sample, '--sample'),
            noCache: flags.cache === false,
          },
          c.cwd,
        );
        const kb = loadKb();
        const bar = createProgress(c, c.t('redteam.progress'), { json: flags.json });
        const started = performance.now();
        return withStore(c, async (store) => {
          try {
            const outcome = await runRedteam(opts, {
              store,
              kb,
              fetch: globalThis.fetch,
              env: c.env,
              now: c.now,
              onProgress: (p) =>
                bar.update({
                  done: p.done,
                  total: p.total,
                  detail: p.errors ? `errors ${p.errors}` : undefined,
                }),
            });
            bar.finish();
            if (outcome.warnings.length) {
              const { formatIssue } = await import('../../../errors.js');
              c.err(`${c.t('redteam.warnings', { n: outcome.warnings.length })}\n`);
              for (const w of outcome.warnings.slice(0, 50)) c.err(`  - ${formatIssue(w, c.t)}\n`);
            }
            if (flags.json)
              printJson(c, {
                ...outcome.json,
                resumed: outcome.resumed,
                ranNow: outcome.ranNow,
                elapsedMs: Math.round(performance.now() - started),
                warnings: outcome.warnings,
              });
            else {
              if (outcome.resumed)
                c.err(
                  `${c.t('redteam.resumed', { runId: outcome.json.runId, done: outcome.json.total - outcome.ranNow, total: outcome.json.total })}\n`,
                );
              printSummary(c, outcome.json);
            }
            return exitFor(outcome.json);
          } finally {
            bar.finish();
          }
        });
      }),
    );
};
