import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { formatIssue } from '../../errors.js';
import { jsonOption, type Register } from '../command.js';
import type { CliContext } from '../context.js';
import { collect } from '../flags.js';
import { formatTable, printJson } from '../output.js';

interface LexiconFlags {
  lexicon?: string[];
  naughtyWords?: boolean;
  allow?: string[];
  pinyin?: boolean;
  json?: boolean;
}

/** The library-selection flags shared by lexicon sub-commands and scan. */
export function lexiconOptions(cmd: Command, ctx: Pick<CliContext, 't'>): Command {
  return cmd
    .option('--lexicon <file>', ctx.t('lexicon.option.lexicon'), collect)
    .option('--naughty-words', ctx.t('lexicon.option.naughty'))
    .option('--allow <phrase>', ctx.t('lexicon.option.allow'), collect)
    .option('--pinyin', ctx.t('lexicon.option.pinyin'));
}

export async function loadSelected(c: CliContext, o: LexiconFlags) {
  const [{ loadKb }, { loadLexicon }] = await Promise.all([
    import('../../kb/index.js'),
    import('../../app/lexicon.js'),
  ]);
  const kb = loadKb();
  const lex = await loadLexicon(kb, {
    ...(o.lexicon ? { files: o.lexicon } : {}),
    ...(o.naughtyWords ? { naughtyWords: true } : {}),
    ...(o.allow ? { allow: o.allow } : {}),
    ...(o.pinyin ? { pinyin: true } : {}),
  });
  if (!o.json && lex.issues.length) {
    c.err(`${c.t('lexicon.issues', { n: lex.issues.length })}\n`);
    for (const i of lex.issues.slice(0, 20)) c.err(`  ${formatIssue(i, c.t)}\n`);
  }
  return { kb, lex };
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
      if (o.json) {
        printJson(c, { ...stats, libraries: lex.libraries, duplicates: lex.duplicates, issues: lex.issues });
        return 0;
      }
      c.out(
        `${c.t('lexicon.stats.total', { n: stats.total })} · ${c.t('lexicon.duplicates', { n: lex.duplicates.length })}\n\n`,
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
      return 0;
    }),
  );

  const explainText = async (c: CliContext, o: LexiconFlags, text: string) => {
    const { lex } = await loadSelected(c, o);
    const { scoreRecord } = await import('../../lexicon/matcher.js');
    const explained = lex.matcher.explain(text);
    const score = scoreRecord(text, lex.matcher.scan(text));
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
      const { scoreRecord } = await import('../../lexicon/matcher.js');
      const lines = readFileSync(file, 'utf8').split(/\r?\n/);
      const results = lines
        .map((text, i) => ({ line: i + 1, text, matches: lex.matcher.scan(text) }))
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
        writeFileSync(o.out, serializeMatcher(lex.matcher));
        c.out(`${c.t('cli.wrote', { file: o.out })}\n`);
        return 0;
      }),
    );
};
