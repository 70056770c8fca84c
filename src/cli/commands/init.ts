import { resolve } from 'node:path';
import { BeianError } from '../../errors.js';
import { jsonOption, type Register } from '../command.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { printJson } from '../output.js';

interface InitOptions {
  out: string;
  fromAssess?: string;
  force?: boolean;
  json?: boolean;
}

/** Asks for the organisation and one service after another (the assess questionnaire). */
async function askProject(c: CliContext) {
  const p = await import('@clack/prompts');
  const { askService } = await import('./assess/prompts.js');
  const name = await p.text({ message: c.t('init.prompt.organisation') });
  if (p.isCancel(name)) throw BeianError.of('USAGE', 'assess.cancelled');
  const services: Awaited<ReturnType<typeof askService>>['services'] = [];
  do services.push(...(await askService(c)).services);
  while ((await p.confirm({ message: c.t('init.prompt.another'), initialValue: false })) === true);
  return {
    ...(name ? { organisation: { name } } : {}),
    services: services.map(({ id, name, answers }) => ({ id, name, answers })),
  };
}

export const register: Register = (program, run, ctx) => {
  jsonOption(program.command('init').description(ctx.t('init.description')), ctx)
    .option('-o, --out <file>', ctx.t('init.option.out'), 'beian.yaml')
    .option('--from-assess <file>', ctx.t('init.option.fromAssess'))
    .option('--force', ctx.t('init.option.force'))
    .addHelpText('after', `\n${ctx.t('init.help')}`)
    .action(
      run(async (c, opts: InitOptions) => {
        const app = await import('../../app/init.js');
        const file = resolve(c.cwd, opts.out);
        // Checked before asking anything, so nobody answers twenty questions for nothing.
        if (!opts.force && app.projectFileExists(file))
          throw BeianError.of('USAGE', 'init.exists', { file: opts.out });
        let answers: import('../../app/init.js').InitAnswers;
        if (opts.fromAssess) answers = app.readInitAnswers(resolve(c.cwd, opts.fromAssess), opts.fromAssess);
        else if (c.interactive && process.stdin.isTTY) answers = await askProject(c);
        else throw BeianError.of('USAGE', 'init.needInput');
        const project = app.projectFromAnswers(answers);
        app.writeProjectYaml(file, app.projectYaml(project, file, c.lang, c.now()), Boolean(opts.force));
        if (opts.json) printJson(c, { file, services: project.services.map((s) => s.id) });
        else c.err(`${c.t('init.wrote', { file: opts.out, n: project.services.length })}\n`);
        return EXIT.ok;
      }),
    );
};
