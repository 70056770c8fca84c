import { type Lang, translator } from '../i18n/index.js';
import { html, raw, type SafeHtml } from '../util/html.js';
import { type AssessView, companyServices } from './view.js';

type FilingView = AssessView['services'][number]['filings'][number];

const statusLabel = (lang: Lang, s: FilingView['status']) => translator(lang)(`assess.status.${s}`);

function timelineText(lang: Lang, f: FilingView): string {
  const t = translator(lang);
  const { minMonths: min, maxMonths: max } = f.timeline;
  return min === null || max === null
    ? t('assess.timeline.unknown')
    : t('assess.timeline.months', { min, max });
}

/** The determination as Markdown (pure). */
export function renderAssessMarkdown(view: AssessView, generatedAt: string): string {
  const t = translator(view.lang);
  const lines: string[] = [
    `# ${t('assess.title')}`,
    '',
    `${t('assess.generated', { time: generatedAt })} · ${t('assess.versions', { rules: view.rulesetVersion, kb: view.kbVersion })}`,
    '',
  ];
  const kindTitle = new Map(view.services.flatMap((s) => s.filings.map((f) => [f.kind, f.title] as const)));
  lines.push(
    `## ${t('assess.company')}`,
    '',
    `| ${t('assess.filing')} | ${t('assess.status')} | ${t('assess.service')} |`,
    '|---|---|---|',
  );
  for (const c of view.company)
    lines.push(
      `| ${kindTitle.get(c.kind) ?? c.kind} | ${statusLabel(view.lang, c.status)} | ${companyServices(c, (x) => statusLabel(view.lang, x), view.lang)} |`,
    );
  lines.push('');
  if (view.missing.length) {
    lines.push(
      `> **${t('assess.missing')}**`,
      ...view.missing.map((m) => `> - ${m.service}: ${kindTitle.get(m.kind) ?? m.kind}`),
      '',
    );
  }
  for (const s of view.services) {
    lines.push(`## ${s.name} (\`${s.id}\`)`, '');
    for (const f of s.filings) {
      lines.push(`### ${f.title} — ${statusLabel(view.lang, f.status)}`, '');
      if (f.algorithmTypeTitles)
        lines.push(`- ${t('assess.algorithmTypes')}: ${f.algorithmTypeTitles.join('、')}`);
      if (f.role)
        lines.push(
          `- ${t('assess.role')}: ${t(`assess.role.${f.role as 'provider' | 'technical-supporter'}`)}`,
        );
      if (f.filingNumber !== undefined) lines.push(`- ${t('assess.filingNumber')}: ${f.filingNumber ?? '—'}`);
      if (f.status !== 'not-required') lines.push(`- ${t('assess.timeline')}: ${timelineText(view.lang, f)}`);
      if (f.reasons.length) {
        lines.push(`- ${t('assess.reasons')}:`);
        for (const r of f.reasons)
          lines.push(
            `  - ${r.outcome === 'pending' ? `${t('assess.pending')} ` : ''}${r.text} — ${r.citation.text} \`${r.ruleId}\``,
          );
      }
      if (f.status !== 'not-required') {
        if (f.materials.length)
          lines.push(`- ${t('assess.materials')}: ${f.materials.map((m) => m.title).join('；')}`);
        if (f.deadlines.length)
          lines.push(`- ${t('assess.deadlines')}: ${f.deadlines.map((d) => d.text).join('；')}`);
        lines.push(`- ${t('assess.consequences')}: ${f.consequences.join('；')}`);
        if (f.duties?.length) {
          lines.push(`- ${t('assess.duties')}:`);
          for (const d of f.duties) lines.push(`  - ${d.title}：${d.text} — ${d.citation}`);
        }
      }
      lines.push('');
    }
    if (s.toClarify.length) {
      lines.push(
        `**${t('assess.toClarify')}**`,
        '',
        ...s.toClarify.map(
          (c) => `- ${c.question} (\`${c.field}\`; ${t('assess.affects', { kinds: c.affects.join(', ') })})`,
        ),
        '',
      );
    }
  }
  lines.push('---', t('assess.disclaimer'), '');
  return lines.join('\n');
}

const CSS = `
:root{--req:#b42318;--likely:#b54708;--no:#067647;--line:#e4e7ec;--muted:#667085}
*{box-sizing:border-box}body{font-family:"PingFang SC","Noto Sans CJK SC","Microsoft YaHei","Source Han Sans SC",sans-serif;margin:0;color:#101828;background:#f9fafb;line-height:1.55}
main{max-width:1100px;margin:0 auto;padding:24px}h1{font-size:26px;margin:0 0 4px}h2{margin-top:32px;border-bottom:2px solid var(--line);padding-bottom:6px}
.meta{color:var(--muted);font-size:13px}table{border-collapse:collapse;width:100%;background:#fff;margin:12px 0}th,td{border:1px solid var(--line);padding:6px 10px;text-align:left;vertical-align:top;font-size:14px}
th{background:#f2f4f7}.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;color:#fff}
.required{background:var(--req)}.likely{background:var(--likely)}.not-required{background:var(--no)}
details{background:#fff;border:1px solid var(--line);border-radius:8px;margin:10px 0;padding:8px 14px}summary{cursor:pointer;font-weight:600}
.pending{color:var(--likely)}.cite{color:var(--muted);font-size:12px}.alert{background:#fef3f2;border:1px solid #fecdca;border-radius:8px;padding:10px 14px}
.clarify{background:#fffaeb;border:1px solid #fedf89;border-radius:8px;padding:10px 14px}code{font-size:12px;color:var(--muted)}
@media print{body{background:#fff}details{break-inside:avoid}details>*{display:block}}`;

