import { joinList } from '../../i18n/index.js';
import { type Block, paragraph, type Section } from '../model.js';
import type { Template } from '../template.js';
import { evidenceTodo, orgName, textOr } from './common.js';
import type { BuildContext, DocumentDef } from './context.js';
import { PROSE } from './context.js';

/** Additions for deep-synthesis filing: labelling, real-identity verification, supporter duties. */
export const deepSynthesisAdditions: DocumentDef = {
  id: 'deep-synthesis-additions',
  family: 'deep-synthesis',
  filing: 'deep-synthesis-filing',
  formats: PROSE,
  build: (ctx, tpl) => {
    const m = ctx.project.measures;
    const services = ctx.subjects.deepSynthesis;
    const names = joinList(
      services.map((s) => s.name),
      ctx.lang,
    );
    const out: Section[] = [
      tpl.sec('intro', { org: orgName(ctx, tpl), services: names }),
      tpl.sec('labelling', {}, [
        textOr(tpl, m?.labelling, tpl.l('measure.labelling'), 'measures.labelling'),
        ...labelCheck(ctx, tpl),
      ]),
      tpl.sec('identity', {}, [
        textOr(
          tpl,
          m?.identityVerification,
          tpl.l('measure.identityVerification'),
          'measures.identityVerification',
        ),
      ]),
    ];
    if (services.some((s) => s.answers.faceVoice)) out.push(tpl.sec('face-voice', {}));
    const supporter = services
      .flatMap((s) => s.algorithms ?? [])
      .some((a) => a.role === 'technical-supporter');
    if (supporter) out.push(tpl.sec('supporter', {}));
    out.push(tpl.sec('assessment', {}));
    return out;
  },
};

/** The latest `beian label check`: totals and formats, or a to-complete box (not required). */
function labelCheck(ctx: BuildContext, tpl: Template): Block[] {
  const l = ctx.evidence.labels;
  if (!l) return [evidenceTodo(tpl, 'labels', false)];
  const formats = l.byFormat.map((f) => `${f.format} ${f.total}`).join(tpl.l('labels.separator'));
  return [
    paragraph(
      tpl.l('labels.check', { total: l.total, passed: l.passed, failed: l.failed, formats, at: l.at ?? '' }),
    ),
  ];
}
