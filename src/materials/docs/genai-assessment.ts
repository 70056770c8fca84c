import { joinList } from '../../i18n/index.js';
import type { BankKind, Evidence } from '../evidence.js';
import { type Block, paragraph, type Section, todo } from '../model.js';
import type { Template } from '../template.js';
import { measureSections } from './algorithm-reports.js';
import {
  type Check,
  check,
  checksTable,
  evidenceTodo,
  orgName,
  pct,
  riskTitle,
  table,
  textOr,
  verdict,
} from './common.js';
import type { BuildContext, DocumentDef } from './context.js';
import { PROSE } from './context.js';

const BANKS: readonly BankKind[] = ['generation', 'should-refuse', 'should-not-refuse'];

/** Threshold ids per bank: size, sample, result (all read from the KB). */
const BANK_THRESHOLDS: Record<BankKind, { total: string; sample: string; rate: string }> = {
  generation: {
    total: 'bank.generation.total.min',
    sample: 'eval.generation.sample.min',
    rate: 'eval.generation.pass-rate.min',
  },
  'should-refuse': {
    total: 'bank.should-refuse.total.min',
    sample: 'eval.should-refuse.sample.min',
    rate: 'eval.should-refuse.refusal-rate.min',
  },
  'should-not-refuse': {
    total: 'bank.should-not-refuse.total.min',
    sample: 'eval.should-not-refuse.sample.min',
    rate: 'eval.should-not-refuse.refusal-rate.max',
  },
};

function sourcesSection(ctx: BuildContext, tpl: Template, checks: Check[]): Section {
  const rows = ctx.evidence.sources;
  if (!rows) return tpl.sec('sources', {}, [evidenceTodo(tpl, 'sources')], [], false);
  const maxId = 'source.illegal-rate.max';
  const ledger = table(
    [
      tpl.l('col.sourceName'),
      tpl.l('col.type'),
      tpl.l('col.licence'),
      tpl.l('col.agreement'),
      tpl.l('col.crossBorder'),
      tpl.l('col.items'),
      tpl.l('col.illegalRate'),
      tpl.l('col.problems'),
      tpl.l('col.result'),
    ],
    rows.map((r) => {
      const c = r.illegalRate === undefined ? undefined : check(ctx, maxId, r.illegalRate);
      if (c) checks.push({ ...c, title: `${c.title}: ${r.name}` });
      // The verdict rests on the same evidence as `beian sources check`: any error it reports for
      // the source makes the source non-compliant, whatever its illegal-content rate.
      const problems = (r.problems ?? []).filter((p) => p.code !== 'illegal-rate-exceeded');
      if (problems.length)
        checks.push({
          thresholdId: 'sources-check',
          title: `${tpl.l('col.problems')}: ${r.name}`,
          requirement: '—',
          measured: problems.map((p) => p[ctx.lang]).join('；'),
          pass: false,
          source: 'beian sources check',
        });
      const pass = problems.length ? false : c?.pass;
      return [
        r.name,
        tpl.l(`source.${r.type}`),
        r.licence ?? '',
        r.agreement ?? '',
        r.crossBorder === undefined ? '' : r.crossBorder ? tpl.l('yes') : tpl.l('no'),
        r.items ?? null,
        r.illegalRate === undefined ? '—' : pct(r.illegalRate),
        r.problems === undefined ? '' : r.problems.map((p) => p[ctx.lang]).join('；') || '—',
        verdict(tpl, pass),
      ];
    }),
    tpl.l('caption.ledger'),
    tpl.l('sheet.ledger'),
  );
  const byType = new Map<string, { n: number; items: number }>();
  for (const r of rows) {
    const e = byType.get(r.type) ?? { n: 0, items: 0 };
    byType.set(r.type, { n: e.n + 1, items: e.items + (r.items ?? 0) });
  }
  const totalItems = [...byType.values()].reduce((a, b) => a + b.items, 0);
  const mix: Block = {
    kind: 'chart',
    title: tpl.l('chart.mix'),
    unit: 'ratio',
    bars: [...byType].map(([type, v]) => ({
      label: tpl.l(`source.${type}`),
      value: totalItems ? v.items / totalItems : 0,
    })),
  };
  const crossBorder = rows.filter((r) => r.crossBorder).length;
  return tpl.sec('sources', { n: rows.length, crossBorder }, [ledger, mix]);
}

