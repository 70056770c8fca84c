import type { PortfolioDetermination } from '../assess/determination.js';
import { BeianError } from '../errors.js';
import { joinList } from '../i18n/index.js';
import type { Bilingual, FilingKindId, Kb } from '../kb/index.js';
import type { ProjectFile, Service } from '../project/index.js';
import { algorithmBasicInfo, algorithmDisclosure } from './docs/algorithm-forms.js';
import { algorithmResponsibility, algorithmSelfAssessment } from './docs/algorithm-reports.js';
import type { BuildContext, DocumentDef, Sources, Subjects } from './docs/context.js';
import { deepSynthesisAdditions } from './docs/deep-synthesis.js';
import { genaiSecurityAssessment } from './docs/genai-assessment.js';
import { genaiKeywordList, genaiTestBanks } from './docs/genai-exports.js';
import { genaiAnnotationRules, genaiApplicationForm, genaiServiceAgreement } from './docs/genai-forms.js';
import {
  genaiApiAgreement,
  genaiRegistrationDisplay,
  genaiRegistrationForm,
} from './docs/genai-registration.js';
import { publicOpinionAssessmentReport } from './docs/public-opinion-assessment.js';
import { type MaterialDocument, numberSections } from './model.js';
import { templateFor } from './template.js';

/** Every document beian generates, in filing order. */
export const DOCUMENTS: readonly DocumentDef[] = [
  algorithmBasicInfo,
  algorithmSelfAssessment,
  algorithmDisclosure,
  algorithmResponsibility,
  genaiApplicationForm,
  genaiSecurityAssessment,
  genaiAnnotationRules,
  genaiServiceAgreement,
  genaiKeywordList,
  genaiTestBanks,
  deepSynthesisAdditions,
  genaiRegistrationForm,
  genaiApiAgreement,
  genaiRegistrationDisplay,
  publicOpinionAssessmentReport,
];
export const DOCUMENT_IDS: readonly string[] = DOCUMENTS.map((d) => d.id);

const applies = (
  d: PortfolioDetermination | undefined,
  serviceId: string,
  kind: FilingKindId,
): boolean | undefined => {
  if (!d) return undefined;
  const status = d.services.find((s) => s.id === serviceId)?.filings.find((f) => f.kind === kind)?.status;
  return status === 'required' || status === 'likely';
};

/**
 * What the documents are about. With a determination: the algorithms of services that need
 * algorithm (or deep-synthesis) filing, the models of services that need generative-AI filing, and
 * the services that need deep-synthesis filing. Without one: every algorithm and model in the file.
 */
export function selectSubjects(
  project: ProjectFile,
  determination: PortfolioDetermination | undefined,
  service?: string,
): Subjects {
  const subjects: Subjects = {
    algorithms: [],
    models: [],
    deepSynthesis: [],
    registrations: [],
    publicOpinion: [],
  };
  project.services.forEach((s: Service, si) => {
    if (service !== undefined && s.id !== service) return;
    const alg = applies(determination, s.id, 'algorithm-filing');
    const deep = applies(determination, s.id, 'deep-synthesis-filing');
    if (determination === undefined || alg === true || deep === true) {
      s.algorithms?.forEach((algorithm, ai) => {
        subjects.algorithms.push({ service: s, algorithm, path: `services[${si}].algorithms[${ai}]` });
      });
    }
    if (applies(determination, s.id, 'genai-filing') ?? true) {
      s.models?.forEach((model, mi) => {
        subjects.models.push({ service: s, model, path: `services[${si}].models[${mi}]` });
      });
    }
    if (deep) subjects.deepSynthesis.push(s);
    // Without a determination, an app calling a filed model through an API is what registration is for.
    const reg =
      applies(determination, s.id, 'genai-registration') ??
      (s.answers.model?.source === 'third-party-api' && s.answers.model.filed === true);
    if (reg) subjects.registrations.push({ service: s, path: `services[${si}]` });
    const po = applies(determination, s.id, 'public-opinion-assessment') ?? s.answers.publicOpinion === true;
    if (po) subjects.publicOpinion.push({ service: s, path: `services[${si}]` });
  });
  return subjects;
}

export interface BuildInput extends Sources {
  /** document ids to build; all that apply when absent */
  only?: readonly string[];
  /** restrict to one service id */
  service?: string;
}

