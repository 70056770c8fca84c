import { type Command, Option } from 'commander';
import { BeianError } from '../../../errors.js';
import { jsonOption, type RunAction } from '../../command.js';
import type { CliContext } from '../../context.js';
import { EXIT } from '../../exit-codes.js';
import { formatTable, printJson } from '../../output.js';

interface MappingFlags {
  kind?: 'generation' | 'should-refuse' | 'should-not-refuse';
  colId?: string;
  colText?: string;
  colKind?: string;
  colRisk?: string;
  colAspect?: string;
  json?: boolean;
}

const KINDS = ['generation', 'should-refuse', 'should-not-refuse'];

/** The column-mapping flags every bank-reading command shares. */
function mappingOptions(cmd: Command, ctx: CliContext): Command {
  cmd.addOption(new Option('--kind <kind>', ctx.t('redteam.opt.kind')).choices(KINDS));
  for (const f of ['id', 'text', 'kind', 'risk', 'aspect'])
    cmd.option(`--col-${f} <header>`, ctx.t('redteam.opt.col', { field: f }));
  return cmd;
}

const mappingOf = (f: MappingFlags) => ({
  ...(f.colId ? { id: f.colId } : {}),
  ...(f.colText ? { text: f.colText } : {}),
  ...(f.colKind ? { kind: f.colKind } : {}),
  ...(f.colRisk ? { risk: f.colRisk } : {}),
  ...(f.colAspect ? { aspect: f.colAspect } : {}),
  ...(f.kind ? { defaultKind: f.kind } : {}),
});

async function read(c: CliContext, files: string[], f: MappingFlags) {
  const { readBanks } = await import('../../../app/redteam/bank-files.js');
  const { loadKb } = await import('../../../kb/index.js');
  const { resolve } = await import('node:path');
  const { formatIssue } = await import('../../../errors.js');
  const kb = loadKb();
  const r = await readBanks(
    kb,
    files.map((x) => resolve(c.cwd, x)),
    mappingOf(f),
  );
  if (r.issues.length && !f.json) {
    c.err(`${c.t('redteam.warnings', { n: r.issues.length })}\n`);
    for (const i of r.issues.slice(0, 50)) c.err(`  - ${formatIssue(i, c.t)}\n`);
    if (r.issues.length > 50) c.err(`  … ${r.issues.length - 50}\n`);
  }
  return { kb, ...r };
}

