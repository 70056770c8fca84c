import { formatCitation } from '../../kb/index.js';
import type { Measures } from '../../project/index.js';
import type { ChecklistResult, FairnessFlag } from '../evidence.js';
import { type Block, paragraph, type Section, section, todo } from '../model.js';
import type { Template } from '../template.js';
import { roleTitle, typeTitles } from './algorithm-forms.js';
import { evidenceTodo, fields, orgName, row, table, textOr, verdict } from './common.js';
import type { AlgorithmSubject, BuildContext, DocumentDef } from './context.js';
import { PROSE } from './context.js';

const AREAS = ['transparency', 'explainability', 'fairness', 'user-rights', 'security', 'other'] as const;

function checklistBlocks(_ctx: BuildContext, tpl: Template, items: ChecklistResult[]): Block[] {
  if (items.length === 0) return [evidenceTodo(tpl, 'checklist')];
  const chart: Block = {
    kind: 'chart',
    title: tpl.l('chart.checklist'),
    unit: 'ratio',
    bars: AREAS.flatMap((area) => {
      const inArea = items.filter((i) => i.area === area && i.status !== 'not-applicable');
      if (inArea.length === 0) return [];
      const met = inArea.filter((i) => i.status === 'met').length;
      return [{ label: tpl.l(`area.${area}`), value: met / inArea.length, pass: met === inArea.length }];
    }),
  };
  return [
    table(
      [tpl.l('col.id'), tpl.l('col.area'), tpl.l('col.question'), tpl.l('col.status'), tpl.l('col.evidence')],
      items.map((i) => [
        i.id,
        tpl.l(`area.${i.area}`),
        i.question,
        tpl.l(`status.${i.status}`),
        i.evidence ?? '',
      ]),
      tpl.l('caption.checklist'),
    ),
    chart,
  ];
}

function fairnessBlocks(tpl: Template, flags: FairnessFlag[]): Block[] {
  if (flags.length === 0) return [evidenceTodo(tpl, 'fairness')];
  return [
    table(
      [tpl.l('col.audit'), tpl.l('col.metric'), tpl.l('col.value'), tpl.l('col.result'), tpl.l('col.detail')],
      flags.map((f) => [
        tpl.l(`audit.${f.audit}`),
        f.metric ?? '',
        f.value ?? null,
        verdict(tpl, f.passed),
        f.detail ?? '',
      ]),
      tpl.l('caption.fairness'),
    ),
  ];
}

/** Evidence items that concern this algorithm: tagged with its id, or untagged (portfolio-wide). */
const forAlgorithm = <T extends { algorithm?: string | undefined }>(
  items: T[] | undefined,
  id: string,
): T[] | undefined => items?.filter((i) => i.algorithm === undefined || i.algorithm === id);

function algorithmChapter(ctx: BuildContext, tpl: Template, s: AlgorithmSubject): Section {
  const a = s.algorithm;
  const p = s.path;
  const vars = { name: a.name, service: s.service.name };
  const checklist = forAlgorithm(ctx.evidence.checklist, a.id);
  const fairness = forAlgorithm(ctx.evidence.fairness, a.id);
  const risks = a.riskMeasures ?? [];
  return tpl.sec(
    'algorithm',
    vars,
    [],
    [
      tpl.sec('basics', vars, [
        fields([
          row(ctx, tpl.l('f.alg.types'), typeTitles(ctx, s), `${p}.types`),
          row(ctx, tpl.l('f.alg.role'), roleTitle(tpl, s), `${p}.role`),
          row(ctx, tpl.l('f.alg.principle'), a.principle, `${p}.principle`),
          row(ctx, tpl.l('f.alg.mechanism'), a.mechanism, `${p}.mechanism`),
          row(ctx, tpl.l('f.alg.scenarios'), a.scenarios, `${p}.scenarios`),
          row(ctx, tpl.l('f.alg.purpose'), a.purpose, `${p}.purpose`),
          row(ctx, tpl.l('f.alg.dataSources'), a.dataSources, `${p}.dataSources`, false),
        ]),
      ]),
      tpl.sec(
        'risks',
        vars,
        risks.length
          ? [
              table(
                [tpl.l('col.risk'), tpl.l('col.measure')],
                risks.map((r) => [r.risk, r.measure]),
                tpl.l('caption.risks'),
              ),
            ]
          : [textOr(tpl, undefined, tpl.l('f.alg.riskMeasures'), `${p}.riskMeasures`)],
      ),
      tpl.sec(
        'checklist',
        vars,
        checklist ? checklistBlocks(ctx, tpl, checklist) : [evidenceTodo(tpl, 'checklist')],
      ),
      ...(isDispatch(s) ? [workersSection(ctx, tpl, s)] : []),
      tpl.sec('fairness', vars, fairness ? fairnessBlocks(tpl, fairness) : [evidenceTodo(tpl, 'fairness')]),
      tpl.sec('user-rights', vars, [
        textOr(tpl, a.optOut, tpl.l('f.alg.optOut'), `${p}.optOut`, a.role !== 'technical-supporter'),
      ]),
    ],
  );
}

/** A dispatch algorithm: by its declared type, or the service's schedule-decide function. */
export const isDispatch = (s: AlgorithmSubject): boolean =>
  s.algorithm.types?.includes('scheduling-decision') ??
  s.service.answers.functions?.includes('schedule-decide') === true;

const WORKER_DUTIES = [
  ['workers/order-allocation', 'orderAllocation'],
  ['workers/pay', 'pay'],
  ['workers/working-time', 'workingTime'],
  ['workers/rewards-penalties', 'rewardsPenalties'],
] as const;

