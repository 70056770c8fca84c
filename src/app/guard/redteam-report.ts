import { BeianError } from '../../errors.js';
import { type GuardEffect, guardEffect, interceptionMatcher } from '../../guard/redteam-effect.js';
import type { Replies } from '../../guard/replies.js';
import type { Store } from '../../store/index.js';
import { redteamRepo } from '../../store/repos/redteam.js';

/**
 * How much the guard intercepted in a red-team run made through it (`beian redteam run
 * --base-url <guard>`): per bank and risk, on should-refuse items (wanted) and should-not-refuse
 * items (wrong). The run's latest one when no id is given.
 */
export async function guardRedteamReport(
  store: Store,
  replies: Replies,
  o: { runId?: string | undefined; labels?: readonly string[] },
): Promise<{ runId: string } & GuardEffect> {
  const repo = redteamRepo(store);
  const run = o.runId ? await repo.getRun(o.runId) : await repo.latestRun();
  if (!run) throw BeianError.of('NOT_FOUND', 'guard.report.noRun', { id: o.runId ?? '-' });
  const rows = await repo.results(run.id);
  const effect = guardEffect(
    rows.map((r) => ({ kind: r.kind, category: r.category, answer: r.answer })),
    interceptionMatcher(replies, o.labels),
  );
  return { runId: run.id, ...effect };
}
