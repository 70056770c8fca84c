import type { GuardSummary } from '../../app/guard/records.js';
import { h, type SafeHtml } from '../html.js';
import { type PageCtx, page } from '../layout.js';

const COLORS: Record<string, string> = {
  'A.1': '#c0392b',
  'A.2': '#8e44ad',
  'A.3': '#d35400',
  'A.4': '#2471a3',
  'A.5': '#17803d',
};
const colorOf = (risk: string) => COLORS[risk.split('.').slice(0, 2).join('.')] ?? '#555';

/** Interceptions per day as stacked SVG bars, one colour per risk category (no scripts: strict CSP). */
function perDayChart(byDay: GuardSummary['byDay']): SafeHtml {
  const days = [...new Set(byDay.map((d) => d.day))].sort();
  const totals = days.map((day) => byDay.filter((d) => d.day === day).reduce((a, d) => a + d.n, 0));
  const max = Math.max(1, ...totals);
  const barW = 22;
  const chartH = 160;
  const w = Math.max(200, days.length * (barW + 16) + 40);
  const bars = days.map((day, i) => {
    const x = 30 + i * (barW + 16);
    let y = chartH;
    const parts = byDay
      .filter((d) => d.day === day)
      .map((d) => {
        const hgt = Math.max(1, Math.round((d.n / max) * (chartH - 10)));
        y -= hgt;
        return h`<rect x="${x}" y="${y}" width="${barW}" height="${hgt}" fill="${colorOf(d.risk)}"><title>${day} ${d.risk}: ${d.n}</title></rect>`;
      });
    return h`${parts}<text x="${x}" y="${chartH + 14}" font-size="9">${day.slice(5)}</text>`;
  });
  return h`<svg role="img" id="guard-per-day" width="${w}" height="${chartH + 20}" viewBox="0 0 ${w} ${chartH + 20}" xmlns="http://www.w3.org/2000/svg"><text x="0" y="10" font-size="10">${max}</text>${bars}</svg>`;
}

export function guardPage(p: PageCtx, s: GuardSummary): string {
  const title = p.t('guard.page.title');
  if (s.total === 0 && s.suspended.length === 0)
    return page(
      p,
      title,
      h`<h1>${title}</h1><p class="muted" id="guard-empty">${p.t('guard.page.none')}</p>`,
    );
  const body = h`<h1>${title}</h1>
<p class="muted">${p.t('guard.page.since', { since: s.since.slice(0, 10), n: s.total })}</p>
<h2>${p.t('guard.page.perDay')}</h2>${perDayChart(s.byDay)}
<h2>${p.t('guard.page.byRisk')}</h2>
<table id="guard-by-risk"><thead><tr><th>${p.t('guard.page.risk')}</th><th>${p.t('guard.page.direction')}</th><th>${p.t('guard.page.action')}</th><th>${p.t('guard.page.count')}</th></tr></thead><tbody>${s.byRisk.map(
    (r) => h`<tr><td>${r.risk}</td><td>${r.direction}</td><td>${r.action}</td><td>${r.n}</td></tr>`,
  )}</tbody></table>
<h2>${p.t('guard.page.topKeywords')}</h2>
<table id="guard-keywords"><thead><tr><th>${p.t('guard.page.keyword')}</th><th>${p.t('guard.page.risk')}</th><th>${p.t('guard.page.source')}</th><th>${p.t('guard.page.count')}</th></tr></thead><tbody>${s.topKeywords.map(
    (k) => h`<tr><td>${k.keyword}</td><td>${k.risk}</td><td>${k.keywordId}</td><td>${k.n}</td></tr>`,
  )}</tbody></table>
<h2>${p.t('guard.page.suspended')}</h2>
<table id="guard-suspended"><thead><tr><th>${p.t('guard.page.user')}</th><th>${p.t('guard.page.at')}</th></tr></thead><tbody>${s.suspended.map(
    (u) => h`<tr><td><code>${u.userHash}</code></td><td>${u.at}</td></tr>`,
  )}</tbody></table>`;
  return page(p, title, body);
}
