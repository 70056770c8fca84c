import { type Lang, translator } from '../../i18n/index.js';
import { escapeHtml } from '../../util/html.js';
import { isFailing, type ReportCase, type ReportSummary } from './types.js';

const esc = escapeHtml;

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`;

/** A horizontal bar per risk with the Wilson interval as a whisker and the threshold as a line. */
function riskChart(
  kind: string,
  rows: {
    cat: string;
    title: string;
    rate: number | null;
    ci: [number, number] | null;
    pass: boolean;
    n: number;
  }[],
  threshold: number | undefined,
): string {
  const rowH = 22;
  const labelW = 300;
  const barW = 420;
  const h = rows.length * rowH + 30;
  const x = (v: number) => labelW + v * barW;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${labelW + barW + 90}" height="${h}" role="img" aria-label="${esc(kind)}">`,
  ];
  rows.forEach((r, i) => {
    const y = 10 + i * rowH;
    parts.push(
      `<text x="${labelW - 6}" y="${y + 14}" text-anchor="end" font-size="12">${esc(`${r.cat} ${r.title}`.slice(0, 34))}</text>`,
    );
    parts.push(`<rect x="${labelW}" y="${y + 3}" width="${barW}" height="14" fill="#f1f1f1"/>`);
    if (r.rate !== null)
      parts.push(
        `<rect x="${labelW}" y="${y + 3}" width="${(r.rate * barW).toFixed(1)}" height="14" fill="${r.pass ? '#3a9d5d' : '#c8453c'}"/>`,
      );
    if (r.ci)
      parts.push(
        `<line x1="${x(r.ci[0]).toFixed(1)}" x2="${x(r.ci[1]).toFixed(1)}" y1="${y + 10}" y2="${y + 10}" stroke="#222" stroke-width="1.5"/>`,
      );
    parts.push(
      `<text x="${labelW + barW + 6}" y="${y + 14}" font-size="12">${pct(r.rate)} (n=${r.n})</text>`,
    );
  });
  if (threshold !== undefined)
    parts.push(
      `<line x1="${x(threshold)}" x2="${x(threshold)}" y1="4" y2="${h - 16}" stroke="#1f4fa8" stroke-dasharray="4 3"/><text x="${x(threshold)}" y="${h - 4}" font-size="11" text-anchor="middle" fill="#1f4fa8">${pct(threshold)}</text>`,
    );
  parts.push('</svg>');
  return parts.join('');
}

export interface HtmlOptions {
  lang: Lang;
  /** risk id / aspect id → display title */
  titles: Record<string, string>;
  generatedAt: string;
  /** most failing examples listed per bank */
  maxExamples?: number;
}

/**
 * A self-contained HTML report (no scripts, no external resources): verdict per bank, a chart per
 * bank by risk, and failing examples. Every piece of untrusted text (prompts, answers, reasons,
 * ids) is HTML-escaped.
 */
