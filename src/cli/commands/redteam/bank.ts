import { resolve as resolvePath } from 'node:path';
import { type Command, Option } from 'commander';
import { BeianError } from '../../../errors.js';
import type { MessageKey } from '../../../i18n/index.js';
import { writeFileAtomicSync } from '../../../io/atomic.js';
import type { ImportResult } from '../../../redteam/banks/import.js';
import { LAYOUT_IDS } from '../../../redteam/banks/layouts.js';
import { jsonOption, type RunAction } from '../../command.js';
import type { CliContext } from '../../context.js';
import { EXIT } from '../../exit-codes.js';
import { collect } from '../../flags.js';
import { endpointOptions } from '../../options/endpoint.js';
import { variantsOption } from '../../options/variants.js';
import { formatTable, printJson } from '../../output.js';

interface MappingFlags {
  kind?: 'generation' | 'should-refuse' | 'should-not-refuse';
  colId?: string;
  colText?: string;
  colKind?: string;
  colRisk?: string;
  colAspect?: string;
  map?: string[];
  layout?: string;
  encoding?: string;
  json?: boolean;
}

const KINDS = ['generation', 'should-refuse', 'should-not-refuse'];

/** The column-mapping flags every bank-reading command shares. */
function mappingOptions(cmd: Command, ctx: CliContext): Command {
  cmd.addOption(new Option('--kind <kind>', ctx.t('redteam.opt.kind')).choices(KINDS));
  for (const f of ['id', 'text', 'kind', 'risk', 'aspect'])
    cmd.option(`--col-${f} <header>`, ctx.t('redteam.opt.col', { field: f }));
  cmd.addOption(new Option('--layout <layout>', ctx.t('redteam.opt.layout')).choices([...LAYOUT_IDS]));
  cmd.option('--map <file>', ctx.t('redteam.opt.map'), collect);
  cmd.option('--encoding <enc>', ctx.t('redteam.opt.encoding'));
  return cmd;
}

const mappingOf = (f: MappingFlags) => ({
  ...(f.colId ? { id: f.colId } : {}),
  ...(f.colText ? { text: f.colText } : {}),
  ...(f.colKind ? { kind: f.colKind } : {}),
  ...(f.colRisk ? { risk: f.colRisk } : {}),
  ...(f.colAspect ? { aspect: f.colAspect } : {}),
  ...(f.kind ? { defaultKind: f.kind } : {}),
  ...(f.layout && f.layout !== 'native' ? { layout: f.layout } : {}),
});

const readOptions = (c: CliContext, f: MappingFlags) => ({
  mapping: mappingOf(f),
  ...(f.map?.length ? { mapFiles: f.map.map((m) => resolvePath(c.cwd, m)) } : {}),
  ...(f.encoding ? { encoding: f.encoding } : {}),
});

/** Rows read / imported / rejected, then each rejected row (the first 50; all with --rejects/--json). */
async function reportRows(c: CliContext, r: ImportResult): Promise<void> {
  const { formatIssue } = await import('../../../errors.js');
  const layouts = [...new Set(Object.values(r.layouts))];
  if (layouts.some((l) => l !== 'native'))
    c.err(`${c.t('redteam.bank.layouts', { list: layouts.join(', ') })}\n`);
  c.err(`${c.t('redteam.bank.rows', r.rows)}\n`);
  for (const i of r.issues.slice(0, 50)) c.err(`  - ${formatIssue(i, c.t)}\n`);
  if (r.issues.length > 50) c.err(`${c.t('redteam.bank.rejectedMore', { n: r.issues.length - 50 })}\n`);
  if (r.notes.length) {
    c.err(`${c.t('redteam.bank.notes', { n: r.notes.length })}\n`);
    for (const i of r.notes.slice(0, 20)) c.err(`  - ${formatIssue(i, c.t)}\n`);
  }
}

