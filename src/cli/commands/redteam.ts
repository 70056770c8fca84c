import { Option } from 'commander';
import type { RunFlagValues } from '../../app/redteam/options.js';
import { BeianError } from '../../errors.js';
import { jsonOption, type Register } from '../command.js';
import type { CliContext, ExitCode } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { formatTable, printJson } from '../output.js';
import { createProgress } from '../progress.js';
import { withStore } from '../with-store.js';
import { registerBank } from './redteam-bank.js';

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

const collect = (v: string, prev: string[] = []) => [...prev, v];

function int(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new BeianError('USAGE', `${flag} must be a positive number, got "${value}"`);
  return n;
}

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

/** Terminal summary of a run (banks, then risks that miss the bank threshold). */
function printSummary(c: CliContext, json: import('../../app/redteam/summary.js').RunJson): void {
  const kind = (k: string) => c.t(`redteam.kind.${k}` as Parameters<CliContext['t']>[0]);
  c.out(
    `${c.t('redteam.summary.head', { runId: json.runId, total: json.total, completed: json.completed, errors: json.errors })}\n\n`,
  );
  const rows = Object.entries(json.banks).map(([k, b]) => [
    kind(k),
    c.t(`redteam.metric.${b!.metric}` as Parameters<CliContext['t']>[0]),
    String(b!.n),
    pct(b!.rate),
    b!.ci ? `${pct(b!.ci[0])}–${pct(b!.ci[1])}` : '—',
    `${b!.comparator} ${pct(b!.threshold)}`,
    `${b!.sampleRequired}${b!.sampleMet ? '' : ' ⚠'}`,
    b!.pass ? c.t('redteam.pass') : c.t('redteam.fail'),
  ]);
  const h = (k: string) => c.t(`redteam.header.${k}` as Parameters<CliContext['t']>[0]);
  c.out(
    `${formatTable(['bank', 'metric', 'n', 'rate', 'ci', 'threshold', 'sample', 'result'].map(h), rows)}\n`,
  );
  const weak: string[][] = [];
  for (const [cat, kinds] of Object.entries(json.byRisk))
    for (const [k, r] of Object.entries(kinds))
      if (r && !r.pass) weak.push([cat, kind(k), String(r.n), pct(r.rate)]);
  if (weak.length) c.out(`\n${formatTable([h('risk'), h('bank'), h('n'), h('rate')], weak)}\n`);
  if (json.errors) c.err(`${c.t('redteam.errorsHint', { n: json.errors })}\n`);
}

function exitFor(json: import('../../app/redteam/summary.js').RunJson): ExitCode {
  if (Object.values(json.banks).some((b) => b && !b.pass)) return EXIT.complianceFailed;
  if (json.errors > 0) return EXIT.environment;
  return EXIT.ok;
}

export const register: Register = (program, run, ctx) => {
  const rt = program.command('redteam').description(ctx.t('redteam.description'));

  jsonOption(
    rt
      .command('run')
      .description(ctx.t('redteam.run.description'))
      .addHelpText('after', ctx.t('redteam.run.help')),
    ctx,
  )
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
        const { resolveRunOptions } = await import('../../app/redteam/options.js');
        const { runRedteam } = await import('../../app/redteam/run.js');
        const { loadKb } = await import('../../kb/index.js');
        const opts = resolveRunOptions(
          {
            ...flags,
            concurrency: int(flags.concurrency, '--concurrency'),
            rpm: int(flags.rpm, '--rpm'),
            timeout: int(flags.timeout, '--timeout'),
            retries: flags.retries === undefined ? undefined : Number(flags.retries),
            sample: int(flags.sample, '--sample'),
            noCache: flags.cache === false,
          },
          c.cwd,
        );
        const kb = loadKb();
        const store = await c.openStore();
        const bar = createProgress(c, c.t('redteam.progress'), { json: flags.json });
        const started = performance.now();
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
            const { formatIssue } = await import('../../errors.js');
            c.err(`${c.t('redteam.warnings', { n: outcome.warnings.length })}\n`);
            for (const w of outcome.warnings.slice(0, 50)) c.err(`  - ${formatIssue(w)}\n`);
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
          await store.close();
        }
      }),
    );

  jsonOption(
    rt
      .command('report [run]')
      .description(ctx.t('redteam.report.description'))
      .addHelpText('after', ctx.t('redteam.report.help')),
    ctx,
  )
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
          const { resolveRunId, summarise } = await import('../../app/redteam/summary.js');
          const { writeReports } = await import('../../app/redteam/report.js');
          const { loadKb } = await import('../../kb/index.js');
          const { resolve } = await import('node:path');
          const kb = loadKb();
          const store = await c.openStore();
          try {
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
          } finally {
            await store.close();
          }
        },
      ),
    );

  jsonOption(rt.command('runs').description(ctx.t('redteam.runs.description')), ctx).action(
    run(async (c, flags: { json?: boolean }) => {
      const { redteamRepo } = await import('../../store/repos/redteam.js');
      const store = await c.openStore();
      try {
        const runs = await redteamRepo(store).listRuns();
        const list = runs.map((r) => ({
          id: r.id,
          createdAt: r.created_at,
          status: r.status,
          total: r.total,
          plan: JSON.parse(r.plan_json) as unknown,
        }));
        if (flags.json) printJson(c, { runs: list });
        else
          c.out(
            `${formatTable(
              ['id', 'created', 'status', 'total'],
              runs.map((r) => [r.id, r.created_at, r.status, String(r.total)]),
            )}\n`,
          );
        return 0;
      } finally {
        await store.close();
      }
    }),
  );

  jsonOption(
    rt
      .command('review <run> <caseKey>')
      .description(ctx.t('redteam.review.description'))
      .addHelpText('after', ctx.t('redteam.review.help')),
    ctx,
  )
    .addOption(
      new Option('--verdict <verdict>', ctx.t('redteam.opt.verdict'))
        .choices(['pass', 'fail', 'refused', 'error'])
        .makeOptionMandatory(),
    )
    .requiredOption('--reviewer <name>', ctx.t('redteam.opt.reviewer'))
    .option('--comment <text>', ctx.t('redteam.opt.comment'), '')
    .action(
      run(
        async (
          c,
          ref: string,
          caseKey: string,
          flags: { verdict: string; reviewer: string; comment: string; json?: boolean },
        ) => {
          const { reviewCase } = await import('../../app/redteam/review.js');
          const { resolveRunId } = await import('../../app/redteam/summary.js');
          return withStore(c, async (store) => {
            const runId = await resolveRunId(store, ref);
            const { machineVerdict, ...override } = await reviewCase(store, {
              runId,
              caseKey,
              verdict: flags.verdict,
              reviewer: flags.reviewer,
              comment: flags.comment,
              at: c.now().toISOString(),
            });
            if (flags.json) printJson(c, { ...override, machineVerdict });
            else
              c.out(
                `${c.t('redteam.review.saved', { caseKey, verdict: flags.verdict, machine: machineVerdict })}\n`,
              );
            return 0;
          });
        },
      ),
    );

  registerBank(rt, run, ctx);
};
