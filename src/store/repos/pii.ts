import { randomUUID } from 'node:crypto';
import type { Store } from '../index.js';
import { latestReport } from './scans.js';

/** What the store keeps of a PII report: the columns it queries, and the whole report as JSON. */
export interface PiiRecord {
  records: number;
  bytes: number;
  byType: Partial<Record<string, number>>;
  malformed: readonly unknown[];
  redaction?: { redacted: number; residualHigh: number } | undefined;
}

/** Persists a PII report (counts and masked examples only). Returns its id. */
export async function savePiiReport(
  store: Store,
  report: PiiRecord,
  inputs: readonly string[],
  now: Date,
): Promise<string> {
  const id = randomUUID();
  const findings = Object.values(report.byType).reduce<number>((a, b) => a + (b ?? 0), 0);
  await store.db
    .insertInto('pii_reports')
    .values({
      id,
      created_at: now.toISOString(),
      inputs_json: JSON.stringify(inputs),
      records: report.records,
      bytes: report.bytes,
      findings,
      by_type_json: JSON.stringify(report.byType),
      malformed: report.malformed.length,
      redacted: report.redaction?.redacted ?? 0,
      residual_high: report.redaction ? report.redaction.residualHigh : null,
      report_json: JSON.stringify(report),
    })
    .execute();
  return id;
}

export const latestPiiReport = (store: Store) => latestReport(store, 'pii_reports');
