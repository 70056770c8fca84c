import type { Service } from '../../project/index.js';
import { type Block, paragraph, type Section, todo } from '../model.js';
import type { Template } from '../template.js';
import { entitySection } from './algorithm-forms.js';
import { measureSections } from './algorithm-reports.js';
import { fields, orgName, row, textOr } from './common.js';
import type { BuildContext, DocumentDef, ServiceSubject } from './context.js';
import { FORM, PROSE } from './context.js';

/**
 * The registration (登记) set for an app that calls an already-filed model through its API: the
 * registration form, the model-call agreement, and the display duty (the filed model's name and
 * that model's filing number; Shanghai also the app's own 上线编号).
 */
const noApps = (tpl: Template): Section[] => [
  tpl.sec('none', {}, [todo(tpl.l('todo.noRegistrations'), 'services[].answers.model', true)]),
];

const join = (tpl: Template, xs: readonly string[] | undefined): string | undefined =>
  xs?.length ? xs.join(tpl.l('sep.list')) : undefined;

/** Shanghai asks for the app's own launch number on display: from the region, else the address. */
export function isShanghai(ctx: BuildContext, service: Service): boolean {
  const region = service.registration?.region ?? ctx.project.organisation?.address ?? '';
  return /^\s*(上海|shanghai)/i.test(region);
}

function vars(ctx: BuildContext, tpl: Template, s: ServiceSubject) {
  const m = s.service.answers.model;
  return {
    name: s.service.name,
    org: orgName(ctx, tpl),
    model: m?.name ?? tpl.l('todo.inline'),
    number: m?.filingNumber ?? tpl.l('todo.inline'),
    provider: m?.provider ?? tpl.l('todo.inline'),
    launch: s.service.registration?.number ?? tpl.l('todo.inline'),
  };
}

/** One section per registered app, or the to-do saying there is none. */
const perApp =
  (app: (ctx: BuildContext, tpl: Template, s: ServiceSubject, v: ReturnType<typeof vars>) => Section) =>
  (ctx: BuildContext, tpl: Template): Section[] =>
    ctx.subjects.registrations.length
      ? ctx.subjects.registrations.map((s) => app(ctx, tpl, s, vars(ctx, tpl, s)))
      : noApps(tpl);

const REGISTRATION = { family: 'registration', filing: 'genai-registration' } as const;

function appForm(ctx: BuildContext, tpl: Template, s: ServiceSubject, v: ReturnType<typeof vars>): Section {
  const a = s.service.answers;
  const p = s.path;
  return tpl.sec('app', v, [
    fields([
      row(ctx, tpl.l('f.reg.appName'), s.service.name, `${p}.name`),
      row(ctx, tpl.l('f.reg.description'), s.service.description, `${p}.description`),
      row(
        ctx,
        tpl.l('f.reg.forms'),
        join(
          tpl,
          a.serviceForms?.map((f) => tpl.l(`reg.form.${f}`)),
        ),
        `${p}.answers.serviceForms`,
      ),
      row(
        ctx,
        tpl.l('f.reg.modalities'),
        join(
          tpl,
          a.generates?.map((m) => tpl.l(`reg.modality.${m}`)),
        ),
        `${p}.answers.generates`,
      ),
      row(ctx, tpl.l('f.reg.model'), a.model?.name, `${p}.answers.model.name`),
      row(ctx, tpl.l('f.reg.modelNumber'), a.model?.filingNumber, `${p}.answers.model.filingNumber`),
      row(ctx, tpl.l('f.reg.provider'), a.model?.provider, `${p}.answers.model.provider`),
      row(ctx, tpl.l('f.reg.noTraining'), tpl.l('reg.noTraining'), `${p}.answers.model.source`),
      row(ctx, tpl.l('f.reg.users'), a.usersReached?.toString(), `${p}.answers.usersReached`, false),
      row(ctx, tpl.l('f.reg.region'), s.service.registration?.region, `${p}.registration.region`, false),
      row(ctx, tpl.l('f.reg.number'), s.service.registration?.number, `${p}.registration.number`, false),
    ]),
  ]);
}

export const genaiRegistrationForm: DocumentDef = {
  id: 'genai-registration-form',
  ...REGISTRATION,
  formats: FORM,
  build: (ctx, tpl) => [
    tpl.sec('intro', {}),
    entitySection(ctx, tpl),
    ...perApp(appForm)(ctx, tpl),
    tpl.sec(
      'measures',
      {},
      [],
      measureSections(ctx, tpl, [
        { key: 'keywordBlocking', required: true },
        { key: 'refusalPolicy', required: true },
        { key: 'complaintChannel', required: true },
        { key: 'labelling', required: true },
      ]),
    ),
    tpl.sec('attachments', {}, [{ kind: 'list', items: ['a-agreement', 'a-display'].map((k) => tpl.l(k)) }]),
  ],
};

export const genaiApiAgreement: DocumentDef = {
  id: 'genai-api-agreement',
  ...REGISTRATION,
  formats: PROSE,
  build: perApp((_ctx, tpl, s, v) => {
    const m = s.service.answers.model;
    const missing: Block[] = [
      ...(m?.provider
        ? []
        : [textOr(tpl, undefined, tpl.l('f.reg.provider'), `${s.path}.answers.model.provider`)]),
      ...(m?.filingNumber
        ? []
        : [textOr(tpl, undefined, tpl.l('f.reg.modelNumber'), `${s.path}.answers.model.filingNumber`)]),
    ];
    return tpl.sec(
      'app',
      v,
      [],
      [
        tpl.sec('parties', v, missing),
        tpl.sec('subject', v),
        tpl.sec('scope', v),
        tpl.sec('content', v),
        tpl.sec('personal-info', v),
        tpl.sec('labelling', v),
        tpl.sec('incidents', v),
        tpl.sec('term', v),
        tpl.sec('signed', v, [
          textOr(
            tpl,
            s.service.registration?.agreement,
            tpl.l('f.reg.agreement'),
            `${s.path}.registration.agreement`,
          ),
        ]),
      ],
    );
  }),
};

export const genaiRegistrationDisplay: DocumentDef = {
  id: 'genai-registration-display',
  ...REGISTRATION,
  formats: PROSE,
  build: perApp((ctx, tpl, s, v) => {
    const m = s.service.answers.model;
    const shanghai = isShanghai(ctx, s.service);
    const items = fields([
      row(ctx, tpl.l('f.reg.model'), m?.name, `${s.path}.answers.model.name`),
      row(ctx, tpl.l('f.reg.modelNumber'), m?.filingNumber, `${s.path}.answers.model.filingNumber`),
      ...(shanghai
        ? [
            row(
              ctx,
              tpl.l('f.reg.number'),
              s.service.registration?.number,
              `${s.path}.registration.number`,
              // issued only once registered: shown as to-complete, not a gap that blocks the filing
              false,
              tpl.l('reg.shanghaiNote'),
            ),
          ]
        : []),
    ]);
    const sample = shanghai ? tpl.l('reg.sample.shanghai', v) : tpl.l('reg.sample', v);
    return tpl.sec(
      'app',
      v,
      [],
      [
        tpl.sec('items', v, [items]),
        tpl.sec('sample', v, [paragraph(sample)]),
        tpl.sec('placement', v),
        tpl.sec('ai-label', v),
      ],
    );
  }),
};
