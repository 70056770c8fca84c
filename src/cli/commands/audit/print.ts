import type { ChecklistReport } from '../../../app/fairness/checklist.js';
import { localMessage } from '../../../errors.js';
import type { DisparityReport, PriceReport } from '../../../fairness/report.js';
import type { Malformed } from '../../../fairness/types.js';
import { pick } from '../../../i18n/index.js';
import type { CliContext } from '../../context.js';
import { formatTable } from '../../output.js';

/** Terminal summaries of the audits. Numbers only; the HTML report carries the charts. */
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const num = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(3));
const p = (x: number) => (x < 0.0001 ? '<0.0001' : x.toFixed(4));
const ci = (c: [number, number], f: (x: number) => string) => `[${f(c[0])}, ${f(c[1])}]`;

/** Each row as `file:line column="value" reason`, the reason in the user's language. */
export function printMalformed(
  c: CliContext,
  file: string,
  listed: readonly Malformed[],
  count: number,
): void {
  if (count === 0) return;
  c.out(`\n${c.t('audit.malformed')}\n`);
  for (const m of listed.slice(0, 20)) {
    const where = m.column ? ` ${m.column}=${JSON.stringify(m.value ?? '')}` : '';
    c.out(`  ${file}:${m.line}${where} ${localMessage(m, c.t)}\n`);
  }
  if (count > 20) c.out(`  ${c.t('audit.malformedMore', { n: count - 20 })}\n`);
}

function printHead(c: CliContext, r: PriceReport | DisparityReport): void {
  c.out(`${c.t('audit.rows', { rows: r.rows, valid: r.validRows, bad: r.malformedCount })}\n`);
}

function printFlags(c: CliContext, r: PriceReport | DisparityReport): void {
  if (r.flags.length === 0) {
    c.out(`\n${c.t('audit.noFlags')}\n`);
    return;
  }
  c.out(`\n${c.t('audit.flags', { n: r.flags.length })}\n`);
  for (const f of r.flags)
    c.out(
      `  ✗ ${f.metric} ${f.attribute}=${f.group} vs ${f.reference}: ${num(f.value)} ${ci(f.ci, num)} p=${p(f.pValue)}\n`,
    );
}

export function printPrice(c: CliContext, r: PriceReport): void {
  printHead(c, r);
  const d = r.details;
  const rows = d.comparisons.map((x) => [
    x.group,
    x.reference,
    String(x.cells),
    pct(x.effect),
    ci(x.ci, pct),
    p(x.pValue),
    x.test,
    x.flagged ? '✗' : '',
  ]);
  const h = (k: Parameters<CliContext['t']>[0]) => c.t(k);
  c.out(
    `\n${formatTable(
      [
        h('audit.h.group'),
        h('audit.h.reference'),
        h('audit.h.cells'),
        h('audit.h.effect'),
        h('audit.h.ci'),
        h('audit.h.p'),
        h('audit.h.test'),
        h('audit.h.flag'),
      ],
      rows,
    )}\n`,
  );
  for (const x of d.comparisons.filter((y) => y.drivers.length > 0)) {
    c.out(`\n${x.group} vs ${x.reference} · ${c.t('audit.price.drivers')}\n`);
    const drows = x.drivers
      .slice(0, 10)
      .map((dr) => [
        dr.item,
        pct(dr.effect),
        p(dr.qValue),
        dr.windows.map((w) => `${w.start?.slice(0, 16) ?? '-'} ${pct(w.effect)}`).join('; '),
      ]);
    c.out(
      `${formatTable([h('audit.h.item'), h('audit.h.effect'), h('audit.h.q'), h('audit.h.windows')], drows)}\n`,
    );
    if (x.drivers.length > 10) c.out(`  ${c.t('audit.malformedMore', { n: x.drivers.length - 10 })}\n`);
  }
  printMalformed(c, r.file, r.malformed, r.malformedCount);
  printFlags(c, r);
}

export function printDisparity(c: CliContext, r: DisparityReport): void {
  printHead(c, r);
  const h = (k: Parameters<CliContext['t']>[0]) => c.t(k);
  for (const a of r.details.attributes) {
    c.out(
      `\n${c.t('audit.attribute', { attribute: a.attribute, reference: a.reference ?? a.exposureReference ?? '-' })}\n`,
    );
    const rows = a.groups.map((g) => [
      g.group + (g.small ? ` ${c.t('audit.small')}` : ''),
      String(g.n),
      g.rate === null ? '-' : pct(g.rate),
      g.exposureShare === null ? '-' : `${pct(g.exposureShare)} / ${pct(g.rowShare)}`,
    ]);
    c.out(
      `${formatTable([h('audit.h.group'), h('audit.h.n'), h('audit.h.rate'), h('audit.h.exposure')], rows)}\n\n`,
    );
    const comps = a.comparisons.map((x) => [
      x.metric,
      x.group,
      x.reference,
      num(x.value),
      ci(x.ci, num),
      p(x.pValue),
      x.flagged ? '✗' : '',
    ]);
    if (comps.length > 0)
      c.out(
        `${formatTable([h('audit.h.metric'), h('audit.h.group'), h('audit.h.reference'), h('audit.h.value'), h('audit.h.ci'), h('audit.h.p'), h('audit.h.flag')], comps)}\n`,
      );
  }
  printMalformed(c, r.file, r.malformed, r.malformedCount);
  printFlags(c, r);
}

const GAP_KEYS = {
  unanswered: 'audit.gap.unanswered',
  failed: 'audit.gap.failed',
  partial: 'audit.gap.partial',
  'no-evidence': 'audit.gap.noEvidence',
  'audit-failed': 'audit.gap.auditFailed',
} as const;

export function printChecklist(c: CliContext, r: ChecklistReport): void {
  for (const s of r.results) {
    const name = s.algorithm ? `${s.service}/${s.algorithm}` : s.service;
    c.out(
      `${c.t('audit.checklist.summary', {
        service: name,
        applicable: s.applicable,
        answered: s.answered,
        completeness: pct(s.completeness),
        yes: s.yes,
        gaps: s.gaps.filter((g) => g.blocking).length,
      })}\n`,
    );
    if (s.gaps.length === 0) continue;
    const questions = new Map(s.items.map((i) => [i.item.id, pick(i.item.question, c.lang)]));
    const rows = s.gaps.map((g) => [
      g.blocking ? '✗' : '!',
      g.item,
      c.t(GAP_KEYS[g.kind]),
      questions.get(g.item) ?? '',
    ]);
    c.out(
      `${c.t('audit.checklist.gaps')}\n${formatTable(['', c.t('audit.h.checklistItem'), c.t('audit.h.flag'), ''], rows)}\n\n`,
    );
  }
}
