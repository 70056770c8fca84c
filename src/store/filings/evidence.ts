import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { BeianError } from '../../errors.js';
import type { Database } from '../schema.js';
import { appendAudit, withAuditRetry } from './audit.js';
import { linkEvidence } from './filings.js';

export interface EvidenceMeta {
  sha256: string;
  name: string;
  mediaType: string;
  size: number;
  createdAt: string;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Stores a file by content hash. The same bytes are stored once however often they are attached;
 * attaching links them to a filing. Content lives in the database (base64 text, portable between
 * SQLite and PostgreSQL) so a team database holds its evidence too.
 */
export async function attachEvidence(
  db: Kysely<Database>,
  input: {
    bytes: Uint8Array;
    name: string;
    mediaType: string;
    filingId?: string;
    actor: string;
    note?: string;
    now: string;
  },
): Promise<{ sha256: string; stored: boolean; linked: boolean }> {
  const sha = sha256Hex(input.bytes);
  return withAuditRetry(db, async (trx) => {
    const have = await trx
      .selectFrom('registry_evidence')
      .select('sha256')
      .where('sha256', '=', sha)
      .executeTakeFirst();
    let stored = false;
    if (!have) {
      await trx
        .insertInto('registry_evidence')
        .values({
          sha256: sha,
          name: input.name,
          media_type: input.mediaType,
          size: input.bytes.byteLength,
          content_base64: Buffer.from(input.bytes).toString('base64'),
          created_at: input.now,
        })
        .execute();
      stored = true;
    }
    let linked = false;
    if (input.filingId) {
      const f = await trx
        .selectFrom('registry_filings')
        .select('id')
        .where('id', '=', input.filingId)
        .executeTakeFirst();
      if (!f) throw BeianError.of('NOT_FOUND', 'filings.noFiling', { id: input.filingId });
      linked = await linkEvidence(trx, sha, input.filingId, input.actor, input.now, input.note ?? null);
    }
    if (stored || linked) {
      await appendAudit(trx, {
        at: input.now,
        actor: input.actor,
        action: 'evidence.attach',
        subject: input.filingId ?? 'evidence',
        details: { sha256: sha, name: input.name, size: input.bytes.byteLength, stored, linked },
      });
    }
    return { sha256: sha, stored, linked };
  });
}

/** Reads evidence and re-hashes it: a mismatch means the stored bytes were altered (INTEGRITY). */
export async function readEvidence(
  db: Kysely<Database>,
  sha: string,
): Promise<{ meta: EvidenceMeta; bytes: Buffer }> {
  const r = await db.selectFrom('registry_evidence').selectAll().where('sha256', '=', sha).executeTakeFirst();
  if (!r) throw BeianError.of('NOT_FOUND', 'filings.noEvidence', { sha });
  const bytes = Buffer.from(r.content_base64, 'base64');
  const actual = sha256Hex(bytes);
  if (actual !== r.sha256) {
    throw BeianError.of('INTEGRITY', 'filings.evidenceTampered', { name: r.name, sha, actual });
  }
  return {
    meta: {
      sha256: r.sha256,
      name: r.name,
      mediaType: r.media_type,
      size: Number(r.size),
      createdAt: r.created_at,
    },
    bytes,
  };
}

export async function listEvidence(db: Kysely<Database>, filingId: string) {
  return db
    .selectFrom('registry_evidence_links as l')
    .innerJoin('registry_evidence as e', 'e.sha256', 'l.sha256')
    .select(['e.sha256', 'e.name', 'e.media_type', 'e.size', 'l.actor', 'l.at', 'l.note'])
    .where('l.filing_id', '=', filingId)
    .orderBy('l.at')
    .execute();
}

/** Evidence files linked to each filing, for the overview's readiness (filings without any are 0). */
export async function countEvidenceByFiling(db: Kysely<Database>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('registry_evidence_links')
    .select(['filing_id', (eb) => eb.fn.count<string | number>('sha256').as('n')])
    .groupBy('filing_id')
    .execute();
  return new Map(rows.map((r) => [r.filing_id, Number(r.n)]));
}
