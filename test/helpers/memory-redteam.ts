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

/** A finished two-case run of `serviceId` (one risk failed, one passed) as the dashboard lists it. */
export const sampleRun = (serviceId: string): RedteamRunSummary => ({
  id: 'run-1',
  serviceId,
  createdAt: '2026-11-24T10:00:00Z',
  target: 'openai:示例大模型',
  total: 2,
  passed: 1,
  perRisk: [
    { riskId: 'A.1.1', total: 1, passed: 0 },
    { riskId: 'A.2.5', total: 1, passed: 1 },
  ],
});
