import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { BeianError } from '../../errors.js';
import { checkTransition, type FilingState, isFilingState } from '../../filings/lifecycle.js';
import type { Kb } from '../../kb/index.js';
import { canonicalKindId, storedFilingIds } from '../../kb/kinds.js';
import type { FilingKindId } from '../../kb/schema.js';
import type { Database } from '../schema.js';
import { appendAudit, withAuditRetry } from './audit.js';

export interface FilingRow {
  id: string;
  serviceId: string;
  serviceName: string;
  serviceActive: boolean;
  launchDate: string | null;
  serviceEndedOn: string | null;
  subjectType: string;
  subjectId: string;
  subjectName: string;
  kind: FilingKindId;
  basis: string;
  state: FilingState;
  stateSince: string;
  filingNumber: string | null;
  version: number;
}

export interface TransitionRow {
  id: string;
  filingId: string;
  from: string;
  to: string;
  actor: string;
  at: string;
  reason: string | null;
  filingNumber: string | null;
  evidence: string[];
}

function filingQuery(db: Kysely<Database>) {
  return db
    .selectFrom('registry_filings as f')
    .innerJoin('registry_services as s', 's.id', 'f.service_id')
    .leftJoin('registry_subjects as j', (j) =>
      j
        .onRef('j.service_id', '=', 'f.service_id')
        .onRef('j.type', '=', 'f.subject_type')
        .onRef('j.id', '=', 'f.subject_id'),
    )
    .select([
      'f.id',
      'f.service_id',
      's.name as service_name',
      's.active as service_active',
      's.launch_date',
      's.ended_on',
      'f.subject_type',
      'f.subject_id',
      'j.name as subject_name',
      'f.kind',
      'f.basis',
      'f.state',
      'f.state_since',
      'f.filing_number',
      'f.version',
    ]);
}

type Raw = Awaited<ReturnType<ReturnType<typeof filingQuery>['execute']>>[number];

function toFiling(r: Raw): FilingRow {
  return {
    id: r.id,
    serviceId: r.service_id,
    serviceName: r.service_name,
    serviceActive: Number(r.service_active) === 1,
    launchDate: r.launch_date,
    serviceEndedOn: r.ended_on,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    subjectName: r.subject_name ?? r.subject_id,
    // rows written before a kind was renamed keep their id; they read as the current kind
    kind: (canonicalKindId(r.kind) ?? r.kind) as FilingKindId,
    basis: r.basis,
    state: (isFilingState(r.state) ? r.state : 'assessing') as FilingState,
    stateSince: r.state_since,
    filingNumber: r.filing_number,
    version: Number(r.version),
  };
}

export async function listFilings(
  db: Kysely<Database>,
  opts: { service?: string } = {},
): Promise<FilingRow[]> {
  let q = filingQuery(db);
  if (opts.service) q = q.where('f.service_id', '=', opts.service);
  return (await q.orderBy('f.service_id').orderBy('f.id').execute()).map(toFiling);
}

export async function getFiling(db: Kysely<Database>, id: string): Promise<FilingRow> {
  const r = await filingQuery(db)
    .where('f.id', 'in', storedFilingIds(id))
    .orderBy('f.id', 'desc')
    .executeTakeFirst();
  if (!r) throw BeianError.of('NOT_FOUND', 'filings.noFilingList', { id });
  return toFiling(r);
}

export async function listTransitions(db: Kysely<Database>, filingId: string): Promise<TransitionRow[]> {
  const rows = await db
    .selectFrom('registry_transitions')
    .selectAll()
    .where('filing_id', '=', filingId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    filingId: r.filing_id,
    from: r.from_state,
    to: r.to_state,
    actor: r.actor,
    at: r.at,
    reason: r.reason,
    filingNumber: r.filing_number,
    evidence: JSON.parse(r.evidence_json) as string[],
  }));
}

export interface TransitionInput {
  filingId: string;
  to: string;
  actor: string;
  reason?: string | undefined;
  filingNumber?: string | undefined;
  /** sha256 of evidence already attached with attachEvidence */
  evidence?: string[] | undefined;
  /** the version the caller saw; a concurrent change makes the move fail instead of overwriting it */
  expectedVersion?: number | undefined;
  now: string;
}

