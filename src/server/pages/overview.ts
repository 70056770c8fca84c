import type { FilingRow, ServiceRow } from '../../app/filings/index.js';
import type { DueItem } from '../../filings/deadlines.js';
import { FILING_STATES } from '../../filings/lifecycle.js';
import {
  phaseOf,
  portfolioReadiness,
  READINESS_PHASES,
  type ReadinessPhase,
} from '../../filings/readiness.js';
import { pick } from '../../i18n/index.js';
import type { Kb } from '../../kb/index.js';
import { esc, h, raw, seg } from '../html.js';
import { type PageCtx, page } from '../layout.js';
import { readinessChart, readinessTotal } from './readiness-chart.js';

/** Filters and page of the portfolio table, from the query string (the form submits by GET). */
export interface OverviewQuery {
  q?: string;
  phase?: string;
  overdue?: string;
  page?: string;
}

export const PAGE_SIZE = 50;
/** Services charted: the least ready first, so the chart shows where the work is. */
const CHART_ROWS = 15;

export interface OverviewData {
  services: readonly ServiceRow[];
  filings: readonly FilingRow[];
  due: readonly DueItem[];
  /** evidence files per filing id; filings absent have none */
  evidence?: Readonly<Record<string, number>>;
}

/**
 * Readiness charts (per service and overall), the deadlines, then services × filing kinds × state
 * with the next deadline per service (overdue in red), filtered and paged without JavaScript.
 */