export function registerBank(rt: Command, run: RunAction, ctx: CliContext): void {
  const bank = rt.command('bank').description(ctx.t('redteam.bank.description'));

  jsonOption(
    mappingOptions(
      bank
        .command('stats <files...>')
        .description(ctx.t('redteam.bank.stats.description'))
        .addHelpText('after', ctx.t('redteam.bank.stats.help')),
      ctx,
    ),
    ctx,
  ).action(
    run(async (c, files: string[], f: MappingFlags) => {
      const { bankStats } = await import('../../../redteam/banks/stats.js');
      const { kb, items, issues } = await read(c, files, f);
      const stats = bankStats(kb, items);
      if (f.json) printJson(c, { ...stats, issues });
      else {
        for (const k of Object.values(stats.kinds)) {
          const name = c.t(`redteam.kind.${k.kind}` as Parameters<CliContext['t']>[0]);
          c.out(
            `${name}: ${k.total}${k.variants ? ` ${c.t('redteam.bank.variantsCount', { n: k.variants })}` : ''} — ${k.ok ? c.t('redteam.bank.ok') : c.t('redteam.fail')}\n`,
          );
          for (const s of k.shortfalls)
            c.out(
              `  - ${c.t('redteam.bank.missing', { scope: s.scope === 'total' ? c.t('redteam.bank.total') : s.scope, have: s.have, need: s.need, missing: s.missing })}\n`,
            );
        }
      }
      return stats.ok ? EXIT.ok : EXIT.complianceFailed;
    }),
  );

  mappingOptions(bank.command('import <files...>').description(ctx.t('redteam.bank.import.description')), ctx)
    .requiredOption('--out <file>', ctx.t('redteam.opt.out'))
    .action(
      run(async (c, files: string[], f: MappingFlags & { out: string }) => {
        const { toJsonl } = await import('../../../redteam/banks/import.js');
        const { writeFileSync } = await import('node:fs');
        const { resolve } = await import('node:path');
        const { items, issues } = await read(c, files, f);
        const out = resolve(c.cwd, f.out);
        writeFileSync(out, toJsonl(items));
        c.out(`${c.t('redteam.bank.wrote', { file: out, n: items.length })}\n`);
        return issues.length ? EXIT.badInput : EXIT.ok;
      }),
    );

  mappingOptions(bank.command('export <files...>').description(ctx.t('redteam.bank.export.description')), ctx)
    .requiredOption('--out <file>', ctx.t('redteam.opt.out'))
    .action(
      run(async (c, files: string[], f: MappingFlags & { out: string }) => {
        const { writeBankXlsx } = await import('../../../app/redteam/xlsx.js');
        const { resolve } = await import('node:path');
        const { kb, items, issues } = await read(c, files, f);
        const out = resolve(c.cwd, f.out);
        if (!out.endsWith('.xlsx')) throw new BeianError('USAGE', '--out must end in .xlsx');
        await writeBankXlsx(
          kb,
          items.map((item) => ({ item })),
          out,
        );
        c.out(`${c.t('redteam.bank.wrote', { file: out, n: items.length })}\n`);
        return issues.length ? EXIT.badInput : EXIT.ok;
      }),
    );

  mappingOptions(
    bank.command('variants <files...>').description(ctx.t('redteam.bank.variants.description')),
    ctx,
  )
    .requiredOption('--out <file>', ctx.t('redteam.opt.out'))
    .option(
      '--strategies <list>',
      ctx.t('redteam.opt.variants', {
        list: 'roleplay,hypothetical,ignore-previous,developer-mode,base64,pinyin,homophone,split,fullwidth,traditional,multi-turn',
      }),
      'all',
    )
    .action(
      run(async (c, files: string[], f: MappingFlags & { out: string; strategies: string }) => {
        const { generateVariants, parseStrategies } = await import('../../../redteam/banks/variants.js');
        const { toJsonl } = await import('../../../redteam/banks/import.js');
        const { writeFileSync } = await import('node:fs');
        const { resolve } = await import('node:path');
        const { strategies, unknown } = parseStrategies(f.strategies);
        if (unknown.length)
          throw new BeianError('USAGE', `Unknown variant strategies: ${unknown.join(', ')}`);
        const { items } = await read(c, files, f);
        const variants = generateVariants(items, strategies);
        const out = resolve(c.cwd, f.out);
        writeFileSync(out, toJsonl(variants));
        c.out(`${c.t('redteam.bank.wrote', { file: out, n: variants.length })}\n`);
        return EXIT.ok;
      }),
    );

  jsonOption(bank.command('starter').description(ctx.t('redteam.bank.starter.description')), ctx)
    .option('--out <dir>', ctx.t('redteam.opt.out'))
    .action(
      run(async (c, f: { out?: string; json?: boolean }) => {
        const { starterPaths } = await import('../../../app/redteam/starter.js');
        const { copyFileSync, mkdirSync } = await import('node:fs');
        const { basename, join, resolve } = await import('node:path');
        let paths = starterPaths();
        if (f.out) {
          const dir = resolve(c.cwd, f.out);
          mkdirSync(dir, { recursive: true });
          paths = paths.map((p) => {
            const dest = join(dir, basename(p));
            copyFileSync(p, dest);
            return dest;
          });
        }
        if (f.json) printJson(c, { starter: true, note: c.t('redteam.bank.starterNote'), files: paths });
        else
          c.out(
            `${c.t('redteam.bank.starterNote')}\n${formatTable(
              ['file'],
              paths.map((p) => [p]),
            )}\n`,
          );
        return EXIT.ok;
      }),
    );
}