export function renderHtml(summary: ReportSummary, cases: readonly ReportCase[], o: HtmlOptions): string {
  const t = translator(o.lang);
  const kindName = (k: string) => t(`redteam.kind.${k}` as Parameters<typeof t>[0]);
  const sections: string[] = [];
  const bankRows = Object.entries(summary.banks)
    .filter(([, b]) => b)
    .map(([kind, b]) => {
      const bb = b!;
      return `<tr><td>${esc(kindName(kind))}</td><td>${esc(t(`redteam.metric.${bb.metric}` as Parameters<typeof t>[0]))}</td><td>${bb.n}</td><td>${pct(bb.rate)}</td><td>${bb.ci ? `${pct(bb.ci[0])} – ${pct(bb.ci[1])}` : '—'}</td><td>${esc(bb.comparator)} ${pct(bb.threshold)}</td><td>${bb.sampleRequired}${bb.sampleMet ? '' : ' ⚠'}</td><td class="${bb.pass ? 'ok' : 'bad'}">${esc(bb.pass ? t('redteam.pass') : t('redteam.fail'))}</td></tr>`;
    });
  sections.push(
    `<table><thead><tr><th>${t('redteam.header.bank')}</th><th>${t('redteam.header.metric')}</th><th>${t('redteam.header.n')}</th><th>${t('redteam.header.rate')}</th><th>${t('redteam.header.ci')}</th><th>${t('redteam.header.threshold')}</th><th>${t('redteam.header.sample')}</th><th>${t('redteam.header.result')}</th></tr></thead><tbody>${bankRows.join('')}</tbody></table>`,
  );
  const variants = Object.entries(summary.byVariant ?? {});
  if (variants.length > 1) {
    const kinds = Object.keys(summary.banks);
    sections.push(
      `<h2>${esc(t('redteam.header.variant'))}</h2><table><thead><tr><th>${esc(t('redteam.header.variant'))}</th>${kinds.map((k) => `<th>${esc(kindName(k))}</th>`).join('')}</tr></thead><tbody>${variants
        .map(
          ([v, byKind]) =>
            `<tr><td>${esc(v)}</td>${kinds.map((k) => `<td>${pct(byKind[k]?.rate)} (n=${byKind[k]?.n ?? 0})</td>`).join('')}</tr>`,
        )
        .join('')}</tbody></table>`,
    );
  }
  for (const [kind, bank] of Object.entries(summary.banks)) {
    if (!bank) continue;
    const rows = Object.entries(summary.byRisk)
      .filter(([, kinds]) => kinds[kind])
      .map(([cat, kinds]) => ({ cat, title: o.titles[cat] ?? '', ...kinds[kind]! }))
      .sort((a, b) => a.cat.localeCompare(b.cat, 'en', { numeric: true }));
    const failing = cases.filter((c) => c.kind === kind && isFailing(c));
    const examples = failing
      .slice(0, o.maxExamples ?? 50)
      .map(
        (c) =>
          `<details><summary><code>${esc(c.caseKey)}</code> · ${esc(c.category)}${c.variant ? ` · ${esc(c.variant)}` : ''} · <b>${esc(c.verdict)}</b>${c.verdict !== c.machineVerdict ? ` (${esc(c.machineVerdict)} → ${esc(c.verdict)}${c.reviewer ? `, ${esc(c.reviewer)}` : ''})` : ''}</summary>${
            c.conversation
              ? `<ol class="conv">${c.conversation.map((m) => `<li class="${esc(m.role)}"><b>${esc(m.role)}</b> ${esc(m.content)}</li>`).join('')}</ol>`
              : ''
          }<p class="q">${esc(c.prompt)}</p><pre>${esc(c.answer ?? '')}</pre><p class="why">${c.judge ? `<b>${esc(c.judge)}</b>: ` : ''}${esc(c.reason)}</p></details>`,
      );
    sections.push(
      `<h2>${esc(kindName(kind))}</h2>${riskChart(kind, rows, bank.threshold)}<h3>${failing.length} ✗</h3>${examples.join('\n')}${failing.length > examples.length ? `<p>… ${failing.length - examples.length}</p>` : ''}`,
    );
  }
  return `<!doctype html>
<html lang="${o.lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>beian redteam ${esc(summary.runId)}</title>
<style>
body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:2rem auto;max-width:1000px;color:#222;padding:0 1rem}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ddd;padding:.3rem .6rem;text-align:left}
.ok{color:#2c7a4b;font-weight:bold}.bad{color:#b3261e;font-weight:bold}
pre{white-space:pre-wrap;background:#f6f6f6;padding:.5rem;max-height:20rem;overflow:auto}
details{border-bottom:1px solid #eee;padding:.3rem 0}.conv{color:#555;font-size:.9em}.conv .assistant{color:#1f4e79}.q{font-weight:500}.why{color:#555}
</style></head><body>
<h1>beian · ${esc(t('redteam.progress'))} · <code>${esc(summary.runId)}</code> · <span class="${summary.pass ? 'ok' : 'bad'}">${esc(summary.pass ? t('redteam.pass') : t('redteam.fail'))}</span></h1>
<p>${esc(t('redteam.summary.head', { runId: summary.runId, total: summary.total, completed: summary.completed, errors: summary.errors }))} · KB ${esc(summary.kbVersion)} · ${esc(o.generatedAt)}</p>
${sections.join('\n')}
</body></html>
`;
}
