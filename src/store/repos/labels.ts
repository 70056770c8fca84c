import { randomUUID } from 'node:crypto';
import type { Store } from '../store.js';

/** One file's result as stored: the verdict and issue codes, never the file's content. */
export interface LabelResultRow {
  file: string;
  format: string | null;
  ok: boolean;
  implicitOk: boolean;
  explicit: string;
  platformClass: string | null;
  issues: ReadonlyArray<{ severity: string; code: string; field?: string }>;
}

export interface LabelRunSummary {
  total: number;
  passed: number;
  failed: number;
  byFormat: Record<string, { total: number; failed: number }>;
  byClass?: Record<string, number> | undefined;
}

const BATCH = 500;

/**
 * Writes a check run as it streams: results go in batches of 500, the run row (with its totals)
 * is inserted first and updated at the end, so 100,000 files never sit in memory.
 */
export async function startLabelRun(
  store: Store,
  meta: { inputs: readonly string[]; service?: string | undefined; platform: boolean; now: Date },
) {
  const id = randomUUID();
  await store.db
    .insertInto('label_runs')
    .values({
      id,
      created_at: meta.now.toISOString(),
      service: meta.service ?? null,
      inputs_json: JSON.stringify(meta.inputs),
      platform: meta.platform ? 1 : 0,
      total: 0,
      passed: 0,
      failed: 0,
      by_format_json: '{}',
      by_class_json: null,
    })
    .execute();
  let seq = 0;
  let pending: LabelResultRow[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const rows = pending.map((r) => ({
      run_id: id,
      seq: seq++,
      file: r.file,
      format: r.format,
      ok: r.ok ? 1 : 0,
      implicit_ok: r.implicitOk ? 1 : 0,
      explicit: r.explicit,
      platform_class: r.platformClass,
      issues_json: JSON.stringify(
        r.issues.map((i) => ({ severity: i.severity, code: i.code, ...(i.field ? { field: i.field } : {}) })),
      ),
    }));
    pending = [];
    await store.db.insertInto('label_results').values(rows).execute();
  };
  return {
    id,
    async add(r: LabelResultRow) {
      pending.push(r);
      if (pending.length >= BATCH) await flush();
    },
    async finish(s: LabelRunSummary) {
      await flush();
      await store.db
        .updateTable('label_runs')
        .set({
          total: s.total,
          passed: s.passed,
          failed: s.failed,
          by_format_json: JSON.stringify(s.byFormat),
          by_class_json: s.byClass ? JSON.stringify(s.byClass) : null,
        })
        .where('id', '=', id)
        .execute();
    },
  };
}

export interface LabelRun extends LabelRunSummary {
  id: string;
  createdAt: string;
  service: string | null;
  platform: boolean;
  inputs: string[];
}

const toRun = (r: {
  id: string;
  created_at: string;
  service: string | null;
  inputs_json: string;
  platform: number;
  total: number;
  passed: number;
  failed: number;
  by_format_json: string;
  by_class_json: string | null;
}): LabelRun => ({
  id: r.id,
  createdAt: r.created_at,
  service: r.service,
  platform: r.platform === 1,
  inputs: JSON.parse(r.inputs_json) as string[],
  total: Number(r.total),
  passed: Number(r.passed),
  failed: Number(r.failed),
  byFormat: JSON.parse(r.by_format_json) as LabelRunSummary['byFormat'],
  byClass: r.by_class_json ? (JSON.parse(r.by_class_json) as Record<string, number>) : undefined,
});

/** The latest run per service (null service = runs without --service), newest first. */
export async function latestLabelRuns(store: Store, limit = 50): Promise<LabelRun[]> {
  const rows = await store.db
    .selectFrom('label_runs')
    .selectAll()
    .orderBy('created_at', 'desc')
    .limit(limit * 4)
    .execute();
  const seen = new Set<string>();
  const out: LabelRun[] = [];
  for (const r of rows) {
    const key = r.service ?? '';
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(toRun(r));
    if (out.length >= limit) break;
  }
  return out;
}

export async function labelRun(store: Store, id: string): Promise<LabelRun | undefined> {
  const r = await store.db.selectFrom('label_runs').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toRun(r) : undefined;
}

/** The failing files of a run (the page shows those; passing files are counted, not listed). */
export async function labelFailures(store: Store, runId: string, limit = 200) {
  const rows = await store.db
    .selectFrom('label_results')
    .selectAll()
    .where('run_id', '=', runId)
    .where('ok', '=', 0)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    file: r.file,
    format: r.format,
    implicitOk: r.implicit_ok === 1,
    explicit: r.explicit,
    platformClass: r.platform_class,
    issues: JSON.parse(r.issues_json) as Array<{ severity: string; code: string; field?: string }>,
  }));
}
