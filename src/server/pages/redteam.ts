import type { JobCounts, RedteamResultView, RedteamRunSummary } from '../deps.js';
import { h, seg } from '../html.js';
import { csrfField, type PageCtx, page } from '../layout.js';
import { barChart } from './charts.js';
import { jobsPanel } from './jobs.js';

export function redteamListPage(p: PageCtx, runs: readonly RedteamRunSummary[]): string {
  const body = runs.length
    ? h`<table><thead><tr><th>ID</th><th>${p.t('web.col.when')}</th><th>target</th><th>${p.t('web.col.verdict')}</th></tr></thead><tbody>${runs.map(
        (r) =>
          h`<tr><td><a href="/redteam/${seg(r.id)}">${r.id}</a></td><td>${r.createdAt}</td><td>${r.target}</td><td>${p.t('web.redteam.passRate', { passed: r.passed, total: r.total })}</td></tr>`,
      )}</tbody></table>`
    : h`<p class="notice">${p.t('web.redteam.none')}</p>`;
  return page(p, p.t('web.redteam.heading'), h`<h1>${p.t('web.redteam.heading')}</h1>${body}`);
}

/** Every prompt and answer is untrusted model text: rendered only through the escaping template. */
export interface RunPageView {
  verdict?: string | undefined;
  risk?: string | undefined;
  page: number;
  limit: number;
  offset: number;
  /** matching results (undefined: the source gave them all at once) */
  total?: number | undefined;
  facets?: { verdicts: Record<string, number>; risks: Record<string, number> } | undefined;
  /** the run's queue batches; 'off' when the dashboard has no queue configured */
  jobs?: JobCounts | 'off' | undefined;
}

const VERDICT_ORDER = ['fail', 'uncertain', 'error', 'refused', 'pass'];

/** The filter form and the pager: plain GET links, so the page works without script. */
function pager(p: PageCtx, run: RedteamRunSummary, v: RunPageView, shown: number) {
  const total = v.total ?? shown;
  const href = (page: number) => {
    const q = new URLSearchParams();
    if (v.verdict) q.set('verdict', v.verdict);
    if (v.risk) q.set('risk', v.risk);
    if (page > 1) q.set('page', String(page));
    const s = q.toString();
    return `/redteam/${seg(run.id)}${s ? `?${s}` : ''}`;
  };
  const verdicts = Object.entries(v.facets?.verdicts ?? {}).sort(
    (a, b) => VERDICT_ORDER.indexOf(a[0]) - VERDICT_ORDER.indexOf(b[0]),
  );
  const risks = Object.entries(v.facets?.risks ?? {}).sort((a, b) =>
    a[0].localeCompare(b[0], 'en', { numeric: true }),
  );
  const form = h`<form method="get" action="/redteam/${seg(run.id)}" id="filter" class="filter">
<select name="verdict"><option value="">${p.t('web.redteam.allVerdicts')}</option>${verdicts.map(([k, n]) => h`<option value="${k}"${k === v.verdict ? h` selected` : ''}>${k} (${n})</option>`)}</select>
<select name="risk"><option value="">${p.t('web.redteam.allRisks')}</option>${risks.map(([k, n]) => h`<option value="${k}"${k === v.risk ? h` selected` : ''}>${k} (${n})</option>`)}</select>
<button type="submit">${p.t('web.redteam.filter')}</button></form>`;
  const from = total === 0 ? 0 : v.offset + 1;
  const to = v.offset + shown;
  const nav = h`<p class="pager" id="pager">${p.t('web.redteam.showing', { from, to, total })}
${v.page > 1 ? h` <a rel="prev" href="${href(v.page - 1)}">${p.t('web.redteam.prev')}</a>` : ''}${to < total ? h` <a rel="next" href="${href(v.page + 1)}">${p.t('web.redteam.next')}</a>` : ''}</p>`;
  return { form, nav };
}

export function redteamRunPage(
  p: PageCtx,
  run: RedteamRunSummary,
  results: readonly RedteamResultView[],
  view: RunPageView = { page: 1, limit: results.length, offset: 0 },
): string {
  const rows = results.map((r) => {
    const effective = r.override?.verdict ?? r.verdict;
    const form =
      p.role === 'editor'
        ? h`<form method="post" action="/redteam/${seg(run.id)}/results/${seg(r.id)}/override" class="override">${csrfField(p)}
<select name="verdict">${(['pass', 'fail', 'uncertain'] as const).map((v) => h`<option value="${v}"${v === effective ? h` selected` : ''}>${v}</option>`)}</select>
<input name="comment" required placeholder="${p.t('web.redteam.comment')}"> <input name="by" required placeholder="${p.t('web.filing.by')}" size="8"> <button type="submit">${p.t('web.redteam.override')}</button></form>`
        : '';
    return h`<tr data-result="${r.id}"><td>${r.riskId}<br><span class="muted">${r.bank}</span></td><td class="answer">${r.prompt}</td><td class="answer">${r.answer}</td>
<td><span class="chip ${effective === 'fail' ? 'rejected' : effective === 'pass' ? 'filed' : ''}">${effective}</span> <span class="muted">${r.judge}</span>${r.reason ? h`<br><span class="muted reason">${r.reason}</span>` : ''}
${r.override ? h`<p class="muted override-note">${p.t('web.redteam.overridden', { actor: r.override.actor, verdict: r.override.verdict, comment: r.override.comment })}</p>` : ''}${form}</td></tr>`;
  });
  const { form, nav } = pager(p, run, view, results.length);
  const body = h`<h1>${p.t('web.redteam.run', { id: run.id })}</h1><p>${run.target} · ${run.createdAt} · ${p.t('web.redteam.passRate', { passed: run.passed, total: run.total })}</p>
${barChart(run.perRisk.map((x) => ({ label: x.riskId, value: x.total ? x.passed / x.total : 0 })))}
${jobsPanel(p, view.jobs)}
${form}${nav}
<table id="results"><thead><tr><th>${p.t('web.col.risk')}</th><th>${p.t('web.col.prompt')}</th><th>${p.t('web.col.answer')}</th><th>${p.t('web.col.verdict')}</th></tr></thead><tbody>${rows}</tbody></table>${nav}`;
  return page(p, run.id, body);
}
