import { malformedReason } from '../corpus/malformed.js';
import type { MalformedEntry } from '../corpus/types.js';
import type { Translate } from '../i18n/index.js';
import { escapeHtml } from '../util/html.js';
import type { ScanReport } from './scan.js';

export interface HtmlLabels {
  title: string;
  records: string;
  bytes: string;
  flagged: string;
  malformed: string;
  sample: string;
  verdict: string;
  pass: string;
  fail: string;
  byCategory: string;
  topKeywords: string;
  sources: string;
  examples: string;
  riskName: (id: string) => string;
  reason: (m: MalformedEntry) => string;
}

/** The report's labels in the caller's language. */
export function scanHtmlLabels(t: Translate, riskName: (id: string) => string): HtmlLabels {
  return {
    title: t('scan.title'),
    records: t('scan.records'),
    bytes: t('scan.bytes'),
    flagged: t('scan.flagged'),
    malformed: t('scan.malformed'),
    sample: t('scan.sample'),
    verdict: t('scan.verdict'),
    pass: t('scan.pass'),
    fail: t('scan.fail'),
    byCategory: t('scan.byCategory'),
    topKeywords: t('scan.topKeywords'),
    sources: t('scan.sources'),
    examples: t('scan.examples'),
    riskName,
    reason: (m) => malformedReason(m, t),
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;

function chart(byCategory: Record<string, number>, riskName: (id: string) => string): string {
  const rows = Object.entries(byCategory).sort((a, b) => b[1] - a[1]);
  if (rows.length === 0) return '<p>—</p>';
  const max = Math.max(...rows.map(([, n]) => n));
  const h = 22;
  const bars = rows
    .map(([id, n], i) => {
      const w = Math.max(2, Math.round((n / max) * 360));
      const y = i * h;
      return `<text x="0" y="${y + 15}" font-size="12">${escapeHtml(`${id} ${riskName(id)}`.slice(0, 28))}</text><rect x="230" y="${y + 4}" width="${w}" height="14" fill="#c0392b"/><text x="${236 + w}" y="${y + 15}" font-size="12">${n}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="680" height="${rows.length * h + 4}" role="img">${bars}</svg>`;
}

/** A self-contained HTML report: no external assets; every corpus-derived string escaped. */
export function renderScanHtml(r: ScanReport, L: HtmlLabels): string {
  const example = r.examples
    .map((ex) => {
      const { text, offset } = ex.excerpt;
      let html = '';
      let at = 0;
      for (const m of ex.matches) {
        const s = m.start - offset;
        const e = m.end - offset;
        if (s < at || s < 0 || e > text.length) continue;
        html += `${escapeHtml(text.slice(at, s))}<mark title="${escapeHtml(`${m.keyword} · ${m.category}`)}">${escapeHtml(text.slice(s, e))}</mark>`;
        at = e;
      }
      html += escapeHtml(text.slice(at));
      return `<tr><td>${escapeHtml(`${ex.file}:${ex.line}`)}</td><td>${escapeHtml(ex.categories.join(' '))}</td><td>${html}</td></tr>`;
    })
    .join('');
  const sources = r.sources
    .map(
      (s) =>
        `<tr${s.overThreshold ? ' class="bad"' : ''}><td>${escapeHtml(s.source)}</td><td>${s.records}</td><td>${s.flagged}</td><td>${pct(s.rate)}</td></tr>`,
    )
    .join('');
  const malformed = r.malformed
    .slice(0, 200)
    .map((m) => `<tr><td>${escapeHtml(`${m.file}:${m.line}`)}</td><td>${escapeHtml(L.reason(m))}</td></tr>`)
    .join('');
  const kw = r.topKeywords
    .map((k) => `<tr><td>${escapeHtml(k.keyword)}</td><td>${k.hits}</td></tr>`)
    .join('');
  return `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>${escapeHtml(L.title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}mark{background:#f5b7b1}.pass{color:#1e8449}.fail,.bad{color:#c0392b}</style></head><body>
<h1>${escapeHtml(L.title)}</h1>
<p class="${r.verdict}"><strong>${escapeHtml(L.verdict)}: ${escapeHtml(r.verdict === 'pass' ? L.pass : L.fail)}</strong>${r.verdictReasons?.length ? ` (${escapeHtml(r.verdictReasons.join(', '))})` : ''} · ${pct(r.threshold.passRate)} ≥ ${pct(r.threshold.passRateMin)}</p>
<table><tr><th>${escapeHtml(L.records)}</th><td>${r.records}</td></tr><tr><th>${escapeHtml(L.bytes)}</th><td>${r.bytes}</td></tr>
<tr><th>${escapeHtml(L.flagged)}</th><td>${r.flagged} (${pct(r.flaggedRate)})</td></tr><tr><th>${escapeHtml(L.malformed)}</th><td>${r.malformed.length}</td></tr>
<tr><th>${escapeHtml(L.sample)}</th><td>n=${r.sample.size}, ${r.sample.flagged} (${pct(r.sample.rate)}), 95% CI [${pct(r.sample.ci[0])}, ${pct(r.sample.ci[1])}] · ${escapeHtml(r.threshold.id)} ≥ ${pct(r.threshold.passRateMin)} · seed ${r.sample.seed}</td></tr></table>
<h2>${escapeHtml(L.byCategory)}</h2>${chart(r.byCategory, L.riskName)}
<h2>${escapeHtml(L.topKeywords)}</h2><table>${kw}</table>
<h2>${escapeHtml(L.sources)}</h2><table>${sources}</table>
<h2>${escapeHtml(L.examples)}</h2><table>${example}</table>
<h2>${escapeHtml(L.malformed)}</h2><table>${malformed}</table>
<p><small>beian · KB ${escapeHtml(r.kbVersion)} · lexicon ${escapeHtml(r.lexicon.version ?? '')} (${r.lexicon.keywords}) · ${escapeHtml(r.lexicon.libraries.join(', ').slice(0, 400))}</small></p></body></html>\n`;
}