async function read(c: CliContext, files: string[], f: MappingFlags) {
  const { readBanks } = await import('../../../app/redteam/bank-files.js');
  const { loadKb } = await import('../../../kb/index.js');
  const kb = loadKb();
  const r = await readBanks(
    kb,
    files.map((x) => resolvePath(c.cwd, x)),
    readOptions(c, f),
  );
  if (!f.json) await reportRows(c, r);
  return { kb, ...r };
}

export function registerBank(rt: Command, run: RunAction, ctx: CliContext): void {
  const bank = rt.command('bank').description(ctx.t('redteam.bank.description'));
  /** A bank-reading sub-command that reports (`--json`), with its help from the catalogue. */
  const bankCommand = (spec: string, description: MessageKey, help: MessageKey): Command =>
    jsonOption(
      mappingOptions(
        bank.command(spec).description(ctx.t(description)).addHelpText('after', ctx.t(help)),
        ctx,
      ),
      ctx,
    );

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

  bankCommand('import <files...>', 'redteam.bank.import.description', 'redteam.bank.import.help')
    .option('--out <file>', ctx.t('redteam.opt.out'))
    .option('--suggest-map [file]', ctx.t('redteam.opt.suggestMap'))
    .option('--rejects <file>', ctx.t('redteam.opt.rejects'))
    .action(
      run(
        async (
          c,
          files: string[],
          f: MappingFlags & { out?: string; suggestMap?: string | boolean; rejects?: string },
        ) => {
          const { importBanks } = await import('../../../app/redteam/import-banks.js');
          const { loadKb } = await import('../../../kb/index.js');
          if (!f.out && !f.suggestMap) throw BeianError.of('USAGE', 'redteam.bank.needOut');
          const kb = loadKb();
          const r = await importBanks(
            kb,
            files.map((x) => resolvePath(c.cwd, x)),
            {
              ...readOptions(c, f),
              ...(f.out ? { out: resolvePath(c.cwd, f.out) } : {}),
              ...(typeof f.suggestMap === 'string' ? { suggestMap: resolvePath(c.cwd, f.suggestMap) } : {}),
              ...(f.rejects ? { rejects: resolvePath(c.cwd, f.rejects) } : {}),
              now: c.now(),
            },
          );
          if (f.json)
            printJson(c, {
              rows: r.rows,
              layouts: r.layouts,
              rejected: r.issues,
              notes: r.notes,
              proposals: r.proposals,
              written: r.written,
            });
          else {
            await reportRows(c, r);
            if (f.suggestMap && r.proposals.length) {
              c.err(`${c.t('redteam.bank.proposals', { n: r.proposals.length })}\n`);
              if (f.suggestMap === true) {
                const { proposalsToYaml } = await import('../../../redteam/banks/suggest-map.js');
                c.out(
                  proposalsToYaml(
                    r.proposals,
                    `labels of ${files.join(', ')}`,
                    c.now().toISOString().slice(0, 10),
                  ),
                );
              } else
                for (const p of r.proposals.slice(0, 20))
                  c.err(
                    `  - ${p.label} (${p.rows}) → ${p.suggestion?.target ?? '?'}: ${p.suggestion?.reason ?? ''}\n`,
                  );
            }
            if (f.out)
              c.out(`${c.t('redteam.bank.wrote', { file: resolvePath(c.cwd, f.out), n: r.items.length })}\n`);
          }
          return r.rows.rejected ? EXIT.badInput : EXIT.ok;
        },
      ),
    );

  mappingOptions(bank.command('export <files...>').description(ctx.t('redteam.bank.export.description')), ctx)
    .requiredOption('--out <file>', ctx.t('redteam.opt.out'))
    .action(
      run(async (c, files: string[], f: MappingFlags & { out: string }) => {
        const { writeBankXlsx } = await import('../../../app/redteam/xlsx.js');
        const { resolve } = await import('node:path');
        const { kb, items, issues } = await read(c, files, f);
        const out = resolve(c.cwd, f.out);
        if (!out.endsWith('.xlsx')) throw BeianError.of('USAGE', 'redteam.bank.outXlsx');
        await writeBankXlsx(
          kb,
          items.map((item) => ({ item })),
          out,
        );
        c.out(`${c.t('redteam.bank.wrote', { file: out, n: items.length })}\n`);
        return issues.length ? EXIT.badInput : EXIT.ok;
      }),
    );

  const variants = mappingOptions(
    bank.command('variants <files...>').description(ctx.t('redteam.bank.variants.description')),
    ctx,
  ).requiredOption('--out <file>', ctx.t('redteam.opt.out'));
  variantsOption(variants, ctx, '--strategies <list>', 'all').action(
    run(async (c, files: string[], f: MappingFlags & { out: string; strategies: string }) => {
      const { generateVariants, parseStrategies } = await import('../../../redteam/banks/variants.js');
      const { toJsonl } = await import('../../../redteam/banks/import.js');
      const { resolve } = await import('node:path');
      const { strategies, unknown } = parseStrategies(f.strategies);
      if (unknown.length)
        throw BeianError.of('USAGE', 'redteam.opts.unknownVariants', { list: unknown.join(', ') });
      const { items } = await read(c, files, f);
      const variants = generateVariants(items, strategies);
      const out = resolve(c.cwd, f.out);
      writeFileAtomicSync(out, toJsonl(variants));
      c.out(`${c.t('redteam.bank.wrote', { file: out, n: variants.length })}\n`);
      return EXIT.ok;
    }),
  );

  endpointOptions(
    bankCommand('expand <files...>', 'redteam.bank.expand.description', 'redteam.bank.expand.help'),
    ctx,
    'attacker',
    true,
  )
    .option('--kinds <list>', ctx.t('redteam.opt.kinds'))
    .requiredOption('--out <file>', ctx.t('redteam.opt.out'))
    .action(
      run(
        async (
          c,
          files: string[],
          f: MappingFlags & {
            out: string;
            attackerBaseUrl: string;
            attackerModel: string;
            attackerApiKeyEnv?: string;
            kinds?: string;
          },
        ) => {
          const { expandBank } = await import('../../../app/redteam/expand.js');
          const { resolveRunOptions } = await import('../../../app/redteam/options.js');
          const { toJsonl } = await import('../../../redteam/banks/import.js');
          const { writeFileAtomicSync: writeAtomic } = await import('../../../io/atomic.js');
          const kinds = f.kinds?.split(',').map((k) => k.trim());
          const bad = kinds?.filter((k) => !KINDS.includes(k));
          if (bad?.length)
            throw BeianError.of('USAGE', 'redteam.bank.unknownKinds', { list: bad.join(', ') });
          // the attacker target is built and validated the way `run` builds it
          const attacker = (
            await resolveRunOptions(
              {
                baseUrl: 'http://unused.invalid',
                model: 'unused',
                bank: files,
                attackerBaseUrl: f.attackerBaseUrl,
                attackerModel: f.attackerModel,
                ...(f.attackerApiKeyEnv ? { attackerApiKeyEnv: f.attackerApiKeyEnv } : {}),
              },
              c.cwd,
            )
          ).attacks!.attacker;
          const { kb, items } = await read(c, files, f);
          const r = await expandBank(
            kb,
            items,
            {
              attacker,
              ...(kinds ? { kinds: kinds as ('generation' | 'should-refuse' | 'should-not-refuse')[] } : {}),
            },
            { fetch: globalThis.fetch, env: c.env },
          );
          const out = resolvePath(c.cwd, f.out);
          writeAtomic(out, toJsonl(r.items));
          if (f.json) printJson(c, { added: r.items.length, filled: r.filled, file: out });
          else {
            for (const x of r.filled)
              c.out(
                `${c.t('redteam.bank.expanded', { kind: c.t(`redteam.kind.${x.kind}` as Parameters<CliContext['t']>[0]), category: x.category, missing: x.missing, added: x.added, calls: x.calls })}\n`,
              );
            c.out(`${c.t('redteam.bank.wrote', { file: out, n: r.items.length })}\n`);
          }
          return EXIT.ok;
        },
      ),
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
