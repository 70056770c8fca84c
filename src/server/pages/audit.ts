import type { AuditEntry, ChainProblem } from '../../filings/audit-chain.js';
import { h } from '../html.js';
import { type PageCtx, page } from '../layout.js';

export function auditPage(
  p: PageCtx,
  entries: readonly AuditEntry[],
  problems: readonly ChainProblem[],
  total: number,
): string {
  const bad = new Set(problems.map((x) => x.seq));
  const body = h`<h1>${p.t('web.audit.heading')}</h1>
${problems.length ? h`<p class="error" id="chain">${p.t('web.audit.broken', { n: problems.length })}</p>` : h`<p class="notice" id="chain">${p.t('web.audit.ok', { n: total })}</p>`}
<table><thead><tr><th>#</th><th>${p.t('web.col.when')}</th><th>${p.t('web.col.who')}</th><th>${p.t('web.col.action')}</th><th>${p.t('web.col.subject')}</th><th>details</th><th>hash</th></tr></thead><tbody>${entries.map(
    (e) =>
      h`<tr${bad.has(e.seq) ? h` class="overdue"` : ''}><td>${e.seq}</td><td>${e.at.replace('T', ' ').slice(0, 19)}</td><td>${e.actor}</td><td>${e.action}</td><td>${e.subject}</td><td><code>${JSON.stringify(e.details)}</code></td><td><code>${e.hash.slice(0, 12)}</code></td></tr>`,
  )}</tbody></table>`;
  return page(p, p.t('web.audit.heading'), body);
}
