import { type Lang, translator } from '../i18n/index.js';
import { escapeHtml } from '../util/html.js';
import type { DisparityReport, PriceReport } from './report.js';

/**
 * Self-contained HTML reports with inline SVG charts (no scripts, no downloads). Every value taken
 * from the input log (group and item names) is escaped: logs are untrusted text.
 */
const L = {
  zh: {
    price: '价格差异审计',
    disparity: '结果差异审计',
    rows: '读取行数',
    malformed: '格式错误行',
    flags: '标记',
    none: '未发现问题',
    byGroup: '各组相对参照组的价差（95% 区间）',
    drivers: '驱动差异的商品',
    rate: '各组结果率（虚线：参照组 × 阈值）',
    exposure: '曝光占比与行数占比',
    seed: '随机种子',
    version: '数据版本',
  },
  en: {
    price: 'Price difference audit',
    disparity: 'Outcome disparity audit',
    rows: 'Rows read',
    malformed: 'Malformed rows',
    flags: 'Flags',
    none: 'Nothing found',
    byGroup: 'Relative price difference against the reference (95% interval)',
    drivers: 'Items driving the difference',
    rate: 'Rate by group (dashed: reference × bound)',
    exposure: 'Exposure share and row share',
    seed: 'Seed',
    version: 'Data version',
  },
} as const;

interface Bar {
  label: string;
  value: number;
  ci?: [number, number];
  flagged?: boolean;
  second?: number;
}

/** A horizontal bar chart; `lines` are vertical reference lines (value, dashed). */
function barChart(bars: readonly Bar[], opts: { format: (x: number) => string; lines?: number[] }): string {
  const rowH = 26;
  const left = 170;
  const width = 640;
  const plot = width - left - 90;
  const values = bars
    .flatMap((b) => [b.value, ...(b.ci ?? []), b.second ?? b.value])
    .concat(opts.lines ?? [], [0]);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const x = (v: number) => left + ((v - min) / span) * plot;
  const h = bars.length * rowH + 20;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${h}" role="img">`,
  ];
  parts.push(`<line x1="${x(0)}" y1="0" x2="${x(0)}" y2="${h - 10}" stroke="#888"/>`);
  for (const v of opts.lines ?? [])
    parts.push(
      `<line x1="${x(v)}" y1="0" x2="${x(v)}" y2="${h - 10}" stroke="#c00" stroke-dasharray="4 3"/>`,
    );
  bars.forEach((b, i) => {
    const y = i * rowH + 6;
    const x0 = Math.min(x(0), x(b.value));
    const w = Math.max(1, Math.abs(x(b.value) - x(0)));
    parts.push(
      `<text x="${left - 6}" y="${y + 14}" text-anchor="end" font-size="12">${escapeHtml(b.label)}</text>`,
    );
    if (b.second !== undefined) {
      const x1 = Math.min(x(0), x(b.second));
      parts.push(
        `<rect x="${x1}" y="${y + 12}" width="${Math.max(1, Math.abs(x(b.second) - x(0)))}" height="6" fill="#bbb"/>`,
      );
      parts.push(
        `<rect x="${x0}" y="${y + 2}" width="${w}" height="9" fill="${b.flagged ? '#d33' : '#4a7ab7'}"/>`,
      );
    } else
      parts.push(
        `<rect x="${x0}" y="${y + 2}" width="${w}" height="16" fill="${b.flagged ? '#d33' : '#4a7ab7'}"/>`,
      );
    if (b.ci)
      parts.push(
        `<line x1="${x(b.ci[0])}" y1="${y + 10}" x2="${x(b.ci[1])}" y2="${y + 10}" stroke="#222" stroke-width="1.5"/>`,
        `<line x1="${x(b.ci[0])}" y1="${y + 5}" x2="${x(b.ci[0])}" y2="${y + 15}" stroke="#222"/>`,
        `<line x1="${x(b.ci[1])}" y1="${y + 5}" x2="${x(b.ci[1])}" y2="${y + 15}" stroke="#222"/>`,
      );
    parts.push(
      `<text x="${width - 84}" y="${y + 14}" font-size="12">${escapeHtml(opts.format(b.value))}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function page(title: string, lang: Lang, body: string[]): string {
  return `<!doctype html><html lang="${translator(lang)('web.html.lang')}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:760px;margin:2em auto;color:#222}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px}.flag{color:#c00;font-weight:bold}</style>
</head><body><h1>${escapeHtml(title)}</h1>${body.join('\n')}</body></html>\n`;
}

function header(r: PriceReport | DisparityReport, l: (typeof L)[Lang]): string {
  const flags =
    r.flags.length === 0
      ? `<p>${l.none}</p>`
      : `<ul>${r.flags
          .map(
            (f) =>
              `<li class="flag">${escapeHtml(`${f.metric} ${f.attribute}=${f.group} vs ${f.reference}: ${f.value.toFixed(4)} [${f.ci[0].toFixed(4)}, ${f.ci[1].toFixed(4)}]`)}</li>`,
          )
          .join('')}</ul>`;
  return `<table><tr><th>${l.rows}</th><td>${r.rows}</td></tr><tr><th>${l.malformed}</th><td>${r.malformedCount}</td></tr>
<tr><th>${l.seed}</th><td>${r.seed}</td></tr><tr><th>${l.version}</th><td>${escapeHtml(r.dataVersion)}</td></tr></table>
<h2>${l.flags}</h2>${flags}`;
}

export function renderPriceHtml(r: PriceReport, lang: Lang): string {
  const l = L[lang];
  const body = [header(r, l), `<h2>${l.byGroup}</h2>`];
  body.push(
    barChart(
      r.details.comparisons.map((c) => ({
        label: `${c.group} / ${c.reference}`,
        value: c.effect,
        ci: c.ci,
        flagged: c.flagged,
      })),
      { format: pct },
    ),
  );
  for (const c of r.details.comparisons.filter((x) => x.drivers.length > 0)) {
    body.push(`<h2>${l.drivers}: ${escapeHtml(c.group)} / ${escapeHtml(c.reference)}</h2>`);
    body.push(
      barChart(
        c.drivers.slice(0, 20).map((d) => ({ label: d.item, value: d.effect, flagged: true })),
        { format: pct },
      ),
    );
  }
  return page(l.price, lang, body);
}

export function renderDisparityHtml(r: DisparityReport, lang: Lang): string {
  const diMin = r.params.diMin;
  const l = L[lang];
  const body = [header(r, l)];
  for (const a of r.details.attributes) {
    body.push(`<h2>${escapeHtml(a.attribute)}</h2>`);
    const refRate = a.groups.find((g) => g.group === a.reference)?.rate ?? null;
    const rated = a.groups.filter((g) => g.rate !== null);
    if (rated.length > 0) {
      const flagged = new Set(a.comparisons.filter((c) => c.flagged).map((c) => c.group));
      body.push(`<h3>${l.rate}</h3>`);
      body.push(
        barChart(
          rated.map((g) => ({
            label: g.group,
            value: g.rate!,
            ci: g.rateCi ?? undefined,
            flagged: flagged.has(g.group),
          })),
          { format: pct, lines: refRate === null ? [] : [refRate * diMin] },
        ),
      );
    }
    const exposed = a.groups.filter((g) => g.exposureShare !== null);
    if (exposed.length > 0) {
      body.push(`<h3>${l.exposure}</h3>`);
      body.push(
        barChart(
          exposed.map((g) => ({ label: g.group, value: g.exposureShare!, second: g.rowShare })),
          { format: pct },
        ),
      );
    }
  }
  return page(l.disparity, lang, body);
}
