import { type Kb, threshold } from '../kb/index.js';
import type { Answers } from './questionnaire.js';
import type { FactId, RuleSet } from './rules.js';

/** A fact is true, false, or unknown (undefined) when the questionnaire leaves it open. */
export type Facts = Record<FactId, boolean | undefined>;

/** How a derived fact came about, when it was inferred rather than answered: shown as a reason. */
export interface Inference {
  fact: FactId;
  because: { zh: string; en: string };
}

const some = <T>(list: readonly T[] | undefined, test: (x: T) => boolean): boolean | undefined =>
  list === undefined ? undefined : list.some(test);

/** Derives the rule facts from the answers. Pure; thresholds come from the KB. */
export function deriveFacts(a: Answers, rules: RuleSet, kb: Kb): { facts: Facts; inferences: Inference[] } {
  const inferences: Inference[] = [];
  let publicOpinion = a.publicOpinion;
  if (publicOpinion === undefined) {
    const form = a.serviceForms?.find((f) => rules.publicOpinionForms.includes(f));
    if (form) {
      publicOpinion = true;
      inferences.push({
        fact: 'publicOpinion',
        because: {
          zh: `服务形式“${form}”属于具有舆论属性或社会动员能力的服务`,
          en: `service form "${form}" has public-opinion attributes`,
        },
      });
    }
  }
  const generates =
    a.generates !== undefined
      ? a.generates.length > 0 || a.faceVoice === true
      : a.functions?.includes('generate-synthesise') === true || a.faceVoice === true
        ? true
        : a.functions !== undefined
          ? false
          : undefined;
  const hasAlgorithm = some(a.functions, (f) => f !== 'generate-synthesise');
  const source = a.model?.source;
  const ownModel = source === undefined ? undefined : source === 'self-trained' || source === 'fine-tuned';
  const viaApi = source === undefined ? undefined : source === 'third-party-api';
  const filed = a.model?.filed;
  const and = (x: boolean | undefined, y: boolean | undefined): boolean | undefined =>
    x === false || y === false ? false : x === undefined || y === undefined ? undefined : true;
  const pi = a.personalInfo;
  const exportsAbroad = pi === undefined ? undefined : pi.processed === false ? false : pi.exportsAbroad;
  const piLimit = threshold(kb, 'cross-border.pi.assessment.min').value;
  const sensitiveLimit = threshold(kb, 'cross-border.sensitive-pi.assessment.min').value;
  const exportVolumeOverAssessment =
    pi?.peopleExported === undefined && pi?.sensitivePeopleExported === undefined
      ? exportsAbroad === false
        ? false
        : undefined
      : (pi.peopleExported ?? 0) > piLimit || (pi.sensitivePeopleExported ?? 0) > sensitiveLimit;
  const facts: Facts = {
    publicMainland: a.publicMainland,
    publicOpinion,
    hasAlgorithm,
    generates,
    faceVoice: a.faceVoice ?? (generates === false ? false : undefined),
    ownModel,
    callsFiledModel: and(viaApi, filed),
    callsUnfiledModel: and(viaApi, filed === undefined ? undefined : !filed),
    technicalSupport: a.technicalSupport ?? (generates === false ? false : undefined),
    trainingFromAbroad: a.trainingData?.fromAbroad,
    exportsAbroad,
    ciio: pi?.ciio ?? (exportsAbroad === false ? false : undefined),
    importantDataExported: pi?.importantDataExported ?? (exportsAbroad === false ? false : undefined),
    exportVolumeOverAssessment,
  };
  return { facts, inferences };
}
