import type { Store } from '../../store/index.js';
import { redteamRepo } from '../../store/repos/redteam.js';
import { causeOf, type ExecOutcome, mergeOutcomes } from './run.js';

/** How far a run is: answered and failed cases of its planned total (a queued run's progress). */
export async function runCounts(
  store: Store,
  runId: string,
): Promise<{ ok: number; error: number; total: number }> {
  const repo = redteamRepo(store);
  const [counts, run] = await Promise.all([repo.counts(runId), repo.getRun(runId)]);
  return { ...counts, total: run?.total ?? 0 };
}

/** The case keys of a run that hold an answer. */
export const okKeys = (store: Store, runId: string): Promise<Set<string>> => redteamRepo(store).okKeys(runId);

/**
 * What the invocations since `okBefore` answered did, read back from the stored results: a queued
 * run's outcome does not depend on which worker ran what, or on job results kept by the queue.
 * Every error row left was asked again in this invocation (it was pending), so it counts as failed now.
 */
export async function storedOutcome(store: Store, runId: string, okBefore: number): Promise<ExecOutcome> {
  const repo = redteamRepo(store);
  const counts = await repo.counts(runId);
  const causes = new Map<string, { count: number; example: string }>();
  const limit = 500;
  for (let offset = 0; offset < counts.error; offset += limit) {
    const page = await repo.resultsPage(runId, { verdict: 'error', offset, limit });
    for (const r of page.rows) {
      const message = r.error ?? 'no answer';
      const cause = causeOf(message);
      const g = causes.get(cause);
      if (g) g.count += 1;
      else causes.set(cause, { count: 1, example: message });
    }
    if (page.rows.length < limit) break;
  }
  return mergeOutcomes([
    {
      ok: Math.max(0, counts.ok - okBefore),
      failed: counts.error,
      causes: [...causes.entries()].map(([cause, g]) => ({ cause, ...g })),
    },
  ]);
}