function scanSection(ctx: BuildContext, tpl: Template, checks: Check[]): Section {
  const s = ctx.evidence.scan;
  if (!s) return tpl.sec('content', {}, [evidenceTodo(tpl, 'scan')], [], false);
  const own: Check[] = [];
  const passRate = (x: { size: number; passed: number }) => (x.size ? x.passed / x.size : 0);
  if (s.manualSample) {
    own.push(check(ctx, 'corpus.manual.sample.min', s.manualSample.size));
    own.push(check(ctx, 'corpus.manual.pass-rate.min', passRate(s.manualSample)));
  }
  if (s.technicalSample) {
    own.push(check(ctx, 'corpus.technical.sample-fraction.min', s.technicalSample.fraction));
    own.push(check(ctx, 'corpus.technical.pass-rate.min', passRate(s.technicalSample)));
  }
  checks.push(...own);
  const blocks: Block[] = [];
  if (!s.manualSample) blocks.push(todo(tpl.l('todo.manualSample'), 'evidence.scan.manualSample', true));
  if (!s.technicalSample)
    blocks.push(todo(tpl.l('todo.technicalSample'), 'evidence.scan.technicalSample', true));
  if (own.length) blocks.push(checksTable(tpl, own, tpl.l('caption.corpusChecks')));
  if (s.byRisk?.length) {
    blocks.push(
      table(
        [tpl.l('col.risk'), tpl.l('col.hits')],
        s.byRisk.map((r) => [riskTitle(ctx.kb, r.risk, ctx.lang), r.hits]),
        tpl.l('caption.hits'),
      ),
    );
  }
  const rate = s.items ? s.flagged / s.items : 0;
  return tpl.sec(
    'content',
    {
      items: s.items.toLocaleString('en-US'),
      flagged: s.flagged.toLocaleString('en-US'),
      rate: pct(rate),
      at: s.at ?? '—',
    },
    blocks,
  );
}

function piiSection(ctx: BuildContext, tpl: Template): Section {
  const p = ctx.evidence.pii;
  if (!p) return tpl.sec('pii', {}, [evidenceTodo(tpl, 'pii')], [], false);
  const blocks: Block[] = [
    table(
      [tpl.l('col.piiType'), tpl.l('col.count')],
      p.findings.map((f) => [f.type, f.count]),
      tpl.l('caption.pii'),
    ),
  ];
  if (p.residual === undefined) blocks.push(todo(tpl.l('todo.piiResidual'), 'evidence.pii.residual', true));
  return tpl.sec(
    'pii',
    { items: p.items.toLocaleString('en-US'), strategy: p.strategy ?? '—', residual: p.residual ?? '—' },
    blocks,
  );
}

/** Size in the bank per risk: from the run's per-risk table, else from the exported bank. */
function perRiskSizes(ev: Evidence, bank: BankKind): Map<string, number> | undefined {
  const out = new Map<string, number>();
  const rows = ev.redteam?.perRisk?.filter((r) => r.bank === bank);
  if (rows?.length) {
    for (const r of rows) out.set(r.risk, (out.get(r.risk) ?? 0) + r.size);
    return out;
  }
  const items = ev.banks?.[bank];
  if (!items) return undefined;
  for (const i of items) if (i.risk) out.set(i.risk, (out.get(i.risk) ?? 0) + 1);
  return out;
}

function bankSection(ctx: BuildContext, tpl: Template, checks: Check[]): Section {
  const rt = ctx.evidence.redteam;
  const own: Check[] = [];
  const blocks: Block[] = [];
  for (const bank of BANKS) {
    const size = rt?.banks.find((b) => b.bank === bank)?.size ?? ctx.evidence.banks?.[bank]?.length;
    if (size === undefined) continue;
    const c = check(ctx, BANK_THRESHOLDS[bank].total, size);
    own.push({ ...c, title: `${tpl.l(`bank.${bank}`)}: ${c.title}` });
  }
  // Per-risk coverage (the smallest risk decides): generation bank core A.1/A.2 vs other risks,
  // should-refuse bank over the core risks.
  const core = new Set(ctx.kb.riskCategories.filter((c) => c.core).map((c) => c.id));
  const coverage = (bank: BankKind, isCore: boolean | undefined, id: string) => {
    const sizes = perRiskSizes(ctx.evidence, bank);
    if (!sizes) return;
    const risks = ctx.kb.risks.filter((r) => isCore === undefined || core.has(r.category) === isCore);
    const n = Math.min(...risks.map((r) => sizes.get(r.id) ?? 0));
    own.push({
      ...check(ctx, id, n),
      title: `${tpl.l(`bank.${bank}`)}: ${check(ctx, id, n).title}`,
      measured: tpl.l('measured.minPerRisk', { n }),
    });
    const short = risks.filter((r) => !check(ctx, id, sizes.get(r.id) ?? 0).pass).map((r) => r.id);
    if (short.length)
      blocks.push(
        paragraph(tpl.l('bank.shortRisks', { bank: tpl.l(`bank.${bank}`), risks: short.join(', ') })),
      );
  };
  coverage('generation', true, 'bank.generation.per-risk.core.min');
  coverage('generation', false, 'bank.generation.per-risk.other.min');
  coverage('should-refuse', true, 'bank.should-refuse.per-risk.min');
  checks.push(...own);
  if (own.length === 0) return tpl.sec('banks', {}, [evidenceTodo(tpl, 'redteam')]);
  return tpl.sec('banks', {}, [checksTable(tpl, own, tpl.l('caption.bankChecks')), ...blocks]);
}

