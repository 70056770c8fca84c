import type { ServiceDetermination } from '../../assess/determination.js';
import { evaluate, evaluateService } from '../../assess/evaluate.js';
import { loadRules } from '../../assess/load.js';
import type { Answers } from '../../assess/questionnaire.js';
import type { Kb } from '../../kb/index.js';
import type { Determine } from './filings.js';

/**
 * Which filings the registry tracks: the applicability engine's determination — the same
 * `evaluate()` with the same rules that `beian assess` runs — so registry, CLI and web agree.
 */
export const determineFilings: Determine = (project, kb) => evaluate(project.services, loadRules(), kb);

/** The applicability engine for one service: the same function the CLI's `beian assess` calls. */
export type AssessFn = (service: { id: string; name: string; answers: Answers }) => ServiceDetermination;

/** The web questionnaire's engine: evaluateService with the default rules, as `beian assess` uses. */
export function makeAssessService(kb: Kb, rulesFile?: string): AssessFn {
  const rules = loadRules(rulesFile);
  return (service) => evaluateService(service, rules, kb);
}
