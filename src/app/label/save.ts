import type { LabelCheckEvidence } from '../../materials/evidence.js';
import type { Store } from '../../store/index.js';
import { labelFailures, latestLabelRuns, startLabelRun } from '../../store/repos/labels.js';
import type { CheckSummary, FileCheck } from './run.js';

/** Saves a check run as it streams (shells reach the store through this use case). */
export async function openLabelRunLog(
  store: Store,
  meta: { inputs: readonly string[]; service?: string | undefined; platform: boolean; now: Date },
) {
  const run = await startLabelRun(store, meta);
  return {
    id: run.id,
    add: (r: FileCheck) =>
      run.add({
        file: r.file,
        format: r.format ?? null,
        ok: r.ok,
        implicitOk: r.implicit.ok,
        explicit: r.explicit,
        platformClass: r.platformClass ?? null,
        issues: r.implicit.issues,
      }),
    finish: (s: CheckSummary) => run.finish(s),
  };
}

/** The materials' evidence from a stored run (newest run first: labelOverview). */
export function labelRunToEvidence(run: {
  total: number;
  passed: number;
  failed: number;
  service: string | null;
  createdAt: string;
  byFormat: Record<string, { total: number; failed: number }>;
}): LabelCheckEvidence {
  return {
    total: run.total,
    passed: run.passed,
    failed: run.failed,
    byFormat: Object.entries(run.byFormat).map(([format, n]) => ({
      format,
      total: n.total,
      failed: n.failed,
    })),
    ...(run.service ? { service: run.service } : {}),
    at: run.createdAt,
  };
}

/** For the dashboard and the filing materials: the latest run per service, with its failures. */
export async function labelOverview(store: Store, failuresPerRun = 50) {
  const runs = await latestLabelRuns(store);
  return Promise.all(
    runs.map(async (run) => ({ run, failures: await labelFailures(store, run.id, failuresPerRun) })),
  );
}
