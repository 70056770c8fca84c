import type { RedteamResultView, RedteamRunSummary, RedteamSource } from '../../src/server/deps.js';

/** An in-memory red-team source for dashboard tests (the real one comes from issue 4's store tables). */
export function memoryRedteam(run: RedteamRunSummary, results: RedteamResultView[]): RedteamSource {
  return {
    listRuns: async (serviceId) => (serviceId && run.serviceId !== serviceId ? [] : [run]),
    getRun: async (id) => (id === run.id ? { run, results } : undefined),
    overrideVerdict: async (_runId, resultId, o) => {
      const r = results.find((x) => x.id === resultId);
      if (r) r.override = o;
    },
  };
}
