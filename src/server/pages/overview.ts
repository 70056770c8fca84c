import type { FilingRow, ServiceRow } from '../../app/filings/index.js';
import type { DueItem } from '../../filings/deadlines.js';
import { FILING_STATES } from '../../filings/lifecycle.js';
import { pick } from '../../i18n/index.js';
import type { Kb } from '../../kb/index.js';
import { esc, h, raw, seg } from '../html.js';
import { type PageCtx, page } from '../layout.js';

export interface OverviewData {
  services: readonly ServiceRow[];
  filings: readonly FilingRow[];
  due: readonly DueItem[];
}

/** services × filing kinds × state, with the next deadline per service; overdue in red. */
export function overviewPage(p: PageCtx, kb: Kb, d: OverviewData): string {
  const kinds = kb.filingKinds;
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
  const approxLabel = p.t('web.approximate');
  let rows = '';
  for (const s of d.services) {
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
${d.services.length === 0 ? h`<p class="notice">${p.t('web.overview.empty')}</p>` : ''}
${d.due.length ? h`<h2>${p.t('web.overview.deadlines')}</h2><table id="deadlines"><thead><tr><th>${p.t('web.col.due')}</th><th>${p.t('web.col.service')}</th><th>${p.t('web.col.event')}</th><th>${p.t('web.col.filing')}</th><th></th></tr></thead><tbody>${dueRows}</tbody></table>` : ''}
<table id="portfolio"><thead><tr><th>${p.t('web.col.service')}</th><th>${p.t('web.col.owner')}</th>${kinds.map((k) => h`<th>${pick(k.title, p.lang)}</th>`)}<th>${p.t('web.col.nextDue')}</th></tr></thead>
<tbody>${raw(rows)}</tbody></table>`;
  return page(p, p.t('web.overview.heading'), body);
}
