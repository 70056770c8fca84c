import { randomUUID } from 'node:crypto';
import type { Store } from '../../store/index.js';
import type { PiiReport } from './run.js';

/** Persists a PII report (counts and masked examples only). Returns its id. */
export async function savePiiReport(
  store: Store,
  report: PiiReport,
  inputs: readonly string[],
  now: Date,
): Promise<string> {
  const id = randomUUID();
  const findings = Object.values(report.byType).reduce((a, b) => a + (b ?? 0), 0);
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
