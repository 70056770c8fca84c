import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { PG_URL, storeDrivers } from '../../test/helpers/store-drivers.js';
import { buildInventory } from '../filings/inventory.js';
import { loadKb } from '../kb/index.js';
import { parseProject } from '../project/index.js';
import {
  attachEvidence,
  countEvidenceByFiling,
  getFiling,
  listFilings,
  listTransitions,
  readEvidence,
  syncInventory,
  transitionFiling,
  verifyAudit,
} from './filings/index.js';

/**
 * One contract suite, every driver (ARCHITECTURE.md §6). SQLite always runs; PostgreSQL runs when
 * BEIAN_TEST_PG_URL names a server (.ci/run starts one and sets it, so in CI it always runs).
 * Each PostgreSQL test gets its own schema, so test files can run in parallel on one database.
 */
if (process.env.CI && !PG_URL)
  throw new Error('CI must provide BEIAN_TEST_PG_URL for the PostgreSQL contract tests');

const drivers = storeDrivers('beian-store-');
// The README promises this note: a developer's `npm test` must say that half the suite did not run
// (a warning, and a skipped entry in the summary).
if (!PG_URL) {
  console.warn(
    'store contract: PostgreSQL half skipped — set BEIAN_TEST_PG_URL=postgres://… to run it (CI always does)',
  );
  describe.skip('store contract: postgres (skipped: BEIAN_TEST_PG_URL is not set)', () => {
    it.skip('runs the whole contract suite against PostgreSQL', () => {});
  });
}

const kb = loadKb();
const DEMO = parseProject(
  `
version: 1
organisation: { name: 示例科技 }
services:
  - id: feed
    name: "<script>alert('feed')</script>"
    answers: { launchDate: "2026-10-12", functions: [recommend] }
    algorithms: [{ id: rec, name: 推荐算法, types: [personalized-push] }]
  - id: chat
    name: 对话助手
    answers: { functions: [generate-synthesise], model: { source: self-trained } }
    models: [{ id: llm, name: 大模型 }]
`,
  'beian.yaml',
);
const NOW = '2026-11-25T02:00:00.000Z';

