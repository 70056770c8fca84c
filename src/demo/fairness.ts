import { join } from 'node:path';
import { runChecklist } from '../app/fairness/checklist.js';
import { saveAudit } from '../app/fairness/evidence.js';
import { runDisparityAudit, runPriceAudit } from '../app/fairness/log-audit.js';
import { loadFairnessData } from '../fairness/data.js';
import { renderDisparityHtml, renderPriceHtml } from '../fairness/html.js';
import { translator } from '../i18n/index.js';
import { writeFileAtomicSync } from '../io/atomic.js';
import { type DemoStep, sampleInput, skipped } from './step.js';

/**
 * The fairness part of `beian demo`: audits the shipped e-commerce decision log
 * (examples/demo/decisions.csv, one planted issue: returning users pay 8% more on three items) for
 * price discrimination and coupon disparity, stores the evidence for the shop-search service, then
 * scores the self-assessment checklist of the demo's algorithms (which picks that evidence up).
 */
export const fairnessStep: DemoStep = {
  id: 'fairness',
  title: { zh: '算法自评估与公平性审计', en: 'Algorithm self-assessment and fairness audits' },
  async run(ctx) {
    const data = loadFairnessData(ctx.kb);
    const t = translator(ctx.lang);
    // The decision log belongs to a ranking or recommending service: the demo's shop search, else
    // the project's first such service. A project without one has nothing to audit for fairness.
    const ranking = ctx.project.services.filter((s) =>
      s.answers.functions?.some((f) => f === 'rank' || f === 'recommend'),
    );
    const service = (ranking.find((s) => s.id === 'shop-search') ?? ranking[0])?.id;
    const hasChecklist = (ctx.project.checklist?.length ?? 0) > 0;
    if (!service && !hasChecklist) return skipped(t('demo.fairness.skipped'));
    const log = sampleInput(ctx, 'decisions.csv').path;
    const audits = service ? await logAudits(log, service, data, ctx) : undefined;
    const checklist = hasChecklist
      ? await runChecklist({
          file: ctx.projectFile,
          data,
          store: ctx.store,
          shownAs: ctx.projectFile,
        })
      : undefined;
    for (const r of checklist?.results ?? [])
      await saveAudit(
        ctx.store,
        {
          kind: 'checklist',
          subject: ctx.projectFile,
          serviceId: r.service,
          failed: r.failed,
          flagCount: r.gaps.filter((g) => g.blocking).length,
          dataVersion: checklist!.dataVersion,
          result: r,
        },
        ctx.now,
      );
    const files = {
      priceHtml: join(ctx.outDir, 'fairness-price.html'),
      disparityHtml: join(ctx.outDir, 'fairness-disparity.html'),
      json: join(ctx.outDir, 'fairness.json'),
    };
    if (audits) {
      writeFileAtomicSync(files.priceHtml, renderPriceHtml(audits.price, ctx.lang));
      writeFileAtomicSync(files.disparityHtml, renderDisparityHtml(audits.disparity, ctx.lang));
    }
    writeFileAtomicSync(files.json, `${JSON.stringify({ ...audits, checklist }, null, 2)}\n`);
    const parts: string[] = [];
    if (audits) {
      const { price, disparity } = audits;
      const top = price.details.comparisons.find((c) => c.flagged);
      const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
      parts.push(
        t('demo.fairness.audits', {
          service: service ?? '',
          price: price.flags.length,
          top: top
            ? t('demo.fairness.top', {
                group: top.group,
                reference: top.reference,
                effect: pct(top.effect),
                drivers: top.drivers.length,
              })
            : '',
          disparity: disparity.flags.length,
        }),
      );
    }
    if (checklist) {
      const gaps = checklist.results
        .map((r) => `${r.service} ${r.gaps.filter((g) => g.blocking).length}`)
        .join(', ');
      parts.push(t('demo.fairness.gaps', { gaps }));
    } else parts.push(t('demo.fairness.noChecklist'));
    return {
      summary: parts.join(t('demo.parts.sep')),
      files: [
        ...(audits
          ? [
              { path: files.priceHtml, title: { zh: '价格差异审计（HTML）', en: 'Price audit (HTML)' } },
              {
                path: files.disparityHtml,
                title: { zh: '结果差异审计（HTML）', en: 'Disparity audit (HTML)' },
              },
            ]
          : []),
        {
          path: files.json,
          title: { zh: '审计与自评估结果（JSON）', en: 'Audit and checklist results (JSON)' },
        },
      ],
    };
  },
};

/** The price and coupon-disparity audits of the decision log, stored as evidence of `service`. */
async function logAudits(
  log: string,
  service: string,
  data: ReturnType<typeof loadFairnessData>,
  ctx: Parameters<DemoStep['run']>[0],
) {
  const price = await runPriceAudit({
    file: log,
    item: 'sku',
    price: 'price',
    group: 'user_type',
    time: 'ts',
    window: '1d',
    reference: 'new',
    seed: 1,
    data,
  });
  const disparity = await runDisparityAudit({
    file: log,
    groups: ['gender', 'device'],
    outcome: 'coupon_offered',
    seed: 1,
    data,
  });
  for (const r of [price, disparity])
    await saveAudit(
      ctx.store,
      {
        kind: r.kind,
        subject: log,
        serviceId: service,
        failed: r.flags.length > 0,
        flagCount: r.flags.length,
        dataVersion: r.dataVersion,
        result: r,
      },
      ctx.now,
    );
  return { price, disparity };
}
