import type { FilingRow, ServiceRow, TransitionRow } from '../../app/filings/index.js';
import type { ServiceDetermination } from '../../assess/determination.js';
import type { DueItem } from '../../filings/deadlines.js';
import { pick } from '../../i18n/index.js';
import type { Kb } from '../../kb/index.js';
import type { RedteamRunSummary, ScanSummary } from '../deps.js';
import { h, seg } from '../html.js';
import { type PageCtx, page } from '../layout.js';
import { barChart } from './charts.js';
import { determinationView } from './determination.js';
import { transitionsTable } from './filing.js';

export interface ServicePageData {
  service: ServiceRow;
  filings: readonly { filing: FilingRow; transitions: readonly TransitionRow[] }[];
  due: readonly DueItem[];
  determination?: ServiceDetermination | undefined;
  runs: readonly RedteamRunSummary[];
  scans: readonly ScanSummary[];
}

export function servicePage(p: PageCtx, kb: Kb, d: ServicePageData): string {
  const s = d.service;
  const kindTitle = (id: string) => {
    const k = kb.filingKinds.find((x) => x.id === id);
    return k ? pick(k.title, p.lang) : id;
  };
  const filings = d.filings.map(({ filing: f, transitions }) => {
    const due = d.due.filter((x) => x.filing === f.id);
    return h`<section class="filing" data-filing="${f.id}"><h3><a href="/filings/${seg(f.id)}">${kindTitle(f.kind)} · ${f.subjectName}</a>
<span class="chip ${f.state}">${p.t(`state.${f.state}` as 'state.filed')}</span>${f.filingNumber ? h` <code>${f.filingNumber}</code>` : ''}</h3>
${due.map((x) => h`<p class="${x.overdue ? 'overdue' : ''}" data-approximate="${x.approximate ? 'true' : 'false'}">${p.t(`deadline.event.${x.event}`)}: ${x.dueDate}${x.approximate ? h` <span class="muted">(${p.t('web.approximate')})</span>` : ''}${x.overdue ? h` · ${p.t('web.overdue')}` : ''}</p>`)}
${transitions.length ? transitionsTable(p, transitions) : ''}</section>`;
  });
  const runs = d.runs.length
    ? h`${barChart(d.runs.map((r) => ({ label: r.id, value: r.total ? r.passed / r.total : 0 })))}<ul>${d.runs.map(
        (r) =>
          h`<li><a href="/redteam/${seg(r.id)}">${p.t('web.redteam.run', { id: r.id })}</a> · ${r.target} · ${p.t('web.redteam.passRate', { passed: r.passed, total: r.total })}</li>`,
      )}</ul>`
    : h`<p class="muted">${p.t('web.service.noRuns')}</p>`;
  const scans = d.scans.length
    ? d.scans.map(
        (sc) =>
          h`<h3>${sc.kind} · ${sc.createdAt}</h3>${barChart(sc.metrics.map((m) => ({ label: m.label, value: m.value, threshold: m.threshold })))}`,
      )
    : h`<p class="muted">${p.t('web.service.noScans')}</p>`;
  const body = h`<h1>${p.t('web.service.heading', { name: s.name })}</h1>
<p class="muted">${s.description ?? ''}</p>
<p>${p.t('web.col.owner')}: ${s.owner ?? '—'} · ${p.t('web.service.launch')}: ${s.launchDate ?? '—'}</p>
<h2>${p.t('web.service.assessment')}</h2>
${d.determination ? determinationView(p, kb, d.determination) : h`<p class="muted">${p.t('web.service.noAssessment')}</p>`}
<details><summary>${p.t('web.service.answers')}</summary><pre>${JSON.stringify(JSON.parse(s.answersJson), null, 2)}</pre></details>
<h2>${p.t('web.service.filings')}</h2>${filings}
<h2>${p.t('web.service.redteam')}</h2>${runs}
<h2>${p.t('web.service.scans')}</h2>${scans}`;
  return page(p, s.name, body);
}
