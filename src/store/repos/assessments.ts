import type { Kysely } from 'kysely';
import { firstPer } from '../../util/array.js';
import type { Database } from '../schema.js';

export interface AssessmentRow {
  id: string;
  createdAt: string;
  source: string;
  serviceId: string;
  serviceName: string;
  rulesetVersion: string;
  resultJson: string;
}

export async function insertAssessments(db: Kysely<Database>, rows: readonly AssessmentRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('assessments')
    .values(
      rows.map((r) => ({
        id: r.id,
        created_at: r.createdAt,
        source: r.source,
        service_id: r.serviceId,
        service_name: r.serviceName,
        ruleset_version: r.rulesetVersion,
        result_json: r.resultJson,
      })),
    )
    .execute();
}

/** The newest saved determination of each service. */
export async function latestAssessments(db: Kysely<Database>): Promise<AssessmentRow[]> {
  const rows = await db
    .selectFrom('assessments')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return firstPer(rows, (r) => r.service_id).map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    source: r.source,
    serviceId: r.service_id,
    serviceName: r.service_name,
    rulesetVersion: r.ruleset_version,
    resultJson: r.result_json,
  }));
}