describe.each(drivers)('store contract: %s', (_name, open) => {
  it('applies migrations on open and reopens idempotently; location never shows a password', async () => {
    const store = await open();
    expect(store.location).not.toMatch(/:[^:@/]+@/);
    const tables = await store.db.selectFrom('registry_filings').select('id').execute();
    expect(tables).toEqual([]);
    await store.close();
  });

  it('syncs the inventory idempotently', async () => {
    const store = await open();
    const inv = buildInventory(DEMO);
    const first = await syncInventory(store.db, inv, { actor: 't', now: NOW, source: 'beian.yaml' });
    expect(first.services.added.sort()).toEqual(['chat', 'feed']);
    expect(first.filings.added.sort()).toEqual(['chat:llm:genai-filing', 'feed:rec:algorithm-filing']);
    const second = await syncInventory(store.db, inv, { actor: 't', now: NOW, source: 'beian.yaml' });
    expect(second.unchanged).toBe(true);
    expect((await verifyAudit(store.db)).entries).toBe(1);
    const filings = await listFilings(store.db);
    expect(filings.find((f) => f.serviceId === 'feed')?.serviceName).toBe("<script>alert('feed')</script>");
    await store.close();
  });

  it('reads a filing stored under the old "security-assessment" id as the public-opinion assessment', async () => {
    const store = await open();
    const base = buildInventory(DEMO);
    const planned = (kind: string) => ({
      id: `feed:feed:${kind}`,
      serviceId: 'feed',
      subjectType: 'service' as const,
      subjectId: 'feed',
      kind: kind as 'public-opinion-assessment',
      basis: 'required' as const,
      filingNumber: null,
    });
    // what a registry written before the split holds
    await syncInventory(
      store.db,
      { ...base, filings: [...base.filings, planned('security-assessment')] },
      {
        actor: 't',
        now: NOW,
        source: 'old',
      },
    );
    const after = await syncInventory(
      store.db,
      { ...base, filings: [...base.filings, planned('public-opinion-assessment')] },
      { actor: 't', now: NOW, source: 'new' },
    );
    expect(after.filings.added).toEqual([]);
    expect(after.filings.removed).toEqual([]);
    const row = (await listFilings(store.db)).find((f) => f.id === 'feed:feed:security-assessment');
    expect(row?.kind).toBe('public-opinion-assessment');
    expect((await getFiling(store.db, 'feed:feed:public-opinion-assessment')).id).toBe(
      'feed:feed:security-assessment',
    );
    const moved = await transitionFiling(store.db, kb, {
      filingId: 'feed:feed:public-opinion-assessment',
      to: 'preparing',
      actor: 't',
      now: NOW,
    });
    expect(moved.state).toBe('preparing');
    await store.close();
  });

  it('moves a filing through its lifecycle, records transitions and refuses invalid moves', async () => {
    const store = await open();
    await syncInventory(store.db, buildInventory(DEMO), { actor: 't', now: NOW, source: 'x' });
    const id = 'feed:rec:algorithm-filing';
    for (const to of ['preparing', 'submitted', 'under-review']) {
      await transitionFiling(store.db, kb, { filingId: id, to, actor: '王芳', reason: 'ok', now: NOW });
    }
    await expect(
      transitionFiling(store.db, kb, { filingId: id, to: 'published', actor: 'x', now: NOW }),
    ).rejects.toThrow(/cannot move from "under-review" to "published"/);
    const f = await transitionFiling(store.db, kb, {
      filingId: id,
      to: 'filed',
      actor: '王芳',
      filingNumber: '网信算备110108000000000000001号',
      now: NOW,
    });
    expect(f.state).toBe('filed');
    expect(f.filingNumber).toBe('网信算备110108000000000000001号');
    await expect(
      transitionFiling(store.db, kb, {
        filingId: id,
        to: 'published',
        actor: 'x',
        expectedVersion: 1,
        now: NOW,
      }),
    ).rejects.toThrow(/changed by someone else/);
    const ts = await listTransitions(store.db, id);
    expect(ts.map((t) => t.to)).toEqual(['preparing', 'submitted', 'under-review', 'filed']);
    expect((await verifyAudit(store.db)).problems).toEqual([]);
    await store.close();
  });

  it('stores evidence once by sha256 and detects altered content on read', async () => {
    const store = await open();
    await syncInventory(store.db, buildInventory(DEMO), { actor: 't', now: NOW, source: 'x' });
    const bytes = new TextEncoder().encode('算法安全自评估报告 v1');
    const a = await attachEvidence(store.db, {
      bytes,
      name: 'r.txt',
      mediaType: 'text/plain',
      filingId: 'feed:rec:algorithm-filing',
      actor: 't',
      now: NOW,
    });
    const b = await attachEvidence(store.db, {
      bytes,
      name: 'copy.txt',
      mediaType: 'text/plain',
      filingId: 'chat:llm:genai-filing',
      actor: 't',
      now: NOW,
    });
    expect(a.sha256).toBe(b.sha256);
    expect([a.stored, b.stored]).toEqual([true, false]);
    const counts = await countEvidenceByFiling(store.db);
    expect(Object.fromEntries(counts)).toEqual({
      'feed:rec:algorithm-filing': 1,
      'chat:llm:genai-filing': 1,
    });
    const n = await store.db
      .selectFrom('registry_evidence')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    expect(Number(n?.n)).toBe(1);
    expect((await readEvidence(store.db, a.sha256)).bytes.toString()).toBe('算法安全自评估报告 v1');
    await store.db
      .updateTable('registry_evidence')
      .set({ content_base64: Buffer.from('forged').toString('base64') })
      .where('sha256', '=', a.sha256)
      .execute();
    await expect(readEvidence(store.db, a.sha256)).rejects.toThrow(/fails verification/);
    await store.close();
  });

  it('detects an audit entry edited directly in the database', async () => {
    const store = await open();
    await syncInventory(store.db, buildInventory(DEMO), { actor: 't', now: NOW, source: 'x' });
    await transitionFiling(store.db, kb, {
      filingId: 'chat:llm:genai-filing',
      to: 'preparing',
      actor: 'a',
      now: NOW,
    });
    expect((await verifyAudit(store.db)).problems).toEqual([]);
    await sql`update audit_log set actor = 'mallory' where seq = 2`.execute(store.db);
    expect((await verifyAudit(store.db)).problems).toEqual([{ seq: 2, problem: 'hash-mismatch' }]);
    await store.close();
  });

  it('keeps the audit chain linear under concurrent writers', async () => {
    const store = await open();
    await syncInventory(store.db, buildInventory(DEMO), { actor: 't', now: NOW, source: 'x' });
    const bytes = (i: number) => new TextEncoder().encode(`evidence ${i}`);
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        attachEvidence(store.db, {
          bytes: bytes(i),
          name: `${i}.txt`,
          mediaType: 'text/plain',
          actor: 'x',
          now: NOW,
        }),
      ),
    );
    const v = await verifyAudit(store.db);
    expect(v.entries).toBe(9);
    expect(v.problems).toEqual([]);
    expect((await getFiling(store.db, 'feed:rec:algorithm-filing')).state).toBe('assessing');
    await store.close();
  });
});
