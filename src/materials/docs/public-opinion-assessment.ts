import type { Template } from '../template.js';
import { measureSections } from './algorithm-reports.js';
import { fields, orgName, row } from './common.js';
import type { DocumentDef } from './context.js';
import { PROSE } from './context.js';

const join = (tpl: Template, xs: readonly string[] | undefined): string | undefined =>
  xs?.length ? xs.join(tpl.l('sep.list')) : undefined;

/**
 * The security assessment of services with public-opinion attributes (算法推荐管理规定 Art. 27,
 * 深度合成规定 Art. 20, 生成式办法 Art. 17; points of the 2018 provisions): one report for the
 * services the assessment applies to, built from the organisation's measures.
 */
export const publicOpinionAssessmentReport: DocumentDef = {
  id: 'public-opinion-assessment-report',
  family: 'public-opinion',
  filing: 'public-opinion-assessment',
  formats: PROSE,
  build: (ctx, tpl) => [
    tpl.sec('overview', { org: orgName(ctx, tpl), date: ctx.date, n: ctx.subjects.publicOpinion.length }),
    tpl.sec(
      'services',
      {},
      [],
      ctx.subjects.publicOpinion.map((s) =>
        tpl.sec('service', { name: s.service.name }, [
          fields([
            row(ctx, tpl.l('f.po.description'), s.service.description, `${s.path}.description`, false),
            row(
              ctx,
              tpl.l('f.po.forms'),
              join(
                tpl,
                s.service.answers.serviceForms?.map((f) => tpl.l(`reg.form.${f}`)),
              ),
              `${s.path}.answers.serviceForms`,
              false,
            ),
            row(
              ctx,
              tpl.l('f.po.users'),
              s.service.answers.usersReached?.toString(),
              `${s.path}.answers.usersReached`,
              false,
            ),
          ]),
        ]),
      ),
    ),
    tpl.sec(
      'points',
      {},
      [],
      measureSections(ctx, tpl, [
        { key: 'staffing', required: true },
        { key: 'identityVerification', required: true },
        { key: 'dataSecurity', required: true },
        { key: 'monitoring', required: true },
        { key: 'violationHandling', required: true },
        { key: 'complaintChannel', required: true },
        { key: 'incidentResponse', required: true },
      ]),
    ),
    tpl.sec('conclusion', { org: orgName(ctx, tpl) }),
  ],
};
