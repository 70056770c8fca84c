import { type Lang, type MessageKey, translator } from '../i18n/index.js';
import { zh } from '../i18n/zh/index.js';

/**
 * Help text and enum labels for the fields of beian.yaml, from the i18n catalogues (`field.*`,
 * `label.*`, and the questionnaire's `assess.opt.*`). One place, used by the JSON Schema, the
 * comments `beian init` writes and anything else that shows a field or an enum value to a person.
 * Pure.
 */

/** Shapes used at several paths share their help: path prefix → shape key. Longest first. */
const SHAPES: readonly [string, string][] = [
  ['services[].algorithms[].riskMeasures[]', 'riskMeasure'],
  ['services[].models[].trainingCorpus', 'corpus'],
  ['services[].models[].annotationCorpus', 'corpus'],
  ['services[].algorithms[]', 'algorithm'],
  ['services[].models[]', 'model'],
  ['services[].answers', 'answers'],
  ['organisation.securityOfficer', 'contact'],
  ['organisation.contacts[]', 'contact'],
  ['checklist[].answers.*', 'checklistAnswer'],
  ['pii.perType.*', 'piiPolicy'],
  ['pii.strategy', 'piiPolicy'],
  ['redteam.guard.target', 'target'],
  ['redteam.attacks.attacker', 'target'],
  ['redteam.targets[]', 'target'],
  ['redteam.judge', 'target'],
  ['services[]', 'service'],
  ['sources[]', 'source'],
];

/** `services[].answers.model.source` → `answers.model.source`. */
export function shapeOf(path: string): string {
  for (const [prefix, shape] of SHAPES)
    if (path.startsWith(`${prefix}.`)) return `${shape}${path.slice(prefix.length)}`;
  return path;
}

const has = (key: string): key is MessageKey => key in zh;

/** The help for the field at `path` (array items as `[]`, record values as `*`), if written. */
export function fieldHelp(path: string, lang: Lang): string | undefined {
  const key = `field.${shapeOf(path)}`;
  return has(key) ? translator(lang)(key) : undefined;
}

/** Enum fields → the catalogue prefix of their values' labels. */
const ENUM_LABELS: Record<string, string> = {
  'answers.functions': 'assess.opt',
  'answers.serviceForms': 'assess.opt',
  'answers.generates': 'assess.opt',
  'answers.model.source': 'assess.opt',
  'answers.trainingData.sources': 'label.dataSource',
  'algorithm.role': 'assess.role',
  'model.serviceForms': 'label.modelForm',
  'corpus.sourceTypes': 'label.dataSource',
  'checklistAnswer.status': 'label.checklistStatus',
  'checklist[].regimes': 'label.regime',
  'checklist[].groups': 'label.group',
  'pii.types': 'label.piiType',
  'pii.perType': 'label.piiType',
  'pii.minConfidence': 'label.confidence',
  'piiPolicy.strategy': 'label.piiStrategy',
  'source.type': 'label.sourceType',
  'source.collection': 'label.collection',
  'source.lastScan.pii': 'label.piiType',
  'target.type': 'label.targetType',
  'redteam.variants': 'label.variant',
};

/** The human label of an enum value of the field at `path`, if the field has labels. */
export function enumLabel(path: string, value: string, lang: Lang): string | undefined {
  const prefix = ENUM_LABELS[shapeOf(path)];
  const key = `${prefix}.${value}`;
  return prefix && has(key) ? translator(lang)(key) : undefined;
}

/** The label group of a field, for callers that label values themselves (e.g. from KB data). */
export const hasEnumLabels = (path: string): boolean => shapeOf(path) in ENUM_LABELS;
