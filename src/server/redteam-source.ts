import { outcome, reviewCase } from '../app/redteam/review.js';
import type { Kb } from '../kb/index.js';
import type { VerdictValue } from '../redteam/judges/types.js';
import type { Store } from '../store/index.js';
import { type OverrideRow, redteamRepo } from '../store/repos/redteam.js';
import type { RedteamResultView, RedteamRunSummary, RedteamSource } from './deps.js';

function targetsOf(planJson: string): string {
  try {
    const plan = JSON.parse(planJson) as { targets?: { id?: string }[] };
    return (plan.targets ?? []).map((t) => t.id ?? '?').join(', ') || '—';
  } catch {
    return '—';
  }
}

const latestOverrides = (rows: readonly OverrideRow[]) => {
  const latest = new Map<string, OverrideRow>();
  for (const o of rows) latest.set(o.case_key, o);
  return latest;
};

/**
 * Red-team runs from the store, for the dashboard's run viewer and its human overrides. A run's
 * summary comes from grouped counts (plus its few overridden cases), and its results one page at
 * a time, filtered in the database: a run of any size renders in bounded time and memory.
 */
export function redteamDashboardSource(store: Store, _kb: Kb, clock: () => Date): RedteamSource {
  const repo = redteamRepo(store);

  async function summary(run: {
    id: string;
    created_at: string;
    plan_json: string;
  }): Promise<RedteamRunSummary> {
    const perRisk = new Map<string, { riskId: string; total: number; passed: number }>();
    const add = (kind: string, category: string, verdict: string, n: number) => {
      const ok = outcome(kind, verdict as VerdictValue) === 'pass' ? n : 0;
      const risk = perRisk.get(category) ?? { riskId: category, total: 0, passed: 0 };
      risk.total += n;
      risk.passed += ok;
      perRisk.set(category, risk);
    };
    for (const c of await repo.verdictCounts(run.id)) add(c.kind, c.category, c.verdict, Number(c.n));
    // a human override replaces the machine verdict of its case
    const latest = latestOverrides(await repo.overrides(run.id));
    for (const c of await repo.casesByKeys(run.id, [...latest.keys()])) {
      add(c.kind, c.category, c.verdict, -1);
      add(c.kind, c.category, latest.get(c.case_key)!.verdict, 1);
    }
    const risks = [...perRisk.values()].sort((a, b) =>
      a.riskId.localeCompare(b.riskId, 'en', { numeric: true }),
    );
    return {
      id: run.id,
      createdAt: run.created_at,
      target: targetsOf(run.plan_json),
      total: risks.reduce((s, r) => s + r.total, 0),
      passed: risks.reduce((s, r) => s + r.passed, 0),
      perRisk: risks,
    };
  }

  return {
    async listRuns() {
      const out: RedteamRunSummary[] = [];
      for (const run of await repo.listRuns()) out.push(await summary(run));
      return out;
    },
    async getRun(id, query) {
      const run = await repo.getRun(id);
      if (!run) return undefined;
      const q = query ?? { offset: 0, limit: 50 };
      const page = await repo.resultsPage(id, {
        ...(q.verdict ? { verdict: q.verdict } : {}),
        ...(q.risk ? { category: q.risk } : {}),
        offset: q.offset,
        limit: q.limit,
      });
      const latest = latestOverrides(await repo.overrides(id));
      const results: RedteamResultView[] = page.rows.map((r) => {
        const o = latest.get(r.case_key);
        return {
          id: r.case_key,
          riskId: r.category,
          bank: r.kind,
          prompt: r.prompt,
          answer: r.answer ?? r.error ?? '',
          verdict: outcome(r.kind, r.verdict as VerdictValue),
          judge: r.judge,
          reason: r.reason,
          override: o
            ? {
                verdict: outcome(r.kind, o.verdict as VerdictValue),
                comment: o.comment,
                actor: o.reviewer,
                at: o.created_at,
              }
            : undefined,
        };
      });
      const facets = await repo.facets(id);
      return {
        run: await summary(run),
        results,
        total: page.total,
        facets: { verdicts: facets.verdicts, risks: facets.categories },
      };
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