function resultsSection(ctx: BuildContext, tpl: Template, checks: Check[]): Section {
  const rt = ctx.evidence.redteam;
  if (!rt) return tpl.sec('results', {}, [evidenceTodo(tpl, 'redteam')], [], false);
  if (rt.gaps?.length)
    return tpl.sec(
      'results',
      {},
      [
        todo(
          tpl.l('todo.evidence.redteamGaps', { run: rt.runId ?? '—', gaps: rt.gaps.join('；') }),
          'evidence.redteam',
          true,
        ),
      ],
      [],
      false,
    );
  const own: Check[] = [];
  for (const b of rt.banks) {
    const t = BANK_THRESHOLDS[b.bank];
    const label = tpl.l(`bank.${b.bank}`);
    const sample = check(ctx, t.sample, b.evaluated);
    const rate = check(ctx, t.rate, b.rate);
    own.push({ ...sample, title: `${label}: ${sample.title}` });
    own.push({
      ...rate,
      title: `${label}: ${rate.title}`,
      measured: b.ci ? `${rate.measured} [${pct(b.ci[0])}, ${pct(b.ci[1])}]` : rate.measured,
    });
  }
  checks.push(...own);
  const chart: Block = {
    kind: 'chart',
    title: tpl.l('chart.banks'),
    unit: 'ratio',
    bars: rt.banks.map((b) => {
      const c = check(ctx, BANK_THRESHOLDS[b.bank].rate, b.rate);
      return {
        label: tpl.l(`bank.${b.bank}`),
        value: b.rate,
        threshold: ctx.kb.thresholds.find((t) => t.id === BANK_THRESHOLDS[b.bank].rate)?.value ?? 0,
        pass: c.pass ?? false,
      };
    }),
  };
  const blocks: Block[] = [checksTable(tpl, own, tpl.l('caption.results')), chart];
  const per = rt.perRisk ?? [];
  if (per.length) {
    blocks.push(
      table(
        [
          tpl.l('col.bank'),
          tpl.l('col.risk'),
          tpl.l('col.size'),
          tpl.l('col.evaluated'),
          tpl.l('col.rate'),
          tpl.l('col.result'),
        ],
        per.map((r) => {
          const c = check(ctx, BANK_THRESHOLDS[r.bank].rate, r.rate);
          return [
            tpl.l(`bank.${r.bank}`),
            riskTitle(ctx.kb, r.risk, ctx.lang),
            r.size,
            r.evaluated,
            pct(r.rate),
            verdict(tpl, c.pass),
          ];
        }),
        tpl.l('caption.perRisk'),
        tpl.l('sheet.perRisk'),
      ),
    );
  } else blocks.push(todo(tpl.l('todo.perRisk'), 'evidence.redteam.perRisk', false));
  return tpl.sec('results', { target: rt.target ?? '—', run: rt.runId ?? '—', at: rt.at ?? '—' }, blocks);
}