/**
 * Workers' rights (Art. 20): each duty the KB attaches to dispatch algorithms, with the filer's
 * account of how the rules meet it or a required to-complete box. Derived from the algorithm type,
 * never from the checklist's `groups`.
 */
function workersSection(ctx: BuildContext, tpl: Template, s: AlgorithmSubject): Section {
  const w = s.algorithm.workerRights ?? {};
  const children = WORKER_DUTIES.flatMap(([id, key]) => {
    const duty = ctx.kb.duties.find((d) => d.id === id);
    if (!duty) return [];
    return [
      section(
        id.replace('/', '-'),
        duty.title[ctx.lang],
        [
          paragraph(duty.text[ctx.lang]),
          textOr(tpl, w[key], duty.title[ctx.lang], `${s.path}.workerRights.${key}`),
        ],
        [],
        duty.citations.map((c) => formatCitation(ctx.kb, c, ctx.lang)),
      ),
    ];
  });
  return tpl.sec('workers', { name: s.algorithm.name }, [], children);
}

/** Counts of what failed and what is still missing, for the conclusion. */
function conclusion(ctx: BuildContext, tpl: Template): Block[] {
  const ids = new Set(ctx.subjects.algorithms.map((s) => s.algorithm.id));
  const relevant = <T extends { algorithm?: string | undefined }>(xs: T[] | undefined) =>
    (xs ?? []).filter((x) => x.algorithm === undefined || ids.has(x.algorithm));
  const notMet = relevant(ctx.evidence.checklist).filter((c) => c.status === 'not-met');
  const failed = relevant(ctx.evidence.fairness).filter((f) => !f.passed);
  const out: Block[] = [];
  if (!ctx.evidence.checklist || !ctx.evidence.fairness) {
    out.push(todo(tpl.l('conclusion.incomplete'), 'evidence.checklist', true));
  }
  if (notMet.length + failed.length > 0) {
    out.push(paragraph(tpl.l('conclusion.findings', { notMet: notMet.length, failed: failed.length })));
    out.push({
      kind: 'list',
      items: [
        ...notMet.map((c) => `${c.id} ${c.question}`),
        ...failed.map(
          (f) =>
            `${tpl.l(`audit.${f.audit}`)}${f.algorithm ? ` (${f.algorithm})` : ''}${f.detail ? `: ${f.detail}` : ''}`,
        ),
      ],
    });
  } else if (ctx.evidence.checklist && ctx.evidence.fairness) {
    out.push(paragraph(tpl.l('conclusion.clean')));
  }
  return out;
}

/** The organisation's measures, each the filer's text or a to-complete box. */
export function measureSections(
  ctx: BuildContext,
  tpl: Template,
  keys: readonly { key: keyof Measures; required: boolean }[],
): Section[] {
  const m = ctx.project.measures ?? {};
  return keys.map(({ key, required }) =>
    tpl.sec(`m-${key}`, {}, [textOr(tpl, m[key], tpl.l(`measure.${key}`), `measures.${key}`, required)]),
  );
}

export const algorithmSelfAssessment: DocumentDef = {
  id: 'algorithm-self-assessment',
  family: 'algorithm',
  filing: 'algorithm-filing',
  formats: PROSE,
  build: (ctx, tpl) => [
    tpl.sec('overview', { org: orgName(ctx, tpl), date: ctx.date, n: ctx.subjects.algorithms.length }),
    ...(ctx.subjects.algorithms.length
      ? ctx.subjects.algorithms.map((s) => algorithmChapter(ctx, tpl, s))
      : [tpl.sec('none', {}, [textOr(tpl, undefined, tpl.l('f.alg.name'), 'services[].algorithms')])]),
    tpl.sec(
      'management',
      {},
      [],
      measureSections(ctx, tpl, [
        { key: 'selfAssessment', required: true },
        { key: 'monitoring', required: true },
        { key: 'incidentResponse', required: true },
      ]),
    ),
    tpl.sec('conclusion', { org: orgName(ctx, tpl) }, conclusion(ctx, tpl)),
  ],
};

export const algorithmResponsibility: DocumentDef = {
  id: 'algorithm-responsibility',
  family: 'algorithm',
  filing: 'algorithm-filing',
  formats: PROSE,
  build: (ctx, tpl) => {
    const o = ctx.project.organisation;
    return [
      tpl.sec('intro', { org: orgName(ctx, tpl) }),
      tpl.sec('officer', {}, [
        fields([
          row(ctx, tpl.l('f.org.name'), o?.name, 'organisation.name'),
          row(ctx, tpl.l('f.org.officer'), o?.securityOfficer?.name, 'organisation.securityOfficer.name'),
          row(
            ctx,
            tpl.l('f.org.officerRole'),
            o?.securityOfficer?.role,
            'organisation.securityOfficer.role',
            false,
          ),
          row(ctx, tpl.l('f.org.contact'), o?.contacts?.[0]?.name, 'organisation.contacts[0].name', false),
        ]),
      ]),
      tpl.sec(
        'policies',
        {},
        [],
        measureSections(ctx, tpl, [
          { key: 'selfAssessment', required: true },
          { key: 'monitoring', required: true },
          { key: 'incidentResponse', required: true },
          { key: 'violationHandling', required: true },
          { key: 'dataSecurity', required: true },
          { key: 'ethicsReview', required: false },
          { key: 'staffing', required: false },
          { key: 'userRights', required: true },
          { key: 'complaintChannel', required: true },
          { key: 'minors', required: false },
        ]),
      ),
      tpl.sec('commitment', { org: orgName(ctx, tpl), date: ctx.date }),
    ];
  },
};
