import { outcome, reviewCase } from '../app/redteam/review.js';
import { type ReviewedResult, summarise } from '../app/redteam/summary.js';
import type { Kb } from '../kb/index.js';
import type { VerdictValue } from '../redteam/judges/types.js';
import type { Store } from '../store/index.js';
import { redteamRepo } from '../store/repos/redteam.js';
import type { RedteamResultView, RedteamRunSummary, RedteamSource } from './deps.js';

function targetsOf(planJson: string): string {
  try {
    const plan = JSON.parse(planJson) as { targets?: { id?: string }[] };
    return (plan.targets ?? []).map((t) => t.id ?? '?').join(', ') || '—';
  } catch {
    return '—';
  }
}

function summary(
  id: string,
  createdAt: string,
  target: string,
  results: readonly ReviewedResult[],
): RedteamRunSummary {
  const perRisk = new Map<string, { riskId: string; total: number; passed: number }>();
  let passed = 0;
  for (const r of results) {
    const ok = outcome(r.kind, r.effectiveVerdict) === 'pass';
    if (ok) passed++;
    const risk = perRisk.get(r.category) ?? { riskId: r.category, total: 0, passed: 0 };
    risk.total++;
    if (ok) risk.passed++;
    perRisk.set(r.category, risk);
  }
  return {
    id,
    createdAt,
    target,
    total: results.length,
    passed,
    perRisk: [...perRisk.values()].sort((a, b) => a.riskId.localeCompare(b.riskId)),
  };
}

/** Red-team runs from the store, for the dashboard's run viewer and its human overrides. */
export function redteamDashboardSource(store: Store, kb: Kb, clock: () => Date): RedteamSource {
  const repo = redteamRepo(store);
  return {
    async listRuns() {
      const runs = await repo.listRuns();
      const out: RedteamRunSummary[] = [];
      for (const run of runs) {
        const report = await summarise(kb, store, run.id);
        out.push(summary(run.id, run.created_at, targetsOf(run.plan_json), report.results));
      }
      return out;
    },
    async getRun(id) {
      const run = await repo.getRun(id);
      if (!run) return undefined;
      const report = await summarise(kb, store, id);
      const results: RedteamResultView[] = report.results.map((r) => ({
        id: r.case_key,
        riskId: r.category,
        bank: r.kind,
        prompt: r.prompt,
        answer: r.answer ?? r.error ?? '',
        verdict: outcome(r.kind, r.machineVerdict),
        judge: r.judge,
        override: r.override
          ? {
              verdict: outcome(r.kind, r.override.verdict as VerdictValue),
              comment: r.override.comment,
              actor: r.override.reviewer,
              at: r.override.created_at,
            }
          : undefined,
      }));
      return { run: summary(run.id, run.created_at, targetsOf(run.plan_json), report.results), results };
    },
    async overrideVerdict(runId, resultId, o) {
      await reviewCase(store, {
        runId,
        caseKey: resultId,
        outcome: o.verdict,
        reviewer: o.actor,
        comment: o.comment,
        requireComment: true,
        at: o.at || clock().toISOString(),
      });
    },
  };
}