function keywordSection(ctx: BuildContext, tpl: Template, checks: Check[]): Section {
  const lx = ctx.evidence.lexicon;
  const m = ctx.project.measures;
  const blocks: Block[] = [
    textOr(tpl, m?.keywordBlocking, tpl.l('measure.keywordBlocking'), 'measures.keywordBlocking'),
  ];
  const g = ctx.evidence.guard;
  if (g)
    blocks.push(
      paragraph(
        tpl.l('guard.records', {
          since: g.since.slice(0, 10),
          total: g.total,
          input: g.byDirection.input,
          output: g.byDirection.output,
          block: g.byAction.block,
          mask: g.byAction.mask,
          flag: g.byAction.flag,
        }),
      ),
    );
  if (!lx) {
    blocks.push(evidenceTodo(tpl, 'lexicon'));
    return tpl.sec('keywords', {}, blocks, [], false);
  }
  const count = (cat: string) => {
    const ids = ctx.kb.risks.filter((r) => r.category === cat).map((r) => r.id);
    return Math.min(...ids.map((id) => lx.perRisk.find((p) => p.risk === id)?.count ?? 0));
  };
  const own = [
    check(ctx, 'lexicon.total.min', lx.total),
    {
      ...check(ctx, 'lexicon.per-risk.a1.min', count('A.1')),
      measured: tpl.l('measured.minPerRisk', { n: count('A.1') }),
    },
    {
      ...check(ctx, 'lexicon.per-risk.a2.min', count('A.2')),
      measured: tpl.l('measured.minPerRisk', { n: count('A.2') }),
    },
  ];
  checks.push(...own);
  blocks.push(checksTable(tpl, own, tpl.l('caption.lexicon')));
  return tpl.sec(
    'keywords',
    { total: lx.total.toLocaleString('en-US'), updated: lx.updatedAt ?? '—', version: lx.version ?? '—' },
    blocks,
  );
}

function abuseSection(ctx: BuildContext, tpl: Template): Section {
  const t = (id: string) => ctx.kb.thresholds.find((x) => x.id === id)?.value ?? '—';
  return tpl.sec(
    'abuse',
    { consecutive: t('service.abusive-user.consecutive.max'), perDay: t('service.abusive-user.per-day.max') },
    [
      textOr(tpl, ctx.project.measures?.abusiveUsers, tpl.l('measure.abusiveUsers'), 'measures.abusiveUsers'),
      ...(ctx.evidence.guard
        ? [
            paragraph(
              tpl.l('guard.suspended', {
                n: ctx.evidence.guard.suspended,
                since: ctx.evidence.guard.since.slice(0, 10),
              }),
            ),
          ]
        : []),
    ],
  );
}

export const genaiSecurityAssessment: DocumentDef = {
  id: 'genai-security-assessment',
  family: 'genai',
  filing: 'genai-filing',
  formats: PROSE,
  build: (ctx, tpl) => {
    const checks: Check[] = [];
    const models = joinList(
      ctx.subjects.models.map((s) => s.model.name),
      ctx.lang,
    );
    const overview = tpl.sec('overview', {
      org: orgName(ctx, tpl),
      models: models || tpl.l('todo.inline'),
      date: ctx.date,
    });
    const corpus = tpl.sec(
      'corpus',
      {},
      [],
      [
        sourcesSection(ctx, tpl, checks),
        scanSection(ctx, tpl, checks),
        piiSection(ctx, tpl),
        tpl.sec('annotation', {}),
      ],
    );
    const model = tpl.sec(
      'model-safety',
      {},
      [],
      [bankSection(ctx, tpl, checks), resultsSection(ctx, tpl, checks)],
    );
    const measures = tpl.sec(
      'measures',
      {},
      [],
      [
        keywordSection(ctx, tpl, checks),
        ...measureSections(ctx, tpl, [
          { key: 'refusalPolicy', required: true },
          { key: 'complaintChannel', required: true },
          { key: 'minors', required: true },
          { key: 'labelling', required: true },
        ]),
        abuseSection(ctx, tpl),
      ],
    );
    const failed = checks.filter((c) => c.pass === false);
    const summary: Block[] = [
      paragraph(
        tpl.l('conclusion.counts', {
          total: checks.length,
          passed: checks.filter((c) => c.pass).length,
          failed: failed.length,
        }),
      ),
    ];
    if (failed.length)
      summary.push({
        kind: 'list',
        items: failed.map((c) => `${c.title}: ${c.measured} (${c.requirement})`),
      });
    const missing = (['sources', 'scan', 'pii', 'redteam', 'lexicon'] as const).filter(
      (p) => !ctx.evidence[p],
    );
    if (missing.length)
      summary.push(
        todo(tpl.l('conclusion.missing', { parts: missing.join(', ') }), `evidence.${missing[0]}`, true),
      );
    return [overview, corpus, model, measures, tpl.sec('conclusion', {}, summary)];
  },
};
