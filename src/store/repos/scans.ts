import { randomUUID } from 'node:crypto';
import type { Store } from '../index.js';

/** What the store keeps of a scan report: the columns it queries, and the whole report as JSON. */
export interface ScanRecord {
  /** the report's own id (kept as the row id, so its manual sample can find it) */
  id?: string;
  records: number;
  flagged: number;
  verdict: string;
}

/** Saves a report in the store (table `scans`); returns its id. */
export async function saveScan(
  store: Store,
  inputs: readonly string[],
  report: ScanRecord,
  now: Date,
): Promise<string> {
  const id = report.id ?? randomUUID();
  await store.db
    .insertInto('scans')
    .values({
      id,
      created_at: now.toISOString(),
      inputs: JSON.stringify(inputs),
      records: report.records,
      flagged: report.flagged,
      verdict: report.verdict,
      report_json: JSON.stringify(report),
    })
    .execute();
  return id;
}

/** The newest scans first. */
export const recentScans = (store: Store, limit: number) =>
  store.db.selectFrom('scans').selectAll().orderBy('created_at', 'desc').limit(limit).execute();

/** The newest report's JSON and date in a table of reports, if any. */
export const latestReport = (store: Store, table: 'scans' | 'pii_reports') =>
  store.db
    .selectFrom(table)
    .select(['created_at', 'report_json'])
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();

export const latestScan = (store: Store) => latestReport(store, 'scans');

/** One stored scan's report JSON, by id. */
export const scanById = (store: Store, id: string) =>
  store.db.selectFrom('scans').select(['id', 'report_json']).where('id', '=', id).executeTakeFirst();

/** Replaces a stored scan's report JSON (e.g. with its manual review added). */
export async function updateScanReport(store: Store, id: string, report: unknown): Promise<void> {
  await store.db
    .updateTable('scans')
    .set({ report_json: JSON.stringify(report) })
    .where('id', '=', id)
    .execute();
}
