import { joinList } from '../../i18n/index.js';
import { type Block, type Section, todo } from '../model.js';
import type { Template } from '../template.js';
import { entitySection } from './algorithm-forms.js';
import { measureSections } from './algorithm-reports.js';
import { fields, orgName, row, table, textOr, yesNo } from './common.js';
import type { BuildContext, DocumentDef, ModelSubject } from './context.js';
import { FORM, PROSE } from './context.js';

const join = (ctx: BuildContext, xs: readonly string[] | undefined): string | undefined =>
  xs?.length ? joinList(xs, ctx.lang) : undefined;

const noModels = (tpl: Template): Section[] => [
  tpl.sec('none', {}, [todo(tpl.l('todo.noModels'), 'services[].models', true)]),
];

function modelForm(ctx: BuildContext, tpl: Template, s: ModelSubject): Section {
  const m = s.model;
  const p = s.path;
  const vars = { name: m.name, service: s.service.name };
  const sourceTypes = (xs: readonly string[] | undefined) =>
    join(
      ctx,
      xs?.map((x) => tpl.l(`source.${x}`)),
    );
  return tpl.sec('model', vars, [
    fields([
      row(ctx, tpl.l('f.model.name'), m.name, `${p}.name`),
      row(ctx, tpl.l('f.model.functions'), join(ctx, m.functions), `${p}.functions`),
      row(ctx, tpl.l('f.model.domain'), m.domain, `${p}.domain`),
      row(
        ctx,
        tpl.l('f.model.parameters'),
        m.parametersBillions?.toString(),
        `${p}.parametersBillions`,
        false,
      ),
      row(ctx, tpl.l('f.model.baseModel'), m.baseModel, `${p}.baseModel`, false),
      row(
        ctx,
        tpl.l('f.model.baseModelFiled'),
        yesNo(tpl, m.baseModelFiled),
        `${p}.baseModelFiled`,
        m.baseModel !== undefined,
      ),
      row(ctx, tpl.l('f.model.trainingSize'), m.trainingCorpus?.size, `${p}.trainingCorpus.size`),
      row(
        ctx,
        tpl.l('f.model.trainingItems'),
        m.trainingCorpus?.items?.toString(),
        `${p}.trainingCorpus.items`,
        false,
      ),
      row(
        ctx,
        tpl.l('f.model.trainingSources'),
        sourceTypes(m.trainingCorpus?.sourceTypes),
        `${p}.trainingCorpus.sourceTypes`,
      ),
      row(
        ctx,
        tpl.l('f.model.annotationSize'),
        m.annotationCorpus?.size ?? m.annotationCorpus?.items?.toString(),
        `${p}.annotationCorpus.size`,
      ),
      row(
        ctx,
        tpl.l('f.model.annotationSources'),
        sourceTypes(m.annotationCorpus?.sourceTypes),
        `${p}.annotationCorpus.sourceTypes`,
        false,
      ),
      row(ctx, tpl.l('f.model.compute'), m.inferenceCompute, `${p}.inferenceCompute`),
      row(ctx, tpl.l('f.model.cloud'), m.cloud, `${p}.cloud`, false),
      row(
        ctx,
        tpl.l('f.model.serviceForms'),
        join(
          ctx,
          m.serviceForms?.map((f) => tpl.l(`form.${f}`)),
        ),
        `${p}.serviceForms`,
      ),
      row(ctx, tpl.l('f.model.filingNumber'), m.filingNumber, `${p}.filingNumber`, false),
    ]),
  ]);
}

export const genaiApplicationForm: DocumentDef = {
  id: 'genai-application-form',
  family: 'genai',
  filing: 'genai-filing',
  formats: FORM,
  build: (ctx, tpl) => [
    tpl.sec('intro', {}),
    entitySection(ctx, tpl),
    ...(ctx.subjects.models.length ? ctx.subjects.models.map((s) => modelForm(ctx, tpl, s)) : noModels(tpl)),
    tpl.sec('attachments', {}, [
      {
        kind: 'list',
        items: ['a-security', 'a-agreement', 'a-annotation', 'a-keywords', 'a-banks'].map((k) => tpl.l(k)),
      },
    ]),
  ],
};

function listOr(tpl: Template, items: string[] | undefined, label: string, field: string): Block {
  return items?.length ? { kind: 'list', items, ordered: true } : textOr(tpl, undefined, label, field);
}

export const genaiAnnotationRules: DocumentDef = {
  id: 'genai-annotation-rules',
  family: 'genai',
  filing: 'genai-filing',
  formats: PROSE,
  build: (ctx, tpl) => {
    if (!ctx.subjects.models.length) return noModels(tpl);
    return ctx.subjects.models.map((s) => {
      const a = s.model.annotation;
      const p = `${s.path}.annotation`;
      const vars = { name: s.model.name, org: orgName(ctx, tpl) };
      // The safety label set IS the standard's risk taxonomy: taken from the KB, not written here.
      const labels = table(
        [tpl.l('col.riskId'), tpl.l('col.category'), tpl.l('col.risk')],
        ctx.kb.risks.map((r) => [
          r.id,
          ctx.kb.riskCategories.find((c) => c.id === r.category)?.title[ctx.lang] ?? r.category,
          r.title[ctx.lang],
        ]),
        tpl.l('caption.labels'),
      );
      return tpl.sec(
        'model',
        vars,
        [],
        [
          tpl.sec('scope', vars),
          tpl.sec('team', vars, [textOr(tpl, a?.team, tpl.l('f.ann.team'), `${p}.team`)]),
          tpl.sec('functional', vars, [
            listOr(tpl, a?.functionalRules, tpl.l('f.ann.functional'), `${p}.functionalRules`),
          ]),
          tpl.sec('safety', vars, [
            listOr(tpl, a?.safetyRules, tpl.l('f.ann.safety'), `${p}.safetyRules`),
            labels,
          ]),
          tpl.sec('quality', vars, [
            textOr(tpl, a?.qualityCheck, tpl.l('f.ann.quality'), `${p}.qualityCheck`),
          ]),
          tpl.sec('training', vars, [
            textOr(tpl, a?.training, tpl.l('f.ann.training'), `${p}.training`, false),
          ]),
        ],
      );
    });
  },
};

export const genaiServiceAgreement: DocumentDef = {
  id: 'genai-service-agreement',
  family: 'genai',
  filing: 'genai-filing',
  formats: PROSE,
  build: (ctx, tpl) => {
    if (!ctx.subjects.models.length) return noModels(tpl);
    const o = ctx.project.organisation;
    return ctx.subjects.models.map((s) => {
      const m = s.model;
      const vars = {
        name: m.name,
        service: s.service.name,
        org: orgName(ctx, tpl),
        address: o?.address ?? tpl.l('todo.inline'),
        functions: join(ctx, m.functions) ?? tpl.l('todo.inline'),
        age: m.minUserAge ?? tpl.l('todo.inline'),
      };
      const minors =
        m.minUserAge === undefined
          ? [textOr(tpl, undefined, tpl.l('f.model.minUserAge'), `${s.path}.minUserAge`)]
          : [];
      return tpl.sec(
        'model',
        vars,
        [],
        [
          tpl.sec('parties', vars),
          tpl.sec('service', vars),
          tpl.sec('user-obligations', vars),
          tpl.sec('content', vars),
          tpl.sec('personal-info', vars),
          tpl.sec('minors', vars, minors),
          tpl.sec('labelling', vars),
          ...measureSections(ctx, tpl, [{ key: 'complaintChannel', required: true }]),
          tpl.sec('changes', vars),
          tpl.sec('law', vars),
        ],
      );
    });
  },
};
