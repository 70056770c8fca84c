import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { BeianError, formatIssue } from '../../errors.js';
import { writeFileAtomicSync } from '../../io/atomic.js';
import { jsonOption, type Register } from '../command.js';
import type { CliContext } from '../context.js';
import { collect } from '../flags.js';
import { formatTable, printJson } from '../output.js';

interface LexiconFlags {
  lexicon?: string[];
  naughtyWords?: boolean;
  allow?: string[];
  pinyin?: boolean;
  category?: string;
  severity?: string;
  categoryMap?: string;
  variants?: string;
  json?: boolean;
}

/** The library-selection flags shared by lexicon sub-commands and scan. */
export function lexiconOptions(cmd: Command, ctx: Pick<CliContext, 't'>): Command {
  return cmd
    .option('--lexicon <file>', ctx.t('lexicon.option.lexicon'), collect)
    .option('--naughty-words', ctx.t('lexicon.option.naughty'))
    .option('--allow <phrase>', ctx.t('lexicon.option.allow'), collect)
    .option('--pinyin', ctx.t('lexicon.option.pinyin'))
    .option('--category <risk>', ctx.t('lexicon.option.category'))
    .option('--severity <1-3>', ctx.t('lexicon.option.severity'))
    .option('--category-map <file.yaml>', ctx.t('lexicon.option.categoryMap'))
    .option('--variants <families>', ctx.t('lexicon.option.variants'));
}

/** --variants homophone,split,lookalike | none | all */
async function variantFamilies(value: string | undefined) {
  if (value === undefined) return undefined;
  const { MATCHED_FAMILIES } = await import('../../lexicon/variants/index.js');
  if (value === 'none') return [];
  if (value === 'all') return [...MATCHED_FAMILIES];
  const list = value.split(',').map((v) => v.trim());
  const bad = list.filter((v) => !(MATCHED_FAMILIES as readonly string[]).includes(v));
  if (bad.length)
    throw BeianError.of('USAGE', 'lexicon.badVariants', {
      value: bad.join(','),
      allowed: MATCHED_FAMILIES.join(', '),
    });
  return list as (typeof MATCHED_FAMILIES)[number][];
}

/** --category/--severity: defaults for rows of --lexicon files that give none (checked here, once). */
async function rowDefaults(o: LexiconFlags, riskIds: ReadonlySet<string>) {
  const { parseSeverity } = await import('../../lexicon/library.js');
  if (o.category !== undefined && !riskIds.has(o.category))
    throw BeianError.of('USAGE', 'lexicon.badCategory', { value: o.category });
  const severity = o.severity === undefined ? undefined : parseSeverity(o.severity);
  if (o.severity !== undefined && severity === undefined)
    throw BeianError.of('USAGE', 'lexicon.badSeverity', { value: o.severity });
  return { ...(o.category ? { category: o.category } : {}), ...(severity ? { severity } : {}) };
}

export async function loadSelected(c: CliContext, o: LexiconFlags) {
  const [{ snapshotKb }, { loadLexicon }] = await Promise.all([
    import('../../kb/snapshot.js'),
    import('../../app/lexicon.js'),
  ]);
  // the build's snapshot needs no zod (~25 ms); edited or missing sources are validated and reported
  const kb = snapshotKb() ?? (await import('../../kb/index.js')).loadKb();
  const defaults = await rowDefaults(o, new Set(kb.risks.map((r) => r.id)));
  const variants = await variantFamilies(o.variants);
  const selection = {
    ...(o.lexicon ? { files: o.lexicon } : {}),
    ...(Object.keys(defaults).length ? { defaults } : {}),
    ...(o.categoryMap ? { categoryMap: o.categoryMap } : {}),
    ...(variants ? { variants } : {}),
    ...(o.naughtyWords ? { naughtyWords: true } : {}),
    ...(o.allow ? { allow: o.allow } : {}),
    ...(o.pinyin ? { pinyin: true } : {}),
  };
  const lex = await loadLexicon(kb, selection);
  if (!o.json && lex.issues.length) {
    c.err(`${c.t('lexicon.issues', { n: lex.issues.length })}\n`);
    for (const i of lex.issues.slice(0, 20)) c.err(`  ${formatIssue(i, c.t)}\n`);
  }
  if (!o.json && lex.warnings.length) {
    c.err(`${c.t('lexicon.warnings', { n: lex.warnings.length })}\n`);
    for (const i of lex.warnings.slice(0, 20)) c.err(`  ${formatIssue(i, c.t)}\n`);
    if (lex.warnings.length > 20) c.err(`  … ${lex.warnings.length - 20}\n`);
  }
  return { kb, lex, selection };
}

