import type { Store } from '../../store/index.js';
import { redteamRepo } from '../../store/repos/redteam.js';

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
