import { translator } from '../../i18n/index.js';
import type { Section } from '../model.js';
import type { Template } from '../template.js';
import { fields, row, textOr } from './common.js';
import type { AlgorithmSubject, BuildContext, DocumentDef } from './context.js';
import { FORM, PROSE } from './context.js';

/** Algorithm type titles from the KB, e.g. "个性化推送类、排序精选类". */
export function typeTitles(ctx: BuildContext, s: AlgorithmSubject): string | undefined {
  const ids = s.algorithm.types ?? [];
  if (ids.length === 0) return undefined;
  const sep = translator(ctx.lang)('list.sep');
  return ids.map((id) => ctx.kb.algorithmTypes.find((t) => t.id === id)?.title[ctx.lang] ?? id).join(sep);
}

export function roleTitle(tpl: Template, s: AlgorithmSubject): string | undefined {
  return s.algorithm.role ? tpl.l(`role.${s.algorithm.role}`) : undefined;
}

/** 主体信息: the entity part of the filing system, shared by the basic-info sheet and the GenAI form. */
export function entitySection(ctx: BuildContext, tpl: Template): Section {
  const o = ctx.project.organisation;
  const officer = o?.securityOfficer;
  const contact = o?.contacts?.[0];
  const reach = (c: { phone?: string | undefined; email?: string | undefined } | undefined) =>
    c ? [c.phone, c.email].filter(Boolean).join(' / ') || undefined : undefined;
  return tpl.sec('entity', {}, [
    fields([
      row(ctx, tpl.l('f.org.name'), o?.name, 'organisation.name'),
      row(ctx, tpl.l('f.org.uscc'), o?.uscc, 'organisation.uscc'),
      row(ctx, tpl.l('f.org.entityType'), o?.entityType, 'organisation.entityType', false),
      row(
        ctx,
        tpl.l('f.org.legalRepresentative'),
        o?.legalRepresentative,
        'organisation.legalRepresentative',
      ),
      row(ctx, tpl.l('f.org.address'), o?.address, 'organisation.address'),
      row(ctx, tpl.l('f.org.icp'), o?.icp, 'organisation.icp', false),
      row(ctx, tpl.l('f.org.website'), o?.website, 'organisation.website', false),
      row(ctx, tpl.l('f.org.officer'), officer?.name, 'organisation.securityOfficer.name'),
      row(ctx, tpl.l('f.org.officerContact'), reach(officer), 'organisation.securityOfficer.phone'),
      row(ctx, tpl.l('f.org.contact'), contact?.name, 'organisation.contacts[0].name', false),
      row(ctx, tpl.l('f.org.contactReach'), reach(contact), 'organisation.contacts[0].email', false),
    ]),
  ]);
}

function algorithmSheet(ctx: BuildContext, tpl: Template, s: AlgorithmSubject): Section {
  const a = s.algorithm;
  const p = s.path;
  const vars = { name: a.name, service: s.service.name };
  const basic = tpl.sec('basic', vars, [
    fields([
      row(ctx, tpl.l('f.alg.name'), a.name, `${p}.name`),
      row(ctx, tpl.l('f.alg.types'), typeTitles(ctx, s), `${p}.types`),
      row(ctx, tpl.l('f.alg.role'), roleTitle(tpl, s), `${p}.role`),
      row(ctx, tpl.l('f.alg.domain'), a.domain, `${p}.domain`),
    ]),
  ]);
  const detail = tpl.sec('detail', vars, [
    fields([
      row(ctx, tpl.l('f.alg.principle'), a.principle, `${p}.principle`),
      row(ctx, tpl.l('f.alg.mechanism'), a.mechanism, `${p}.mechanism`),
      row(ctx, tpl.l('f.alg.scenarios'), a.scenarios, `${p}.scenarios`),
      row(ctx, tpl.l('f.alg.purpose'), a.purpose, `${p}.purpose`),
      row(ctx, tpl.l('f.alg.modelType'), a.modelType, `${p}.modelType`, false),
      row(ctx, tpl.l('f.alg.dataSources'), a.dataSources, `${p}.dataSources`, false),
      row(ctx, tpl.l('f.alg.users'), a.users, `${p}.users`, false),
    ]),
  ]);
  const provider = a.role !== 'technical-supporter';
  const product = tpl.sec(provider ? 'product' : 'technical-service', vars, [
    fields([
      row(ctx, tpl.l('f.alg.productName'), a.product?.name, `${p}.product.name`, provider),
      row(ctx, tpl.l('f.alg.productForm'), a.product?.form, `${p}.product.form`, provider),
      row(ctx, tpl.l('f.alg.productUrl'), a.product?.url, `${p}.product.url`, false),
      row(ctx, tpl.l('f.alg.productDescription'), a.product?.description, `${p}.product.description`),
      row(ctx, tpl.l('f.alg.optOut'), a.optOut, `${p}.optOut`, provider),
    ]),
  ]);
  return tpl.sec('algorithm', vars, [], [basic, detail, product]);
}

function noAlgorithms(_ctx: BuildContext, tpl: Template): Section[] {
  return [tpl.sec('none', {}, [textOr(tpl, undefined, tpl.l('f.alg.name'), 'services[].algorithms')])];
}

export const algorithmBasicInfo: DocumentDef = {
  id: 'algorithm-basic-info',
  family: 'algorithm',
  filing: 'algorithm-filing',
  formats: FORM,
  build: (ctx, tpl) => [
    tpl.sec('intro', { limitsVersion: ctx.templates.portal.version }),
    entitySection(ctx, tpl),
    ...(ctx.subjects.algorithms.length
      ? ctx.subjects.algorithms.map((s) => algorithmSheet(ctx, tpl, s))
      : noAlgorithms(ctx, tpl)),
  ],
};

export const algorithmDisclosure: DocumentDef = {
  id: 'algorithm-disclosure',
  family: 'algorithm',
  filing: 'algorithm-filing',
  formats: PROSE,
  build: (ctx, tpl) => [
    tpl.sec('intro', { org: ctx.project.organisation?.name ?? tpl.l('todo.inline') }),
    ...(ctx.subjects.algorithms.length
      ? ctx.subjects.algorithms.map((s) => {
          const a = s.algorithm;
          const p = s.path;
          const vars = {
            name: a.name,
            service: s.service.name,
            types: typeTitles(ctx, s) ?? tpl.l('todo.inline'),
          };
          return tpl.sec(
            'algorithm',
            vars,
            [],
            [
              tpl.sec('principle', vars, [
                textOr(tpl, a.principle, tpl.l('f.alg.principle'), `${p}.principle`),
              ]),
              tpl.sec('mechanism', vars, [
                textOr(tpl, a.mechanism, tpl.l('f.alg.mechanism'), `${p}.mechanism`),
              ]),
              tpl.sec('purpose', vars, [textOr(tpl, a.purpose, tpl.l('f.alg.purpose'), `${p}.purpose`)]),
              tpl.sec('scenarios', vars, [
                textOr(tpl, a.scenarios, tpl.l('f.alg.scenarios'), `${p}.scenarios`),
              ]),
              tpl.sec('user-rights', vars, [
                textOr(tpl, a.optOut, tpl.l('f.alg.optOut'), `${p}.optOut`, a.role !== 'technical-supporter'),
              ]),
            ],
          );
        })
      : noAlgorithms(ctx, tpl)),
  ],
};
