import { resolve } from 'node:path';
import { BeianError } from '../../errors.js';
import { jsonOption, type Register } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { printJson } from '../output.js';
import { withStore } from '../with-store.js';

export const register: Register = (program, run, ctx) => {
  jsonOption(program.command('demo').description(ctx.t('demo.description')), ctx)
    .option('--out <dir>', ctx.t('demo.option.out'), 'demo-output')
    .option('--config <file>', ctx.t('demo.option.config'))
    .option('--steps <ids>', ctx.t('demo.option.steps'))
    .addHelpText('after', `\n${ctx.t('demo.help.examples')}`)
    .action(
      run(async (c, opts: { out: string; config?: string; steps?: string; json?: boolean }) => {
        const { runDemo } = await import('../../demo/run.js');
        const { demoSteps } = await import('../../demo/steps.js');
        const wanted = opts.steps
          ?.split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        const unknown = wanted?.filter((id) => !demoSteps.some((s) => s.id === id)) ?? [];
        if (unknown.length > 0)
          throw BeianError.of('USAGE', 'demo.unknownStep', {
            ids: unknown.join(', '),
            known: demoSteps.map((s) => s.id).join(', '),
          });
        return withStore(c, async (store) => {
          const result = await runDemo({
            ...(opts.config ? { projectFile: resolve(c.cwd, opts.config) } : {}),
            outDir: resolve(c.cwd, opts.out),
            store,
            kb: (await import('../../kb/index.js')).loadKb(),
            ...(wanted ? { steps: demoSteps.filter((s) => wanted.includes(s.id)) } : {}),
            lang: c.lang,
            now: c.now(),
            onStep: (step, i, total) => {
              if (!opts.json) c.err(`[${i + 1}/${total}] ${step.title[c.lang]}…\n`);
            },
          });
          if (opts.json) printJson(c, result);
          else {
            for (const s of result.steps)
              c.out(`${s.ok ? (s.skipped ? '○' : '✔') : '✘'} ${s.id}: ${s.summary}\n`);
            c.out(`\n${c.t('demo.open', { file: result.index })}\n`);
          }
          return result.steps.every((s) => s.ok) ? EXIT.ok : EXIT.environment;
        });
      }),
    );
};