function familyApplies(
  def: DocumentDef,
  ctx: BuildContext,
  determination: PortfolioDetermination | undefined,
): boolean {
  const anyService = (kind: FilingKindId) =>
    ctx.project.services.some((s) => applies(determination, s.id, kind) === true);
  if (def.family === 'algorithm') return ctx.subjects.algorithms.length > 0 || anyService('algorithm-filing');
  if (def.family === 'genai') return ctx.subjects.models.length > 0 || anyService('genai-filing');
  if (def.family === 'registration') return ctx.subjects.registrations.length > 0;
  if (def.family === 'public-opinion') return ctx.subjects.publicOpinion.length > 0;
  return ctx.subjects.deepSynthesis.length > 0;
}

/** A KB material of a filing a service needs that beian does not generate: prepared elsewhere. */
export interface ExternalMaterial {
  service: string;
  kind: FilingKindId;
  material: string;
  title: Bilingual;
}

/**
 * Which documents the determination calls for: the `document` of every KB material of every
 * filing that is required or likely for a service. The same determination `beian assess` shows,
 * so the two commands cannot disagree; materials without a document are listed as external.
 */
export function materialsPlan(
  determination: PortfolioDetermination,
  kb: Kb,
  service?: string,
): { documents: string[]; external: ExternalMaterial[] } {
  const docs = new Set<string>();
  const external: ExternalMaterial[] = [];
  for (const s of determination.services) {
    if (service !== undefined && s.id !== service) continue;
    for (const f of s.filings) {
      if (f.status === 'not-required') continue;
      const kind = kb.filingKinds.find((k) => k.id === f.kind);
      for (const m of kind?.materials ?? []) {
        if (m.document) docs.add(m.document);
        else external.push({ service: s.id, kind: f.kind, material: m.id, title: m.title });
      }
    }
  }
  return { documents: DOCUMENT_IDS.filter((id) => docs.has(id)), external };
}

/** Builds the document models. Pure: same input, same documents. */
export function buildMaterials(input: BuildInput): MaterialDocument[] {
  if (input.service !== undefined && !input.project.services.some((s) => s.id === input.service)) {
    throw BeianError.of('NOT_FOUND', 'materials.noService', { id: input.service });
  }
  for (const id of input.only ?? []) {
    if (!DOCUMENT_IDS.includes(id)) {
      throw BeianError.of('USAGE', 'materials.unknownDocument', { id, known: DOCUMENT_IDS.join(', ') });
    }
  }
  const determination = input.evidence.determination;
  const ctx: BuildContext = {
    project: input.project,
    evidence: input.evidence,
    kb: input.kb,
    templates: input.templates,
    lang: input.lang,
    date: input.date,
    subjects: selectSubjects(input.project, determination, input.service),
  };
  const planned = determination ? materialsPlan(determination, input.kb, input.service) : undefined;
  const chosen = input.only
    ? DOCUMENTS.filter((d) => input.only?.includes(d.id))
    : planned
      ? DOCUMENTS.filter((d) => planned.documents.includes(d.id))
      : DOCUMENTS.filter((d) => familyApplies(d, ctx, determination));
  return chosen.map((def) => {
    const tpl = templateFor(input.templates, def.id, input.lang, input.kb);
    const org = input.project.organisation?.name ?? tpl.l('todo.inline');
    const names = [
      ...(def.family === 'genai' ? ctx.subjects.models.map((s) => s.model.name) : []),
      ...(def.family === 'algorithm' ? ctx.subjects.algorithms.map((s) => s.algorithm.name) : []),
      ...(def.family === 'deep-synthesis' ? ctx.subjects.deepSynthesis.map((s) => s.name) : []),
      ...(def.family === 'registration' ? ctx.subjects.registrations.map((s) => s.service.name) : []),
      ...(def.family === 'public-opinion' ? ctx.subjects.publicOpinion.map((s) => s.service.name) : []),
    ];
    return {
      id: def.id,
      title: tpl.title,
      subtitle: [org, joinList(names, input.lang)].filter(Boolean).join(' · '),
      lang: input.lang,
      formats: def.formats,
      meta: [
        { label: tpl.l('meta.organisation'), value: org },
        { label: tpl.l('meta.date'), value: input.date },
        { label: tpl.l('meta.kb'), value: input.kb.version },
        { label: tpl.l('meta.template'), value: tpl.version },
        { label: tpl.l('meta.status'), value: tpl.l('meta.draft') },
      ],
      labels: {
        contents: tpl.l('r.contents'),
        citations: tpl.l('r.citations'),
        field: tpl.l('r.field'),
        value: tpl.l('r.value'),
        length: tpl.l('r.length'),
        toComplete: tpl.l('r.toComplete'),
        tooLong: tpl.l('r.tooLong'),
        requiredMark: tpl.l('r.required'),
      },
      sections: numberSections(def.build(ctx, tpl)),
    };
  });
}