/** The determination as a self-contained HTML page (pure; every value escaped). */
export function renderAssessHtml(view: AssessView, generatedAt: string): string {
  const t = translator(view.lang);
  const kindTitle = new Map(view.services.flatMap((s) => s.filings.map((f) => [f.kind, f.title] as const)));
  const badge = (s: FilingView['status']) =>
    html`<span class="badge ${s}">${statusLabel(view.lang, s)}</span>`;
  const filing = (f: FilingView): SafeHtml => html`<details ${raw(f.status === 'not-required' ? '' : 'open')}>
<summary>${f.title} ${badge(f.status)}</summary>
<ul>
${f.algorithmTypeTitles ? html`<li>${t('assess.algorithmTypes')}: ${f.algorithmTypeTitles.join('、')}</li>` : ''}
${f.role ? html`<li>${t('assess.role')}: ${t(`assess.role.${f.role as 'provider' | 'technical-supporter'}`)}</li>` : ''}
${f.filingNumber !== undefined ? html`<li>${t('assess.filingNumber')}: ${f.filingNumber ?? '—'}</li>` : ''}
${f.status !== 'not-required' ? html`<li>${t('assess.timeline')}: ${timelineText(view.lang, f)} <span class="cite">${f.timeline.note}</span></li>` : ''}
</ul>
<p><strong>${t('assess.reasons')}</strong></p>
<ul>${f.reasons.map((r) => html`<li class="${r.outcome}">${r.outcome === 'pending' ? t('assess.pending') : ''} ${r.text}<br><span class="cite">${r.citation.text} · ${r.ruleId}</span></li>`)}</ul>
${
  f.status === 'not-required'
    ? ''
    : html`<p><strong>${t('assess.materials')}</strong></p><ul>${f.materials.map((m) => html`<li>${m.title}</li>`)}</ul>
${f.deadlines.length ? html`<p><strong>${t('assess.deadlines')}</strong></p><ul>${f.deadlines.map((d) => html`<li>${d.text}</li>`)}</ul>` : ''}
<p><strong>${t('assess.consequences')}</strong></p><ul>${f.consequences.map((c) => html`<li>${c}</li>`)}</ul>
${f.duties?.length ? html`<p><strong>${t('assess.duties')}</strong></p><ul>${f.duties.map((d) => html`<li data-duty="${d.id}">${d.title}：${d.text}<br><span class="cite">${d.citation}</span></li>`)}</ul>` : ''}`
}
</details>`;
  const page = html`<!doctype html>
<html lang="${t('web.html.lang')}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${t('assess.title')}</title><style>${raw(CSS)}</style></head>
<body><main>
<h1>${t('assess.title')}</h1>
<p class="meta">${t('assess.generated', { time: generatedAt })} · ${t('assess.versions', { rules: view.rulesetVersion, kb: view.kbVersion })}</p>
<h2>${t('assess.company')}</h2>
<table><thead><tr><th>${t('assess.filing')}</th><th>${t('assess.status')}</th><th>${t('assess.service')}</th></tr></thead>
<tbody>${view.company.map((c) => html`<tr><td>${kindTitle.get(c.kind) ?? c.kind}</td><td>${badge(c.status)}</td><td>${companyServices(c, (x) => statusLabel(view.lang, x), view.lang)}</td></tr>`)}</tbody></table>
${
  view.missing.length
    ? html`<div class="alert"><strong>${t('assess.missing')}</strong><ul>${view.missing.map((m) => html`<li>${m.service}: ${kindTitle.get(m.kind) ?? m.kind}</li>`)}</ul></div>`
    : html`<p>${t('assess.noMissing')}</p>`
}
${view.services.map(
  (s) => html`<h2>${s.name} <code>${s.id}</code></h2>
${s.filings.map(filing)}
${s.toClarify.length ? html`<div class="clarify"><strong>${t('assess.toClarify')}</strong><ul>${s.toClarify.map((c) => html`<li>${c.question} <code>${c.field}</code> — ${t('assess.affects', { kinds: c.affects.join(', ') })}</li>`)}</ul></div>` : ''}`,
)}
<hr><p class="meta">${t('assess.disclaimer')}</p>
</main></body></html>
`;
  return page.__html;
}
