import type { Kysely } from 'kysely';
import type { Inventory } from '../../filings/inventory.js';
import { canonicalFilingId } from '../../kb/kinds.js';
import type { Database } from '../schema.js';
import { appendAudit, withAuditRetry } from './audit.js';

export interface SyncResult {
  services: { added: string[]; updated: string[]; removed: string[] };
  filings: { added: string[]; removed: string[] };
  unchanged: boolean;
}

/**
 * Makes the stored inventory match beian.yaml. Idempotent: a second sync of the same file changes
 * nothing and writes no audit entry. Nothing is deleted: services and subjects that left the file
 * become inactive; their filings keep their history (a filed algorithm must still be cancelled).
 */
export async function syncInventory(
  db: Kysely<Database>,
  inv: Inventory,
  ctx: { actor: string; now: string; source: string },
): Promise<SyncResult> {
  return withAuditRetry(db, async (trx) => {
    const result: SyncResult = {
      services: { added: [], updated: [], removed: [] },
      filings: { added: [], removed: [] },
      unchanged: true,
    };
    const org = await trx
      .selectFrom('registry_meta')
      .select('value')
      .where('key', '=', 'organisation')
      .executeTakeFirst();
    if (inv.organisation !== null && org?.value !== inv.organisation) {
      if (org)
        await trx
          .updateTable('registry_meta')
          .set({ value: inv.organisation })
          .where('key', '=', 'organisation')
          .execute();
      else
        await trx
          .insertInto('registry_meta')
          .values({ key: 'organisation', value: inv.organisation })
          .execute();
      result.unchanged = false;
    }
    const existing = new Map(
      (await trx.selectFrom('registry_services').selectAll().execute()).map((s) => [s.id, s]),
    );
    for (const s of inv.services) {
      const row = {
        name: s.name,
        owner: s.owner,
        description: s.description,
        launch_date: s.launchDate,
        answers_json: s.answersJson,
        active: 1,
      };
      const old = existing.get(s.id);
      if (!old) {
        await trx
          .insertInto('registry_services')
          .values({ id: s.id, ...row, ended_on: null, updated_at: ctx.now })
          .execute();
        result.services.added.push(s.id);
      } else if (
        old.name !== row.name ||
        old.owner !== row.owner ||
        old.description !== row.description ||
        old.launch_date !== row.launch_date ||
        old.answers_json !== row.answers_json ||
        Number(old.active) !== 1
      ) {
        await trx
          .updateTable('registry_services')
          .set({ ...row, updated_at: ctx.now })
          .where('id', '=', s.id)
          .execute();
        result.services.updated.push(s.id);
      }
    }
    const keep = new Set(inv.services.map((s) => s.id));
    for (const [id, old] of existing) {
      if (!keep.has(id) && Number(old.active) === 1) {
        await trx
          .updateTable('registry_services')
          .set({ active: 0, updated_at: ctx.now })
          .where('id', '=', id)
          .execute();
        result.services.removed.push(id);
      }
    }
    const subjects = await trx.selectFrom('registry_subjects').selectAll().execute();
    const subjKey = (s: { service_id: string; type: string; id: string }) =>
      `${s.service_id}|${s.type}|${s.id}`;
    const oldSubjects = new Map(subjects.map((s) => [subjKey(s), s]));
    const newKeys = new Set<string>();
    for (const s of inv.subjects) {
      const key = subjKey({ service_id: s.serviceId, type: s.type, id: s.id });
      newKeys.add(key);
      const old = oldSubjects.get(key);
      if (!old) {
        await trx
          .insertInto('registry_subjects')
          .values({
            service_id: s.serviceId,
            type: s.type,
            id: s.id,
            name: s.name,
            details_json: s.detailsJson,
            active: 1,
          })
          .execute();
        result.unchanged = false;
      } else if (old.name !== s.name || old.details_json !== s.detailsJson || Number(old.active) !== 1) {
        await trx
          .updateTable('registry_subjects')
          .set({ name: s.name, details_json: s.detailsJson, active: 1 })
          .where('service_id', '=', s.serviceId)
          .where('type', '=', s.type)
          .where('id', '=', s.id)
          .execute();
        result.unchanged = false;
      }
    }
    for (const [key, old] of oldSubjects) {
      if (!newKeys.has(key) && Number(old.active) === 1) {
        await trx
          .updateTable('registry_subjects')
          .set({ active: 0 })
          .where('service_id', '=', old.service_id)
          .where('type', '=', old.type)
          .where('id', '=', old.id)
          .execute();
        result.unchanged = false;
      }
    }
    const stored = (await trx.selectFrom('registry_filings').select('id').execute()).map((f) => f.id);
    // A filing stored under a renamed kind id ("…:security-assessment") is the same filing as its
    // successor: it keeps its id and history instead of being planned again.
    const filings = new Set(stored.map(canonicalFilingId));
    for (const f of inv.filings) {
      if (filings.has(f.id)) continue;
      // A number already issued (recorded in beian.yaml) means the filing is done: start at "filed".
      const state = f.filingNumber ? 'filed' : 'assessing';
      await trx
        .insertInto('registry_filings')
        .values({
          id: f.id,
          service_id: f.serviceId,
          subject_type: f.subjectType,
          subject_id: f.subjectId,
          kind: f.kind,
          basis: f.basis,
          state,
          state_since: ctx.now,
          filing_number: f.filingNumber,
          created_at: ctx.now,
          updated_at: ctx.now,
          version: 1,
        })
        .execute();
      result.filings.added.push(f.id);
    }
    const planned = new Set(inv.filings.map((f) => f.id));
    // Filings no longer planned stay (history, pending cancellation) but are reported.
    for (const id of stored) if (!planned.has(canonicalFilingId(id))) result.filings.removed.push(id);
    const changed =
      result.services.added.length +
      result.services.updated.length +
      result.services.removed.length +
      result.filings.added.length;
    if (changed > 0 || !result.unchanged) {
      result.unchanged = false;
      await appendAudit(trx, {
        at: ctx.now,
        actor: ctx.actor,
        action: 'registry.sync',
        subject: 'registry',
        details: { source: ctx.source, services: result.services, filingsAdded: result.filings.added },
      });
    }
    if (result.filings.removed.length && changed === 0 && result.unchanged) result.unchanged = true;
    return result;
  });
}

export interface ServiceRow {
  id: string;
  name: string;
  owner: string | null;
  description: string | null;
  launchDate: string | null;
  endedOn: string | null;
  answersJson: string;
  active: boolean;
}

export async function listServices(
  db: Kysely<Database>,
  opts: { includeInactive?: boolean } = {},
): Promise<ServiceRow[]> {
  let q = db.selectFrom('registry_services').selectAll();
  if (!opts.includeInactive) q = q.where('active', '=', 1);
  const rows = await q.orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    owner: r.owner,
    description: r.description,
    launchDate: r.launch_date,
    endedOn: r.ended_on,
    answersJson: r.answers_json,
    active: Number(r.active) === 1,
  }));
}
