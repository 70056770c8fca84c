import type { TargetConfig } from './config.js';
import { createHttpTarget } from './http.js';
import { createOpenAiTarget } from './openai.js';
import { createScriptTarget } from './script.js';
import type { Target, TargetDeps } from './types.js';

type Factories = {
  [K in TargetConfig['type']]: (c: Extract<TargetConfig, { type: K }>, deps: TargetDeps) => Target;
};

/** The typed registry of target types: one factory per `type`, no predicate list. */
export const targets: Factories = {
  openai: createOpenAiTarget,
  http: createHttpTarget,
  script: (c) => createScriptTarget(c),
};

export function createTarget(c: TargetConfig, deps: TargetDeps): Target {
  const factory = targets[c.type] as (c: TargetConfig, deps: TargetDeps) => Target;
  return factory(c, deps);
}
