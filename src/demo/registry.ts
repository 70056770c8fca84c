import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { determineFilings } from '../app/filings/determine.js';
import { deadlinesFor, isoDay, syncRegistry } from '../app/filings/filings.js';
import { attachEvidence, getFiling, listFilings, transitionFiling } from '../app/filings/index.js';
import { deadlinesToIcs } from '../filings/ics.js';
import { translator } from '../i18n/index.js';
import { writeFileAtomicSync } from '../io/atomic.js';
import type { DemoStep } from './step.js';

const ACTOR = 'beian demo';

/**
 * Fills the registry from the demo portfolio and moves a few filings along their lifecycle, so
 * `beian serve` afterwards shows states, a filing number, evidence, deadlines and the audit trail.
 * Re-running leaves filings that already moved alone (the registry is idempotent).
 */
export const registryStep: DemoStep = {
  id: 'registry',
  title: { zh: '备案台账与期限', en: 'Filing registry and deadlines' },
  async run(ctx) {
    const { kb } = ctx;
    await syncRegistry(ctx.store, kb, {
      config: ctx.projectFile,
      actor: ACTOR,
      now: ctx.now,
      determine: determineFilings,
    });
    const now = ctx.now.toISOString();
    const walk = async (id: string, moves: [string, { reason?: string; number?: string }?][]) => {
      const existing = await getFiling(ctx.store.db, id).catch(() => undefined);
      if (existing?.state !== 'assessing') return;
      for (const [to, extra] of moves) {
        await transitionFiling(ctx.store.db, kb, {
          filingId: id,
          to,
          actor: ACTOR,
          reason: extra?.reason,
          filingNumber: extra?.number,
          now,
        });
      }
    };
    // Three typical situations: a launched service still preparing its filing (overdue), a filed
    // algorithm with a pending change (change deadline), a model filing in expert review. The demo
    // portfolio's filings play them; in another project, the first filings that can.
    const before = (await listFilings(ctx.store.db)).filter((f) => f.serviceActive);
    const pick = (preferred: string, can: (f: (typeof before)[number]) => boolean) =>
      (before.find((f) => f.id === preferred) ?? before.find(can))?.id;
    const searchFiling = pick(
      'shop-search:product-search-ranking:algorithm-filing',
      (f) => f.kind === 'algorithm-filing' && f.state === 'assessing',
    );
    if (searchFiling) await walk(searchFiling, [['preparing']]);
    const feed = pick('video-feed:feed-recommender:algorithm-filing', (f) => f.state === 'filed');
    const feedNow = feed ? await getFiling(ctx.store.db, feed).catch(() => undefined) : undefined;
    if (feed && feedNow?.state === 'filed') {
      for (const [to, reason] of [
        ['published', undefined],
        ['change-pending', translator(ctx.lang)('demo.registry.reason')],
      ] as const)
        await transitionFiling(ctx.store.db, kb, { filingId: feed, to, actor: ACTOR, reason, now });
    }
    const genai = pick(
      'chat-assistant:demo-llm:genai-filing',
      (f) => f.kind === 'genai-filing' && f.state === 'assessing',
    );
    if (genai) await walk(genai, [['preparing'], ['submitted'], ['expert-review']]);
    const assessment = join(ctx.outDir, 'assessment.json');
    const evidenceFile = existsSync(assessment) ? assessment : ctx.projectFile;
    const evidenceFiling = searchFiling ?? before[0]?.id;
    if (evidenceFiling)
      await attachEvidence(ctx.store.db, {
        bytes: readFileSync(evidenceFile),
        name: basename(evidenceFile),
        mediaType: 'application/json',
        filingId: evidenceFiling,
        actor: ACTOR,
        note: translator(ctx.lang)('demo.registry.note'),
        now,
      });
    const filings = await listFilings(ctx.store.db);
    const due = deadlinesFor(filings, kb, isoDay(ctx.now));
    const jsonFile = join(ctx.outDir, 'deadlines.json');
    const icsFile = join(ctx.outDir, 'deadlines.ics');
    writeFileAtomicSync(jsonFile, `${JSON.stringify({ due }, null, 2)}\n`);
    writeFileAtomicSync(
      icsFile,
      deadlinesToIcs(due, {
        stamp: now,
        title: (d) => `${d.serviceName} · ${d.kind} (${d.event})`,
        description: (d) => `${d.filing}: ${d.workingDays} working days from ${d.from}`,
        approximate: translator(ctx.lang)('deadlines.approximate'),
      }),
    );
    const overdue = due.filter((d) => d.overdue).length;
    const summary = translator(ctx.lang)('demo.summary.registry', {
      services: new Set(filings.map((f) => f.serviceId)).size,
      filings: filings.length,
      due: due.length,
      overdue,
      location: ctx.store.location,
    });
    return {
      summary,
      files: [
        { path: jsonFile, title: { zh: '法定期限（JSON）', en: 'Legal deadlines (JSON)' } },
        { path: icsFile, title: { zh: '法定期限日历（iCalendar）', en: 'Deadline calendar (iCalendar)' } },
      ],
    };
  },
};
