import type { ServiceDetermination } from '../../assess/determination.js';
import type { Answers } from '../../assess/questionnaire.js';
import type { Determine } from './registry.js';

/**
 * The applicability engine's determination for the registry. Until `src/assess/evaluate.ts` lands
 * on main this returns undefined and the registry uses the inventory fallback; at merge it becomes
 * the same call `beian assess` makes, so registry, CLI and web form agree.
 */
export const determineFilings: Determine = () => undefined;

/** One service through the engine, for the web questionnaire; undefined until the engine is merged. */
export const assessService: AssessFn | undefined = undefined;

/** The applicability engine for one service: the same function the CLI's `beian assess` calls. */
export type AssessFn = (service: { id: string; name: string; answers: Answers }) => ServiceDetermination;
