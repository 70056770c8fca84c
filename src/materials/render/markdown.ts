import { type Block, type MaterialDocument, walkSections } from '../model.js';
import {
  cellText,
  chartValue,
  colon,
  fieldLabel,
  fieldStatus,
  lengthText,
  listSep,
  textBar,
} from './shared.js';

/** Markdown special characters in running text, and table pipes/newlines in cells. */
const esc = (s: string): string => s.replace(/([\\`*_[\]<>#|])/g, '\\$1');
const cell = (s: string): string => esc(s).replace(/\r?\n/g, '<br>');

function tableMd(columns: string[], rows: string[][]): string {
  const head = `| ${columns.map(cell).join(' | ')} |`;
  const sep = `| ${columns.map(() => '---').join(' | ')} |`;
  return [head, sep, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

function blockMd(doc: MaterialDocument, b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return esc(b.text);
    case 'list':
      return b.items.map((x, i) => `${b.ordered ? `${i + 1}.` : '-'} ${esc(x)}`).join('\n');
    case 'todo':
      return `> **【${esc(doc.labels.toComplete)}】** ${esc(b.text)}`;
    case 'fields':
      return tableMd(
        [doc.labels.field, doc.labels.value, doc.labels.length],
        b.rows.map((r) => {
          const st = fieldStatus(r);
          const value = st === 'missing' ? `【${doc.labels.toComplete}】` : (r.value ?? '');
          const len = st === 'too-long' ? `${lengthText(r)} ${doc.labels.tooLong}` : lengthText(r);
          return [fieldLabel(doc, r), value, len];
        }),
      );
    case 'table':
      return [
        b.caption ? `**${esc(b.caption)}**\n\n` : '',
        tableMd(
          b.columns,
          b.rows.map((r) => r.map(cellText)),
        ),
      ].join('');
    case 'chart': {
      const max = b.unit === 'ratio' ? 1 : Math.max(...b.bars.map((x) => x.value), 0);
      const rows = b.bars.map(
        (x) => `- ${esc(x.label)} ${textBar(x.value, max)} ${chartValue(b.unit, x.value)}`,
      );
      return [`**${esc(b.title)}**`, '', ...rows].join('\n');
    }
  }
}

export function renderMarkdown(doc: MaterialDocument): string {
  const out: string[] = [`# ${esc(doc.title)}`, '', esc(doc.subtitle), ''];
  for (const m of doc.meta) out.push(`- ${esc(m.label)}${colon(doc)}${esc(m.value)}`);
  out.push('');
  for (const [s, depth] of walkSections(doc.sections)) {
    out.push(`${'#'.repeat(Math.min(6, depth + 1))} ${s.number} ${esc(s.title)}`, '');
    if (s.citations.length)
      out.push(`*${esc(doc.labels.citations)}${colon(doc)}${esc(s.citations.join(listSep(doc)))}*`, '');
    for (const b of s.blocks) out.push(blockMd(doc, b), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
