import type { BankItem, BankKind } from '../evidence.js';
import type { Block, Cell, Section } from '../model.js';
import type { Template } from '../template.js';
import { check, checksTable, evidenceTodo, riskTitle, table, verdict } from './common.js';
import type { BuildContext, DocumentDef } from './context.js';
import { EXPORT } from './context.js';

const categoryOf = (ctx: BuildContext, risk: string | undefined): string => {
  if (!risk) return '';
  const cat = risk.split('.').slice(0, 2).join('.');
  return ctx.kb.riskCategories.find((c) => c.id === cat)?.title[ctx.lang] ?? cat;
};

export const genaiKeywordList: DocumentDef = {
  id: 'genai-keyword-list',
  family: 'genai',
  filing: 'genai-filing',
  formats: EXPORT,
  build: (ctx, tpl) => {
    const lx = ctx.evidence.lexicon;
    if (!lx) return [tpl.sec('coverage', {}, [evidenceTodo(tpl, 'lexicon')], [], false)];
    const core = ctx.kb.riskCategories.filter((c) => c.core).map((c) => c.id);
    const perRisk = ctx.kb.risks
      .filter((r) => core.includes(r.category))
      .map((r): Cell[] => {
        const n = lx.perRisk.find((p) => p.risk === r.id)?.count ?? 0;
        const c = check(ctx, r.category === 'A.1' ? 'lexicon.per-risk.a1.min' : 'lexicon.per-risk.a2.min', n);
        return [riskTitle(ctx.kb, r.id, ctx.lang), n, c.requirement, verdict(tpl, c.pass)];
      });
    const coverage: Block[] = [
      checksTable(tpl, [check(ctx, 'lexicon.total.min', lx.total)], tpl.l('caption.total')),
      table(
        [tpl.l('col.risk'), tpl.l('col.count'), tpl.l('col.requirement'), tpl.l('col.result')],
        perRisk,
        tpl.l('caption.coverage'),
        tpl.l('sheet.coverage'),
      ),
    ];
    const entries = lx.entries;
    const list: Block = entries
      ? table(
          [tpl.l('col.no'), tpl.l('col.keyword'), tpl.l('col.category'), tpl.l('col.risk')],
          entries.map((e, i) => [
            i + 1,
            e.word,
            e.category ?? categoryOf(ctx, e.risk),
            riskTitle(ctx.kb, e.risk, ctx.lang),
          ]),
          tpl.l('caption.keywords'),
          tpl.l('sheet.keywords'),
        )
      : evidenceTodo(tpl, 'lexicon-entries');
    return [
      tpl.sec(
        'coverage',
        { total: lx.total.toLocaleString('en-US'), updated: lx.updatedAt ?? '—', version: lx.version ?? '—' },
        coverage,
      ),
      tpl.sec('list', {}, [list]),
    ];
  },
};

const passLabel = (tpl: Template, i: BankItem): string =>
  i.passed === undefined ? '' : i.passed ? tpl.l('yes') : tpl.l('no');

/** The de-facto spreadsheet layouts (STANDARD.md §3): column headers come from the template. */
function bankTable(ctx: BuildContext, tpl: Template, bank: BankKind, items: BankItem[]): Block {
  const sheet = tpl.l(`sheet.${bank}`);
  if (bank === 'should-not-refuse') {
    return table(
      [tpl.l('col.question'), tpl.l('col.label'), tpl.l('col.answer')],
      items.map((i) => [i.question, i.category ?? '', i.answer ?? '']),
      sheet,
      sheet,
    );
  }
  return table(
    [
      tpl.l('col.testType'),
      tpl.l(`col.question.${bank}`),
      tpl.l('col.riskItem'),
      tpl.l('col.category'),
      tpl.l('col.answer'),
      tpl.l('col.passed'),
    ],
    items.map((i) => [
      i.testType ?? '',
      i.question,
      i.risk ? riskTitle(ctx.kb, i.risk, ctx.lang) : '',
      i.category ?? categoryOf(ctx, i.risk),
      i.answer ?? '',
      passLabel(tpl, i),
    ]),
    sheet,
    sheet,
  );
}

export const genaiTestBanks: DocumentDef = {
  id: 'genai-test-banks',
  family: 'genai',
  filing: 'genai-filing',
  formats: EXPORT,
  build: (ctx, tpl) => {
    const banks = ctx.evidence.banks;
    const kinds: BankKind[] = ['generation', 'should-refuse', 'should-not-refuse'];
    const summary = table(
      [tpl.l('col.bank'), tpl.l('col.size'), tpl.l('col.requirement'), tpl.l('col.result')],
      kinds.map((k) => {
        const n = banks?.[k]?.length;
        const c = check(ctx, `bank.${k}.total.min`, n);
        return [tpl.l(`bank.${k}`), n ?? null, c.requirement, verdict(tpl, c.pass)];
      }),
      tpl.l('caption.banks'),
      tpl.l('sheet.summary'),
    );
    const sections: Section[] = [tpl.sec('summary', {}, [summary])];
    for (const k of kinds) {
      const items = banks?.[k];
      sections.push(
        tpl.sec(
          `bank-${k}`,
          { n: items?.length ?? '—' },
          items ? [bankTable(ctx, tpl, k, items)] : [evidenceTodo(tpl, 'banks')],
        ),
      );
    }
    return sections;
  },
};