/** Moves a filing to a new state if the lifecycle allows it, recording who, when, why and evidence. */
export async function transitionFiling(
  db: Kysely<Database>,
  kb: Kb,
  input: TransitionInput,
): Promise<FilingRow> {
  await withAuditRetry(db, async (trx) => {
    const f = await trx
      .selectFrom('registry_filings')
      .selectAll()
      .where('id', 'in', storedFilingIds(input.filingId))
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (!f) throw BeianError.of('NOT_FOUND', 'filings.noFiling', { id: input.filingId });
    const kind = kb.filingKinds.find((k) => k.id === canonicalKindId(f.kind));
    if (!kind) throw BeianError.of('INTERNAL', 'filings.kindNotInKb', { kind: f.kind });
    if (input.expectedVersion !== undefined && Number(f.version) !== input.expectedVersion) {
      throw BeianError.of('CONFLICT', 'filings.staleVersion', { id: f.id });
    }
    const from = isFilingState(f.state) ? f.state : 'assessing';
    const ok = checkTransition({
      kind,
      from,
      to: input.to,
      actor: input.actor,
      reason: input.reason,
      filingNumber: input.filingNumber,
    });
    const evidence = [...new Set(input.evidence ?? [])];
    for (const sha of evidence) {
      const ev = await trx
        .selectFrom('registry_evidence')
        .select('sha256')
        .where('sha256', '=', sha)
        .executeTakeFirst();
      if (!ev) throw BeianError.of('NOT_FOUND', 'filings.noEvidenceAttach', { sha });
      await linkEvidence(trx, sha, f.id, input.actor, input.now, `transition ${from} → ${ok.to}`);
    }
    const updated = await trx
      .updateTable('registry_filings')
      .set({
        state: ok.to,
        state_since: input.now,
        updated_at: input.now,
        filing_number: ok.filingNumber ?? f.filing_number,
        version: Number(f.version) + 1,
      })
      .where('id', '=', f.id)
      .where('version', '=', f.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      throw BeianError.of('CONFLICT', 'filings.concurrent', { id: f.id });
    }
    await trx
      .insertInto('registry_transitions')
      .values({
        id: randomUUID(),
        filing_id: f.id,
        seq: Number(f.version) + 1,
        from_state: from,
        to_state: ok.to,
        actor: input.actor,
        at: input.now,
        reason: input.reason ?? null,
        filing_number: ok.filingNumber ?? null,
        evidence_json: JSON.stringify(evidence),
      })
      .execute();
    await appendAudit(trx, {
      at: input.now,
      actor: input.actor,
      action: 'filing.transition',
      subject: f.id,
      details: {
        from,
        to: ok.to,
        reason: input.reason ?? null,
        filingNumber: ok.filingNumber ?? null,
        evidence,
      },
    });
  });
  return getFiling(db, input.filingId);
}

export async function linkEvidence(
  db: Kysely<Database> | Parameters<Parameters<typeof withAuditRetry>[1]>[0],
  sha: string,
  filingId: string,
  actor: string,
  at: string,
  note: string | null,
): Promise<boolean> {
  const exists = await db
    .selectFrom('registry_evidence_links')
    .select('sha256')
    .where('sha256', '=', sha)
    .where('filing_id', '=', filingId)
    .executeTakeFirst();
  if (exists) return false;
  await db
    .insertInto('registry_evidence_links')
    .values({ sha256: sha, filing_id: filingId, actor, at, note })
    .execute();
  return true;
}

/** Records that a service ended on a date: the cancellation deadline of its filings starts there. */
export async function endService(
  db: Kysely<Database>,
  serviceId: string,
  on: string,
  actor: string,
  now: string,
) {
  await withAuditRetry(db, async (trx) => {
    const r = await trx
      .updateTable('registry_services')
      .set({ ended_on: on, updated_at: now })
      .where('id', '=', serviceId)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1)
      throw BeianError.of('NOT_FOUND', 'filings.noService', { id: serviceId });
    await appendAudit(trx, {
      at: now,
      actor,
      action: 'service.end',
      subject: serviceId,
      details: { endedOn: on },
    });
  });
}