export function overviewPage(p: PageCtx, kb: Kb, d: OverviewData, query: OverviewQuery = {}): string {
  const kinds = kb.filingKinds;
  const readiness = portfolioReadiness(
    d.evidence ? d.filings.map((f) => ({ ...f, evidence: d.evidence?.[f.id] ?? 0 })) : d.filings,
    d.due,
  );
  const byService = new Map<string, FilingRow[]>();
  for (const f of d.filings) {
    const list = byService.get(f.serviceId);
    if (list) list.push(f);
    else byService.set(f.serviceId, [f]);
  }
  const nextDue = new Map<string, DueItem>();
  for (const x of d.due) if (!nextDue.has(x.service)) nextDue.set(x.service, x);
  const overdue = d.due.filter((x) => x.overdue).length;
  const stateLabel = new Map(FILING_STATES.map((s) => [s, p.t(`state.${s}` as 'state.filed')]));
  // The hot loop (1,000 services × 5 kinds) concatenates strings directly; every untrusted value
  // still goes through esc().
  const overdueLabel = esc(p.t('web.overdue'));
  // Filters: name or id contains q; has a filing in the phase; has an overdue deadline.
  const q = (query.q ?? '').trim().toLowerCase();
  const phase = (READINESS_PHASES as readonly string[]).includes(query.phase ?? '')
    ? (query.phase as ReadinessPhase)
    : undefined;
  const onlyOverdue = query.overdue === '1';
  const matching = d.services.filter(
    (s) =>
      (!q || s.name.toLowerCase().includes(q) || s.id.toLowerCase().includes(q)) &&
      (!phase || (byService.get(s.id) ?? []).some((f) => phaseOf(f.state) === phase)) &&
      (!onlyOverdue || nextDue.get(s.id)?.overdue === true),
  );
  const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  const current = Math.min(pages, Math.max(1, Number.parseInt(query.page ?? '1', 10) || 1));
  const shown = matching.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  const link = (n: number) => {
    const params = new URLSearchParams();
    if (q) params.set('q', query.q ?? '');
    if (phase) params.set('phase', phase);
    if (onlyOverdue) params.set('overdue', '1');
    params.set('page', String(n));
    return `/?${params.toString()}#portfolio`;
  };
  const pager =
    pages > 1
      ? h`<nav class="pager" aria-label="${p.t('web.pager.label')}">${current > 1 ? h`<a href="${link(current - 1)}" rel="prev">${p.t('web.pager.prev')}</a>` : ''} <span>${p.t('web.pager.status', { page: current, pages, n: matching.length })}</span> ${current < pages ? h`<a href="${link(current + 1)}" rel="next">${p.t('web.pager.next')}</a>` : ''}</nav>`
      : h`<p class="muted">${p.t('web.pager.count', { n: matching.length })}</p>`;
  const filters = h`<form method="get" action="/#portfolio" class="filters" id="portfolio-filters">
<label>${p.t('web.filter.q')} <input type="search" name="q" value="${query.q ?? ''}"></label>
<label>${p.t('web.filter.phase')} <select name="phase"><option value=""></option>${READINESS_PHASES.map((ph) => h`<option value="${ph}"${phase === ph ? h` selected` : ''}>${p.t(`web.readiness.${ph}`)}</option>`)}</select></label>
<label><input type="checkbox" name="overdue" value="1"${onlyOverdue ? h` checked` : ''}> ${p.t('web.filter.overdue')}</label>
<button type="submit">${p.t('web.filter.apply')}</button> <a href="/">${p.t('web.filter.clear')}</a></form>`;
  const approxLabel = p.t('web.approximate');
  let rows = '';
  for (const s of shown) {
    const fs = byService.get(s.id) ?? [];
    const due = nextDue.get(s.id);
    let cells = '';
    for (const k of kinds) {
      cells += '<td>';
      for (const f of fs) {
        if (f.kind !== k.id) continue;
        cells += `<a class="chip ${esc(f.state)}" href="/filings/${seg(f.id)}" title="${esc(f.subjectName)}">${esc(stateLabel.get(f.state) ?? f.state)}</a>`;
      }
      cells += '</td>';
    }
    const dueCell = due
      ? `<span class="${due.overdue ? 'overdue' : ''}"${due.approximate ? ' data-approximate="true"' : ''}>${esc(due.dueDate)}${due.approximate ? ` <span class="muted">(${esc(approxLabel)})</span>` : ''}${due.overdue ? ` · ${overdueLabel}` : ''}</span>`
      : '';
    rows += `<tr${due?.overdue ? ' class="overdue"' : ''} data-service="${esc(s.id)}"><td><a href="/services/${seg(s.id)}">${esc(s.name)}</a></td><td>${esc(s.owner ?? '')}</td>${cells}<td>${dueCell}</td></tr>`;
  }
  const dueRows = d.due
    .slice(0, 50)
    .map(
      (x) =>
        h`<tr${x.overdue ? h` class="overdue"` : ''}><td>${x.dueDate}${x.approximate ? h` <span class="muted">(${p.t('web.approximate')})</span>` : ''}</td><td>${x.serviceName}</td><td>${p.t(`deadline.event.${x.event}`)}</td><td><a href="/filings/${seg(x.filing)}">${x.filing}</a></td><td>${x.overdue ? p.t('web.overdue') : ''}</td></tr>`,
    );
  const body = h`<h1>${p.t('web.overview.heading')}</h1>
<p id="summary">${p.t('web.overview.summary', { services: d.services.length, filings: d.filings.length, overdue, due: d.due.length })}</p>
${d.services.length === 0 ? h`<p class="notice">${p.t('web.overview.empty')}</p>` : h`<h2>${p.t('web.readiness.heading')}</h2>${readinessTotal(p.t, readiness.total)}${readinessChart(p.t, readiness.services.slice(0, CHART_ROWS))}${readiness.services.length > CHART_ROWS ? h`<p class="muted">${p.t('web.readiness.more', { shown: CHART_ROWS, n: readiness.services.length })}</p>` : ''}`}
${d.due.length ? h`<h2>${p.t('web.overview.deadlines')}</h2><table id="deadlines"><thead><tr><th>${p.t('web.col.due')}</th><th>${p.t('web.col.service')}</th><th>${p.t('web.col.event')}</th><th>${p.t('web.col.filing')}</th><th></th></tr></thead><tbody>${dueRows}</tbody></table>` : ''}
<h2>${p.t('web.overview.portfolio')}</h2>${filters}${pager}
<table id="portfolio"><thead><tr><th>${p.t('web.col.service')}</th><th>${p.t('web.col.owner')}</th>${kinds.map((k) => h`<th>${pick(k.title, p.lang)}</th>`)}<th>${p.t('web.col.nextDue')}</th></tr></thead>
<tbody>${raw(rows)}</tbody></table>${pages > 1 ? pager : ''}`;
  return page(p, p.t('web.overview.heading'), body);
}
