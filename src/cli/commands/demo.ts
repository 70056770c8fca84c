import { resolve } from 'node:path';
import { jsonOption, type Register } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { printJson } from '../output.js';

export const register: Register = (program, run, ctx) => {
  jsonOption(program.command('demo').description(ctx.t('demo.description')), ctx)
    .option('--out <dir>', ctx.t('demo.option.out'), 'demo-output')
    .option('--config <file>', ctx.t('demo.option.config'))
    .addHelpText('after', `\n${ctx.t('demo.help.examples')}`)
    .action(
      run(async (c, opts: { out: string; config?: string; json?: boolean }) => {
        const { runDemo } = await import('../../app/demo/run.js');
        const store = await c.openStore();
        try {
          const result = await runDemo({
            ...(opts.config ? { projectFile: resolve(c.cwd, opts.config) } : {}),
            outDir: resolve(c.cwd, opts.out),
            store,
            lang: c.lang,
            now: c.now(),
            onStep: (step, i, total) => {
              if (!opts.json) c.err(`[${i + 1}/${total}] ${step.title[c.lang]}…\n`);
            },
          });
          if (opts.json) printJson(c, result);
          else {
            for (const s of result.steps) c.out(`${s.ok ? '✔' : '✘'} ${s.id}: ${s.summary}\n`);
            c.out(`\n${c.t('demo.open', { file: result.index })}\n`);
          }
          return result.steps.every((s) => s.ok) ? EXIT.ok : EXIT.environment;
        } finally {
          await store.close();
        }
      }),
    );
};
