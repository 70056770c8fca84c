import { BeianError } from '../../errors.js';
import { jsonOption, type Register } from '../command.js';
import type { CliContext } from '../context.js';
import { formatTable, printJson } from '../output.js';

interface SourcesFlags {
  ledger?: string;
  config?: string;
  json?: boolean;
}

async function loadLedger(c: CliContext, flags: SourcesFlags) {
  const { readFile } = await import('node:fs/promises');
  const { resolve } = await import('node:path');
  const { parseLedger } = await import('../../sources/index.js');
  if (flags.ledger) {
    let text: string;
    try {
      text = await readFile(resolve(c.cwd, flags.ledger), 'utf8');
    } catch (cause) {
      throw BeianError.of('NOT_FOUND', 'sources.cannotReadLedger', { file: flags.ledger }, { cause });
    }
    return parseLedger(text, flags.ledger);
  }
  const { readProjectFile } = await import('../../app/project-file.js');
  const project = await readProjectFile(flags.config, c.cwd);
  if (!project?.sources) throw BeianError.of('USAGE', 'sources.noLedger');
  return project.sources;
}

export const register: Register = (program, run, ctx) => {
  const sources = program
    .command('sources')
    .description(ctx.t('sources.description'))
    .addHelpText('after', `\n${ctx.t('sources.help.examples')}\n`);

  jsonOption(
    sources
      .command('check')
      .description(ctx.t('sources.check.description'))
      .option('--ledger <file>', ctx.t('sources.option.ledger'))
      .option('--config <file>', ctx.t('pii.option.config'))
      .addHelpText('after', `\n${ctx.t('sources.help.examples')}\n`),
    ctx,
  ).action(
    run(async (c, flags: SourcesFlags) => {
      const ledger = await loadLedger(c, flags);
      const { loadKb, threshold } = await import('../../kb/index.js');
      const { checkSources, flagText, percent, sourceMixTable, sourcesTable } = await import(
        '../../sources/index.js'
      );
      const kb = loadKb();
      const t = threshold(kb, 'source.illegal-rate.max');
      const result = checkSources(ledger, t, kb.duties);
      const code = result.ok ? 0 : 1;
      if (flags.json) {
        printJson(c, {
          ...result,
          kbVersion: kb.version,
          table: sourcesTable(ledger, result, c.lang),
          mixTable: sourceMixTable(result, c.lang),
        });
        return code;
      }
      for (const table of [sourcesTable(ledger, result, c.lang), sourceMixTable(result, c.lang)])
        c.out(`${table.title}\n${formatTable(table.headers, table.rows)}\n\n`);
      c.out(
        `${c.t('sources.summary', { sources: result.sources, flagged: result.flagged, max: percent(t.value), standard: t.standard })}\n`,
      );
      if (result.flags.length) {
        c.out(`${c.t('sources.problems')}\n`);
        for (const f of result.flags)
          c.out(`  ${f.severity === 'error' ? '✗' : '!'} ${f.source}  ${f.code}  ${flagText(f, c.lang)}\n`);
      }
      if (result.foreign.sources > 0) {
        c.out(`${c.t('sources.foreign', { n: result.foreign.sources })}\n`);
        for (const d of result.foreign.duties) c.out(`  - ${d.text[c.lang]}\n`);
      }
      if (result.ok) c.out(`${c.t('sources.ok')}\n`);
      return code;
    }),
  );

  jsonOption(sources.command('import <file>').description(ctx.t('sources.import.description')), ctx).action(
    run(async (c, file: string, flags: { json?: boolean }) => {
      const ledger = await loadLedger(c, { ledger: file });
      if (flags.json) printJson(c, { sources: ledger });
      else {
        const { stringify } = await import('yaml');
        c.out(stringify({ sources: ledger }));
      }
      return 0;
    }),
  );
};
