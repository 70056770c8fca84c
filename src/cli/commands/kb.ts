import { Option } from 'commander';
import { BeianError } from '../../errors.js';
import { pick } from '../../i18n/index.js';
import { KB_ITEM_KINDS, type KbItem } from '../../kb/items.js';
import { jsonOption, type Register } from '../command.js';
import type { CliContext } from '../context.js';
import { formatTable, printJson } from '../output.js';

function printList(ctx: CliContext, items: readonly KbItem[], version: string): void {
  const rows = items.map((i) => [i.id, i.kind, pick(i.title, ctx.lang)]);
  ctx.out(
    `${formatTable([ctx.t('kb.header.id'), ctx.t('kb.header.kind'), ctx.t('kb.header.title')], rows)}\n`,
  );
  ctx.out(`\n${ctx.t('kb.count', { n: items.length })} · ${ctx.t('kb.version', { version })}\n`);
}

export const register: Register = (program, run, ctx) => {
  const kb = program.command('kb').description(ctx.t('kb.description'));

  jsonOption(kb.command('list').description(ctx.t('kb.list.description')), ctx)
    .addOption(
      new Option('--kind <kind>', ctx.t('kb.list.kindOption', { kinds: KB_ITEM_KINDS.join(', ') })).choices([
        ...KB_ITEM_KINDS,
      ]),
    )
    .action(
      run(async (c, opts: { kind?: string; json?: boolean }) => {
        const { loadKb, kbItems } = await import('../../kb/index.js');
        const data = loadKb();
        const items = kbItems(data).filter((i) => !opts.kind || i.kind === opts.kind);
        if (opts.json) printJson(c, { version: data.version, items });
        else printList(c, items, data.version);
        return 0;
      }),
    );

  jsonOption(kb.command('show <id>').description(ctx.t('kb.show.description')), ctx).action(
    run(async (c, id: string, opts: { json?: boolean }) => {
      const { loadKb, kbItems, formatCitation, canonicalKindId } = await import('../../kb/index.js');
      const data = loadKb();
      // a renamed filing kind ("security-assessment") shows its successor
      const wanted = canonicalKindId(id) ?? id;
      const item = kbItems(data).find((i) => i.id === wanted);
      if (!item) throw BeianError.of('NOT_FOUND', 'kb.notFound', { id });
      if (opts.json) {
        printJson(c, { version: data.version, item });
        return 0;
      }
      const lines = [`${item.id}  (${item.kind})`, pick(item.title, c.lang)];
      const body = pick(item.body, c.lang);
      if (body) lines.push('', body);
      const facts = Object.entries(item.facts).filter(([, v]) => v !== null);
      if (facts.length) lines.push('', ...facts.map(([k, v]) => `  ${k}: ${v}`));
      lines.push(
        '',
        `${c.t('kb.citations')}:`,
        ...item.citations.map((x) => `  - ${formatCitation(data, x, c.lang)}`),
      );
      c.out(`${lines.join('\n')}\n`);
      return 0;
    }),
  );

  jsonOption(kb.command('search <text...>').description(ctx.t('kb.search.description')), ctx).action(
    run(async (c, words: string[], opts: { json?: boolean }) => {
      const { loadKb, kbItems, searchKb } = await import('../../kb/index.js');
      const data = loadKb();
      const query = words.join(' ');
      const items = searchKb(kbItems(data), query);
      if (opts.json) printJson(c, { version: data.version, query, items });
      else if (items.length === 0) c.out(`${c.t('kb.noResults', { query })}\n`);
      else printList(c, items, data.version);
      return 0;
    }),
  );
};
