import { randomUUID } from 'node:crypto';
import { firstPer } from '../../util/array.js';
import type { Store } from '../index.js';

/** What an audit leaves in the store for the materials generator (算法安全自评估报告). */
export interface AuditEvidence {
  kind: 'price' | 'disparity' | 'optout' | 'checklist';
  subject: string;
  serviceId?: string;
  failed: boolean;
  flagCount: number;
  dataVersion: string;
  result: unknown;
}

export interface StoredAudit extends AuditEvidence {
  id: string;
  createdAt: string;
}

export async function saveAudit(store: Store, e: AuditEvidence, now: Date): Promise<string> {
  const id = randomUUID();
  await store.db
    .insertInto('fairness_audits')
    .values({
      id,
      created_at: now.toISOString(),
      kind: e.kind,
      subject: e.subject,
      service_id: e.serviceId ?? null,
      failed: e.failed ? 1 : 0,
      flag_count: e.flagCount,
      data_version: e.dataVersion,
      result_json: JSON.stringify(e.result),
    })
    .execute();
  return id;
}

/** The newest stored result of each kind (optionally for one service): the evidence a report cites. */
export async function latestAudits(store: Store, serviceId?: string): Promise<StoredAudit[]> {
  let q = store.db.selectFrom('fairness_audits').selectAll().orderBy('created_at', 'desc');
  if (serviceId !== undefined)
    q = q.where((eb) => eb.or([eb('service_id', '=', serviceId), eb('service_id', 'is', null)]));
  const rows = await q.execute();
  return firstPer(rows, (r) => r.kind).map(
    (r): StoredAudit => ({
      id: r.id,
      createdAt: r.created_at,
      kind: r.kind as AuditEvidence['kind'],
      subject: r.subject,
      ...(r.service_id === null ? {} : { serviceId: r.service_id }),
      failed: r.failed === 1,
      flagCount: r.flag_count,
      dataVersion: r.data_version,
      result: JSON.parse(r.result_json) as unknown,
    }),
  );
}

/** Every stored fairness audit, newest first. */
export const allAudits = (store: Store) =>
  store.db.selectFrom('fairness_audits').selectAll().orderBy('created_at', 'desc').execute();
