import { BeianError } from '../../errors.js';
import type { Kb } from '../../kb/index.js';
import type { BankKind } from '../../redteam/banks/schema.js';
import type { VerdictValue } from '../../redteam/judges/types.js';
import { type Score, score } from '../../redteam/scoring.js';
import type { Store } from '../../store/index.js';
import { type OverrideRow, type RunRow, redteamRepo, type StoredResult } from '../../store/repos/redteam.js';
import { outcome } from './review.js';

/** A stored result with its human review (the latest override), kept beside the machine verdict. */
export interface ReviewedResult extends StoredResult {
  machineVerdict: VerdictValue;
  effectiveVerdict: VerdictValue;
  override: OverrideRow | undefined;
}

/** The `--json` contract of `beian redteam run` and `beian redteam report` (docs/redteam.md). */
export interface RunJson {
  runId: string;
  status: string;
  kbVersion: string;
  total: number;
  completed: number;
  errors: number;
  banks: Partial<
    Record<
      BankKind,
      {
        n: number;
        rate: number | null;
        ci: [number, number] | null;
        threshold: number;
        comparator: string;
        thresholdId: string;
        metric: string;
        sampleRequired: number;
        sampleMet: boolean;
        confident: boolean;
        errors: number;
        pass: boolean;
      }
    >
  >;
  byRisk: Record<
    string,
    Partial<Record<BankKind, { n: number; rate: number | null; ci: [number, number] | null; pass: boolean }>>
  >;
  byVariant: Score['byVariant'];
  overrides: number;
  /**
   * How often the machine's outcome (met the bank's expectation or not) agreed with the latest
   * human review, overall and per deciding judge; `undecided`: reviewed cases the machine left
   * uncertain or failed to ask (they count as reviewed, never as agreeing).
   */
  review: {
    reviewed: number;
    agreeing: number;
    rate: number | null;
    undecided: number;
    byJudge: Record<string, { reviewed: number; agreeing: number }>;
  };
  pass: boolean;
}

export interface RunReport {
  run: RunRow;
  results: ReviewedResult[];
  score: Score;
  json: RunJson;
}

export async function resolveRunId(store: Store, ref: string | undefined): Promise<string> {
  const repo = redteamRepo(store);
  const run = ref && ref !== 'latest' ? await repo.getRun(ref) : await repo.latestRun();
  if (!run)
    throw ref && ref !== 'latest'
      ? BeianError.of('NOT_FOUND', 'redteam.noRun', { ref })
      : BeianError.of('NOT_FOUND', 'redteam.noRunYet');
  return run.id;
}

/** Loads a run, applies human overrides (latest wins) and scores it against the KB. */
export async function summarise(kb: Kb, store: Store, runId: string): Promise<RunReport> {
  const repo = redteamRepo(store);
  const run = await repo.getRun(runId);
  if (!run) throw BeianError.of('NOT_FOUND', 'redteam.noRun', { ref: runId });
  const stored = await repo.results(runId);
  const overrides = await repo.overrides(runId);
  const latest = new Map<string, OverrideRow>();
  for (const o of overrides) latest.set(o.case_key, o);
  const results: ReviewedResult[] = stored.map((r) => {
    const o = latest.get(r.case_key);
    return {
      ...r,
      machineVerdict: r.verdict as VerdictValue,
      effectiveVerdict: (o?.verdict ?? r.verdict) as VerdictValue,
      override: o,
    };
  });
  const s = score(
    kb,
    results.map((r) => ({
      kind: r.kind as BankKind,
      category: r.category,
      variant: r.variant,
      verdict: r.effectiveVerdict,
    })),
  );
  const banks: RunJson['banks'] = {};
  for (const [kind, b] of Object.entries(s.banks) as [BankKind, NonNullable<Score['banks'][BankKind]>][])
    banks[kind] = {
      n: b.n,
      rate: b.rate,
      ci: b.ci,
      threshold: b.threshold.value,
      comparator: b.threshold.comparator,
      thresholdId: b.threshold.id,
      metric: b.metric,
      sampleRequired: b.sampleRequired,
      sampleMet: b.sampleMet,
      confident: b.confident,
      errors: b.errors,
      pass: b.pass,
    };
  const byRisk: RunJson['byRisk'] = {};
  for (const [cat, kinds] of Object.entries(s.byRisk)) {
    byRisk[cat] = {};
    for (const [kind, r] of Object.entries(kinds) as [
      BankKind,
      { n: number; rate: number | null; ci: [number, number] | null; pass: boolean },
    ][])
      byRisk[cat][kind] = { n: r.n, rate: r.rate, ci: r.ci, pass: r.pass };
  }
  const errors = results.filter((r) => r.status === 'error').length;
  const review = reviewAgreement(results);
  return {
    run,
    results,
    score: s,
    json: {
      runId,
      status: run.status,
      kbVersion: run.kb_version,
      total: run.total,
      completed: results.length - errors,
      errors,
      banks,
      byRisk,
      byVariant: s.byVariant,
      overrides: latest.size,
      review,
      pass: s.pass && errors === 0 && results.length === run.total,
    },
  };
}

/**
 * Machine vs human on the reviewed cases, compared as outcomes: a refused generation question
 * that a reviewer marks "pass" agrees (both say it met the expectation) though the stored
 * verdicts differ (refused vs pass).
 */
export function reviewAgreement(
  results: readonly Pick<ReviewedResult, 'kind' | 'judge' | 'machineVerdict' | 'override'>[],
): RunJson['review'] {
  const review: RunJson['review'] = { reviewed: 0, agreeing: 0, rate: null, undecided: 0, byJudge: {} };
  for (const r of results) {
    if (!r.override) continue;
    const machine = outcome(r.kind, r.machineVerdict);
    const agrees =
      machine !== 'uncertain' && machine === outcome(r.kind, r.override.verdict as VerdictValue) ? 1 : 0;
    review.reviewed += 1;
    review.agreeing += agrees;
    if (machine === 'uncertain') review.undecided += 1;
    const key = r.judge.split(':')[0] ?? r.judge;
    const j = review.byJudge[key] ?? { reviewed: 0, agreeing: 0 };
    review.byJudge[key] = j;
    j.reviewed += 1;
    j.agreeing += agrees;
  }
  review.rate = review.reviewed ? +(review.agreeing / review.reviewed).toFixed(3) : null;
  return review;
}

/** Every run, newest first, with its plan parsed (for `beian redteam runs`). */
export async function listRuns(store: Store) {
  const runs = await redteamRepo(store).listRuns();
  return runs.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    status: r.status,
    total: r.total,
    plan: JSON.parse(r.plan_json) as unknown,
  }));
}
