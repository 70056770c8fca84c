import { translator } from '../../i18n/index.js';
import { escapeHtml } from '../../util/html.js';
import { type Block, type MaterialDocument, walkSections } from '../model.js';
import { cellText, chartValue, colon, fieldLabel, fieldStatus, lengthText, listSep } from './shared.js';

// Every piece of text goes through the one escaper: model answers and corpus lines are untrusted.
const e = escapeHtml;

// Self-contained: no external fonts, scripts or images. CJK font stacks with fallbacks; A4 print.
const CSS = `
@page { size: A4; margin: 20mm 18mm; }
:root { --ink: #1a1a1a; --muted: #555; --line: #bbb; --todo: #b45309; --todo-bg: #fff7ed; --fail: #b91c1c; --ok: #15803d; }
body { font-family: "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif; color: var(--ink); line-height: 1.7; max-width: 190mm; margin: 0 auto; padding: 12px; font-size: 11pt; }
h1, h2, h3, h4, h5, h6, th, .meta, caption { font-family: "SimHei", "黑体", "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; }
h1 { font-size: 20pt; text-align: center; margin: 0.4em 0 0.2em; }
.subtitle { text-align: center; color: var(--muted); margin-bottom: 1em; }
.meta { font-size: 9pt; color: var(--muted); border: 1px solid var(--line); padding: 6px 10px; margin-bottom: 1.2em; }
.meta div { display: flex; gap: 0.6em; }
h2 { font-size: 15pt; border-bottom: 1px solid var(--line); padding-bottom: 2px; margin-top: 1.4em; }
h3 { font-size: 13pt; } h4, h5, h6 { font-size: 11.5pt; }
.cite { font-size: 8.5pt; color: var(--muted); margin: -0.3em 0 0.6em; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 9.5pt; table-layout: auto; }
th, td { border: 1px solid var(--line); padding: 3px 6px; vertical-align: top; text-align: left; overflow-wrap: anywhere; word-break: break-word; }
th { background: #f1f1f1; }
caption { caption-side: top; text-align: left; font-weight: bold; padding-bottom: 3px; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
.todo { border: 2px dashed var(--todo); background: var(--todo-bg); color: var(--todo); padding: 6px 10px; margin: 0.5em 0; break-inside: avoid; }
.todo b { margin-right: 0.5em; }
td.missing { color: var(--todo); background: var(--todo-bg); font-weight: bold; }
td.too-long { color: var(--fail); font-weight: bold; }
.chart { margin: 0.5em 0 1em; break-inside: avoid; }
.chart .title { font-weight: bold; }
.bar-row { display: grid; grid-template-columns: 12em 1fr 5em; gap: 6px; align-items: center; font-size: 9.5pt; }
.bar { height: 12px; background: #e5e7eb; position: relative; }
.bar span { display: block; height: 100%; background: #2563eb; }
.bar span.fail { background: var(--fail); }
.bar i { position: absolute; top: -2px; bottom: -2px; width: 2px; background: var(--ink); }
nav.toc ol { list-style: none; padding-left: 1em; } nav.toc > ol { padding-left: 0; }
@media print { body { max-width: none; padding: 0; } a { color: inherit; text-decoration: none; } h2, h3, h4 { break-after: avoid; } }
`;

function tableHtml(
  columns: string[],
  rows: string[][],
  caption?: string,
  classes?: (string | undefined)[][],
): string {
  const head = `<thead><tr>${columns.map((c) => `<th>${e(c)}</th>`).join('')}</tr></thead>`;
  const body = rows
    .map(
      (r, i) =>
        `<tr>${r.map((c, j) => `<td${classes?.[i]?.[j] ? ` class="${classes[i]?.[j]}"` : ''}>${e(c)}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<table>${caption ? `<caption>${e(caption)}</caption>` : ''}${head}<tbody>${body}</tbody></table>`;
}

function blockHtml(doc: MaterialDocument, b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${e(b.text)}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((x) => `<li>${e(x)}</li>`).join('')}</${tag}>`;
    }
    case 'todo':
      return `<div class="todo" role="note"><b>【${e(doc.labels.toComplete)}】</b>${e(b.text)}</div>`;
    case 'fields': {
      const classes: (string | undefined)[][] = [];
      const rows = b.rows.map((r) => {
        const st = fieldStatus(r);
        classes.push([
          undefined,
          st === 'missing' ? 'missing' : undefined,
          st === 'too-long' ? 'too-long' : undefined,
        ]);
        const value = st === 'missing' ? `【${doc.labels.toComplete}】` : (r.value ?? '');
        return [
          fieldLabel(doc, r),
          value,
          st === 'too-long' ? `${lengthText(r)} ${doc.labels.tooLong}` : lengthText(r),
        ];
      });
      return tableHtml([doc.labels.field, doc.labels.value, doc.labels.length], rows, undefined, classes);
    }
    case 'table':
      return tableHtml(
        b.columns,
        b.rows.map((r) => r.map(cellText)),
        b.caption,
      );
    case 'chart': {
      const max = b.unit === 'ratio' ? 1 : Math.max(...b.bars.map((x) => x.value), 1);
      const w = (v: number) => `${Math.max(0, Math.min(100, (v / max) * 100)).toFixed(1)}%`;
      const rows = b.bars
        .map(
          (x) =>
            `<div class="bar-row"><span>${e(x.label)}</span><div class="bar"><span${x.pass === false ? ' class="fail"' : ''} style="width:${w(x.value)}"></span>${
              x.threshold === undefined ? '' : `<i style="left:${w(x.threshold)}"></i>`
            }</div><span>${e(chartValue(b.unit, x.value))}</span></div>`,
        )
        .join('');
      return `<figure class="chart"><div class="title">${e(b.title)}</div>${rows}</figure>`;
    }
  }
}

/** A self-contained HTML page (inline CSS, no scripts), printable to A4. */
export function renderHtml(doc: MaterialDocument): string {
  const toc: string[] = [];
  const body: string[] = [];
  for (const [s, depth] of walkSections(doc.sections)) {
    const anchor = `s-${s.number.replace(/\./g, '-')}`;
    if (depth <= 2)
      toc.push(
        `<li style="margin-left:${(depth - 1) * 1.2}em"><a href="#${anchor}">${e(s.number)} ${e(s.title)}</a></li>`,
      );
    const h = Math.min(6, depth + 1);
    body.push(`<h${h} id="${anchor}">${e(s.number)} ${e(s.title)}</h${h}>`);
    if (s.citations.length)
      body.push(
        `<p class="cite">${e(doc.labels.citations)}${e(colon(doc))}${e(s.citations.join(listSep(doc)))}</p>`,
      );
    for (const b of s.blocks) body.push(blockHtml(doc, b));
  }
  return `<!doctype html>
<html lang="${translator(doc.lang)('web.html.lang')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(doc.title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${e(doc.title)}</h1>
<div class="subtitle">${e(doc.subtitle)}</div>
<div class="meta">${doc.meta.map((m) => `<div><b>${e(m.label)}</b><span>${e(m.value)}</span></div>`).join('')}</div>
<nav class="toc"><h2>${e(doc.labels.contents)}</h2><ol>${toc.join('')}</ol></nav>
${body.join('\n')}
</body>
</html>
`;
}
