import type { RedteamResultView, RedteamRunSummary } from '../deps.js';
import { h, seg } from '../html.js';
import { csrfField, type PageCtx, page } from '../layout.js';
import { barChart } from './charts.js';

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
export function redteamRunPage(
  p: PageCtx,
  run: RedteamRunSummary,
  results: readonly RedteamResultView[],
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
<td><span class="chip ${effective === 'fail' ? 'rejected' : effective === 'pass' ? 'filed' : ''}">${effective}</span> <span class="muted">${r.judge}</span>
${r.override ? h`<p class="muted override-note">${p.t('web.redteam.overridden', { actor: r.override.actor, verdict: r.override.verdict, comment: r.override.comment })}</p>` : ''}${form}</td></tr>`;
  });
  const body = h`<h1>${p.t('web.redteam.run', { id: run.id })}</h1><p>${run.target} · ${run.createdAt} · ${p.t('web.redteam.passRate', { passed: run.passed, total: run.total })}</p>
${barChart(run.perRisk.map((x) => ({ label: x.riskId, value: x.total ? x.passed / x.total : 0 })))}
<table id="results"><thead><tr><th>${p.t('web.col.risk')}</th><th>${p.t('web.col.prompt')}</th><th>${p.t('web.col.answer')}</th><th>${p.t('web.col.verdict')}</th></tr></thead><tbody>${rows}</tbody></table>`;
  return page(p, run.id, body);
}
