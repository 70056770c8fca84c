import { createGuard, type Guard } from '../../guard/guard.js';
import type { Lang } from '../../i18n/index.js';
import type { Store } from '../../store/index.js';
import type { GuardConfig } from './config.js';
import { createGuardMetrics, type GuardMetrics } from './metrics.js';
import { createRecorder, type Recorder } from './records.js';

export interface GuardRuntime {
  guard: Guard;
  metrics: GuardMetrics;
  recorder: Recorder;
}

/** The guard wired to its records (store, PII masked, users hashed) and its metrics. */
export function createGuardRuntime(
  store: Store,
  cfg: GuardConfig,
  o: { lang: Lang; salt: string; clock: () => Date; onError?: (e: unknown) => void },
): GuardRuntime {
  const metrics = createGuardMetrics();
  const recorder = createRecorder(store, {
    salt: o.salt,
    retentionDays: cfg.retentionDays,
    clock: o.clock,
    ...(o.onError ? { onError: o.onError } : {}),
  });
  const guard = createGuard({
    matcher: cfg.lexicon.matcher,
    policy: cfg.policy,
    replies: cfg.replies,
    lang: o.lang,
    label: cfg.label,
    abuse: cfg.abuse,
    checkInput: cfg.section.input,
    checkOutput: cfg.section.output,
    clock: o.clock,
    onInterception: (i) => {
      metrics.interception(i);
      recorder.record(i);
    },
  });
  return { guard, metrics, recorder };
}