export const register: Register = (program, run, ctx) => {
  const lx = program.command('lexicon').description(ctx.t('lexicon.description'));

  lexiconOptions(
    jsonOption(lx.command('stats').description(ctx.t('lexicon.stats.description')), ctx),
    ctx,
  ).action(
    run(async (c, o: LexiconFlags) => {
      const { kb, lex } = await loadSelected(c, o);
      const { lexiconStats } = await import('../../lexicon/stats.js');
      const stats = lexiconStats(lex.entries, kb);
      const code = stats.ok ? 0 : 1;
      if (o.json) {
        printJson(c, {
          ...stats,
          version: lex.version,
          libraries: lex.libraries,
          duplicates: lex.duplicates,
          issues: lex.issues,
        });
        return code;
      }
      c.out(
        `${c.t('lexicon.stats.total', { n: stats.total })} · ${c.t('lexicon.duplicates', { n: lex.duplicates.length })} · ${c.t('lexicon.version', { version: lex.version })}\n${c.t(
          'lexicon.stats.sources',
          {
            list: Object.entries(stats.bySource)
              .map(([k, v]) => `${k} ${v}`)
              .join(', '),
          },
        )}\n\n`,
      );
      const rows = stats.requirements.map((r) => [
        r.ok ? '✓' : '✗',
        r.threshold,
        r.scope,
        String(r.required),
        String(r.actual),
        String(r.missing),
      ]);
      const h = [
        '',
        'lexicon.stats.requirement',
        'lexicon.stats.scope',
        'lexicon.stats.required',
        'lexicon.stats.actual',
        'lexicon.stats.missing',
      ] as const;
      c.out(
        `${formatTable(
          h.map((k) => (k ? c.t(k) : '')),
          rows,
        )}\n\n`,
      );
      const failing = stats.requirements.filter((r) => !r.ok);
      const totalGap = stats.requirements.find((r) => r.scope === 'total')?.missing ?? 0;
      c.out(
        `${failing.length ? c.t('lexicon.stats.notOk', { n: failing.length, total: totalGap }) : c.t('lexicon.stats.ok')}\n`,
      );
      return code;
    }),
  );

  const explainText = async (c: CliContext, o: LexiconFlags, text: string) => {
    const { lex } = await loadSelected(c, o);
    const { countedMatcher, scoreRecord } = await import('../../lexicon/index.js');
    const counted = countedMatcher(lex.matcher, lex.rules)(text);
    const explained = lex.matcher
      .explain(text)
      .map((m) =>
        m.rejected || counted.some((k) => k.start === m.start && k.end === m.end)
          ? m
          : { ...m, rejected: 'context' as const },
      );
    const score = scoreRecord(text, counted);
    return { text, matches: explained, score };
  };

  lexiconOptions(
    jsonOption(lx.command('check <text>').description(ctx.t('lexicon.check.description')), ctx),
    ctx,
  ).action(
    run(async (c, text: string, o: LexiconFlags) => {
      const r = await explainText(c, o, text);
      if (o.json) {
        printJson(c, r);
        return 0;
      }
      if (r.matches.length === 0) {
        c.out(`${c.t('lexicon.noMatch')}\n`);
        return 0;
      }
      const rows = r.matches.map((m) => [
        m.keyword,
        m.category,
        m.text,
        `${m.start}-${m.end}`,
        [...m.steps, ...(m.variant ? [m.variant] : [])].join('+') || '—',
        c.t(m.rejected ? (`lexicon.status.${m.rejected}` as const) : 'lexicon.status.counted'),
      ]);
      const h = [
        'lexicon.header.keyword',
        'lexicon.header.category',
        'lexicon.header.span',
        'lexicon.header.offsets',
        'lexicon.header.via',
        'lexicon.header.status',
      ] as const;
      c.out(
        `${formatTable(
          h.map((k) => c.t(k)),
          rows,
        )}\n`,
      );
      c.out(
        `${c.t('lexicon.record', { score: r.score.score, bar: 3, verdict: c.t(r.score.flagged ? 'lexicon.flagged' : 'lexicon.notFlagged') })}\n`,
      );
      return 0;
    }),
  );

  lexiconOptions(
    jsonOption(lx.command('test <file>').description(ctx.t('lexicon.test.description')), ctx),
    ctx,
  ).action(
    run(async (c, file: string, o: LexiconFlags) => {
      const { lex } = await loadSelected(c, o);
      const { countedMatcher, scoreRecord } = await import('../../lexicon/index.js');
      const count = countedMatcher(lex.matcher, lex.rules);
      const lines = readFileSync(file, 'utf8').split(/\r?\n/);
      const results = lines
        .map((text, i) => ({ line: i + 1, text, matches: count(text) }))
        .filter((r) => r.text.trim() !== '');
      const scored = results.map((r) => ({ ...r, flagged: scoreRecord(r.text, r.matches).flagged }));
      const summary = {
        lines: scored.length,
        hits: scored.filter((r) => r.matches.length).length,
        flagged: scored.filter((r) => r.flagged).length,
      };
      if (o.json) {
        printJson(c, { summary, results: scored.filter((r) => r.matches.length) });
        return 0;
      }
      for (const r of scored.filter((x) => x.matches.length))
        c.out(
          `${file}:${r.line} ${r.flagged ? '⚑' : ' '} ${r.matches.map((m) => `${m.keyword}[${m.category}]@${m.start}-${m.end}`).join(' ')}\n`,
        );
      c.out(`${c.t('lexicon.test.summary', summary)}\n`);
      return 0;
    }),
  );

  lexiconOptions(lx.command('compile').description(ctx.t('lexicon.compile.description')), ctx)
    .requiredOption('--out <file>', ctx.t('lexicon.option.out'))
    .action(
      run(async (c, o: LexiconFlags & { out: string }) => {
        const { lex } = await loadSelected(c, o);
        const { serializeMatcher } = await import('../../lexicon/serialize.js');
        const library = { version: lex.version, keywords: lex.keywords };
        writeFileAtomicSync(o.out, serializeMatcher(lex.matcher, { library }));
        c.out(`${c.t('cli.wrote', { file: o.out })}\n`);
        return 0;
      }),
    );

  jsonOption(lx.command('diff <a> <b>').description(ctx.t('lexicon.diff.description')), ctx)
    .option('--limit <n>', ctx.t('lexicon.diff.option.limit'), '20')
    .action(
      run(async (c, a: string, b: string, o: { json?: boolean; limit: string }) => {
        const [{ loadKb }, { loadLexicon }, { diffLibraries }] = await Promise.all([
          import('../../kb/index.js'),
          import('../../app/lexicon.js'),
          import('../../lexicon/version.js'),
        ]);
        const kb = loadKb();
        const { existsSync } = await import('node:fs');
        const load = async (f: string) => {
          if (f !== DEFAULT_NAME && f !== 'naughty-words' && !existsSync(f))
            throw BeianError.of('NOT_FOUND', 'lexicon.diff.notFound', { file: f });
          return loadLexicon(kb, f === DEFAULT_NAME ? {} : { files: [f] });
        };
        const [la, lb] = [await load(a), await load(b)];
        const d = diffLibraries(la.entries, lb.entries);
        if (o.json) {
          printJson(c, d);
          return 0;
        }
        const limit = Math.max(0, Number(o.limit) || 0);
        c.out(
          `${c.t('lexicon.diff.summary', { from: d.from, to: d.to, added: d.added.length, removed: d.removed.length, changed: d.changed.length })}\n`,
        );
        for (const e of d.added.slice(0, limit)) c.out(`+ ${e.keyword}\t${e.category}\t${e.severity}\n`);
        for (const e of d.removed.slice(0, limit)) c.out(`- ${e.keyword}\t${e.category}\t${e.severity}\n`);
        for (const ch of d.changed.slice(0, limit))
          c.out(
            `~ ${ch.keyword}\t${ch.from.category}/${ch.from.severity} → ${ch.to.category}/${ch.to.severity}\n`,
          );
        const rows = Object.entries(d.perRisk)
          .filter(([, v]) => v.from !== v.to)
          .sort(([x], [y]) => x.localeCompare(y))
          .map(([risk, v]) => [risk, String(v.from), String(v.to), String(v.to - v.from)]);
        if (rows.length)
          c.out(`\n${formatTable([c.t('lexicon.header.category'), d.from, d.to, 'Δ'], rows)}\n`);
        return 0;
      }),
    );
};

/** `lexicon diff default x.csv`: the shipped default library. */
const DEFAULT_NAME = 'default';
