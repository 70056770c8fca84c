import { resolve } from 'node:path';
import { BeianError } from '../../errors.js';
import { writeFileAtomicSync } from '../../io/atomic.js';
import { jsonOption, type Register } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { printJson } from '../output.js';
import { withStore } from '../with-store.js';

interface AssessOptions {
  input?: string;
  json?: boolean;
  out?: string;
  rules?: string;
  save: boolean;
}

export const register: Register = (program, run, ctx) => {
  jsonOption(program.command('assess').description(ctx.t('assess.description')), ctx)
    .option('-i, --input <file>', ctx.t('assess.option.input'))
    .option('-o, --out <file>', ctx.t('assess.option.out'))
    .option('--rules <file>', ctx.t('assess.option.rules'))
    .option('--no-save', ctx.t('assess.option.noSave'))
    .addHelpText('after', `\n${ctx.t('assess.help.examples')}`)
    .action(
      run(async (c, opts: AssessOptions) => {
        const { assessProject, renderAssessReport, saveAssessment } = await import('../../app/assess.js');
        const { readProjectFile } = await import('../../app/project-file.js');
        if (opts.out && !/\.(html?|md|markdown)$/i.test(opts.out))
          throw BeianError.of('USAGE', 'assess.outFormat', { file: opts.out });
        let project: import('../../project/schema.js').ProjectFile;
        let source: string;
        if (opts.input) {
          project = await readProjectFile(opts.input, c.cwd);
          source = opts.input;
        } else if (c.interactive && process.stdin.isTTY) {
          project = await (await import('./assess/prompts.js')).askService(c);
          source = 'interactive';
        } else {
          throw BeianError.of('USAGE', 'assess.needInput');
        }
        const { loadKb } = await import('../../kb/index.js');
        const result = assessProject(project, c.lang, {
          kb: loadKb(),
          ...(opts.rules ? { rulesFile: resolve(c.cwd, opts.rules) } : {}),
          ...(opts.input ? { file: opts.input } : {}),
        });
        if (opts.save) {
          await withStore(c, async (store) => {
            const n = await saveAssessment(store, result.determination, source, c.now());
            if (!opts.json) c.err(`${c.t('assess.saved', { n, db: store.location })}\n`);
          });
        }
        if (opts.out) {
          const file = resolve(c.cwd, opts.out);
          writeFileAtomicSync(file, renderAssessReport(result.view, file, c.now()) ?? '');
          if (!opts.json) c.err(`${c.t('cli.wrote', { file })}\n`);
        }
        if (opts.json) printJson(c, result.view);
        else (await import('./assess/print.js')).printAssessment(c, result.view);
        if (source === 'interactive') await (await import('./assess/prompts.js')).offerToSave(c, project);
        return result.view.missing.length > 0 ? EXIT.complianceFailed : EXIT.ok;
      }),
    );
};
