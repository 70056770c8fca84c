import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { estimatePageNumbers } from 'docx/layout';
import { translator } from '../../i18n/index.js';
import { type Block, type MaterialDocument, walkSections } from '../model.js';
import { fitColumnWidths } from './column-widths.js';
import {
  cellText,
  chartValue,
  colon,
  fieldLabel,
  fieldStatus,
  lengthText,
  listSep,
  textBar,
  xmlSafe,
} from './shared.js';

// Chinese official-document conventions: 宋体 body, 黑体 headings; Latin text in Times New Roman /
// Arial. Word and LibreOffice substitute an installed CJK font when these are missing.
const BODY = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };
const HEAD = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '黑体', cs: 'Arial' };
const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;
/** A4 in twips, margins 2.5 cm / 2.2 cm. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1418, bottom: 1418, left: 1247, right: 1247 };
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

/** Text runs for a string with line breaks. */
function runs(text: string, opts: { bold?: boolean; color?: string; size?: number } = {}): TextRun[] {
  return xmlSafe(text)
    .split(/\r?\n/)
    .map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}), ...opts }));
}

const line = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
const borders = {
  top: line,
  bottom: line,
  left: line,
  right: line,
  insideHorizontal: line,
  insideVertical: line,
};

/** Cell text is 9.5 pt (size 19 half-points): one em is 190 twips; padding 80 twips a side. */
const CELL_EM = 190;
const CELL_MARGIN = 80;

function cell(
  text: string,
  opts: { header?: boolean; fill?: string; color?: string; width?: number } = {},
): TableCell {
  return new TableCell({
    children: [
      new Paragraph({
        children: runs(text, {
          bold: opts.header ?? false,
          ...(opts.color ? { color: opts.color } : {}),
          size: 19,
        }),
      }),
    ],
    ...(opts.fill ? { shading: { type: ShadingType.CLEAR, fill: opts.fill, color: 'auto' } } : {}),
    ...(opts.width ? { width: { size: opts.width, type: WidthType.DXA } } : {}),
    margins: { top: 40, bottom: 40, left: CELL_MARGIN, right: CELL_MARGIN },
  });
}

/**
 * A table whose columns fit their content (numbers and ids never broken; see column-widths.ts),
 * or take the given shares (percent) of the text width. Widths are fixed in twips for Word and
 * written to the grid for LibreOffice, so both lay it out the same.
 */
function table(
  columns: string[],
  rows: string[][],
  shares?: number[],
  cellOpts?: (r: number, c: number) => { fill?: string; color?: string },
): Table {
  let ws: number[];
  if (shares) {
    const total = shares.reduce((a, b) => a + b, 0) || 1;
    ws = columns.map((_, i) => Math.floor(((shares[i] ?? 0) / total) * TEXT_WIDTH));
  } else {
    // Bold header text is a little wider than the body: 5% slack.
    ws = fitColumnWidths(columns, rows, {
      total: TEXT_WIDTH,
      em: CELL_EM * 1.05,
      padding: 2 * CELL_MARGIN + 40,
    });
  }
  return new Table({
    width: { size: ws.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    columnWidths: ws,
    borders,
    rows: [
      new TableRow({
        tableHeader: true,
        children: columns.map((c, i) => cell(c, { header: true, fill: 'EDEDED', width: ws[i] ?? 0 })),
      }),
      ...rows.map(
        (r, ri) =>
          new TableRow({
            cantSplit: true,
            children: r.map((c, ci) => cell(c, { ...(cellOpts?.(ri, ci) ?? {}), width: ws[ci] ?? 0 })),
          }),
      ),
    ],
  });
}

const TODO_BORDER = { style: BorderStyle.DASHED, size: 12, color: 'B45309', space: 4 };

function blockDocx(doc: MaterialDocument, b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'paragraph':
      return [
        new Paragraph({
          children: runs(b.text),
          spacing: { after: 120 },
          indent: { firstLine: Number(translator(doc.lang)('materials.render.docxFirstLineIndent')) },
        }),
      ];
    case 'list':
      return b.items.map(
        (x, i) =>
          new Paragraph({
            children: runs(`${b.ordered ? `${i + 1}. ` : '• '}${x}`),
            indent: { left: 420, hanging: 300 },
          }),
      );
    case 'todo':
      return [
        new Paragraph({
          children: [
            new TextRun({ text: `【${xmlSafe(doc.labels.toComplete)}】`, bold: true, color: 'B45309' }),
            ...runs(b.text, { color: 'B45309' }),
          ],
          border: { top: TODO_BORDER, bottom: TODO_BORDER, left: TODO_BORDER, right: TODO_BORDER },
          shading: { type: ShadingType.CLEAR, fill: 'FFF7ED', color: 'auto' },
          spacing: { before: 120, after: 120 },
        }),
      ];
    case 'fields': {
      const st = b.rows.map(fieldStatus);
      return [
        table(
          [doc.labels.field, doc.labels.value, doc.labels.length],
          b.rows.map((r, i) => [
            fieldLabel(doc, r),
            st[i] === 'missing' ? `【${doc.labels.toComplete}】` : (r.value ?? ''),
            st[i] === 'too-long' ? `${lengthText(r)} ${doc.labels.tooLong}` : lengthText(r),
          ]),
          [26, 60, 14],
          (ri, ci) =>
            st[ri] === 'missing' && ci === 1
              ? { fill: 'FFF7ED', color: 'B45309' }
              : st[ri] === 'too-long' && ci === 2
                ? { color: 'B91C1C' }
                : {},
        ),
        new Paragraph({ text: '' }),
      ];
    }
    case 'table':
      return [
        ...(b.caption ? [new Paragraph({ children: runs(b.caption, { bold: true }), keepNext: true })] : []),
        table(
          b.columns,
          b.rows.map((r) => r.map(cellText)),
        ),
        new Paragraph({ text: '' }),
      ];
    case 'chart': {
      const max = b.unit === 'ratio' ? 1 : Math.max(...b.bars.map((x) => x.value), 1);
      return [
        new Paragraph({ children: runs(b.title, { bold: true }), keepNext: true }),
        table(
          ['', '', ''],
          b.bars.map((x) => [x.label, textBar(x.value, max), chartValue(b.unit, x.value)]),
          [30, 55, 15],
          (ri, ci) => (ci === 1 ? { color: b.bars[ri]?.pass === false ? 'B91C1C' : '2563EB' } : {}),
        ),
        new Paragraph({ text: '' }),
      ];
    }
  }
}

/** A Word document: A4, real heading styles with section numbers, a table of contents, CJK fonts. */
export async function renderDocx(doc: MaterialDocument): Promise<Uint8Array> {
  const body: (Paragraph | Table | TableOfContents)[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: runs(doc.title),
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: runs(doc.subtitle), spacing: { after: 240 } }),
    table(
      [doc.meta[0]?.label ?? '', doc.meta[0]?.value ?? ''],
      doc.meta.slice(1).map((m) => [m.label, m.value]),
      [25, 75],
    ),
    new Paragraph({ text: '' }),
    new Paragraph({
      children: runs(doc.labels.contents, { bold: true, size: 28 }),
      alignment: AlignmentType.CENTER,
    }),
    new TableOfContents(xmlSafe(doc.labels.contents), {
      hyperlink: true,
      headingStyleRange: '1-3',
      beginDirty: true,
    }),
    new Paragraph({ children: [new PageBreak()] }),
  ];
  for (const [s, depth] of walkSections(doc.sections)) {
    body.push(
      new Paragraph({
        heading: HEADINGS[Math.min(depth, 6) - 1],
        children: runs(`${s.number} ${s.title}`),
        keepNext: true,
      }),
    );
    if (s.citations.length) {
      body.push(
        new Paragraph({
          children: runs(`${doc.labels.citations}${colon(doc)}${s.citations.join(listSep(doc))}`, {
            color: '666666',
            size: 17,
          }),
          spacing: { after: 120 },
        }),
      );
    }
    for (const b of s.blocks) body.push(...blockDocx(doc, b));
  }
  const document = new Document({
    title: xmlSafe(doc.title),
    creator: 'beian',
    // The contents are written with estimated page numbers (readable in any viewer), and Word is
    // asked to update the fields on opening, which replaces the estimates with its own layout.
    pageNumbers: estimatePageNumbers,
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: BODY, size: 21 }, paragraph: { spacing: { line: 360 } } },
        title: { run: { font: HEAD, size: 40, bold: true } },
        heading1: {
          run: { font: HEAD, size: 32, bold: true },
          paragraph: { spacing: { before: 360, after: 160 } },
        },
        heading2: {
          run: { font: HEAD, size: 28, bold: true },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
        heading3: {
          run: { font: HEAD, size: 24, bold: true },
          paragraph: { spacing: { before: 200, after: 100 } },
        },
        heading4: { run: { font: HEAD, size: 22, bold: true } },
        heading5: { run: { font: HEAD, size: 21, bold: true } },
        heading6: { run: { font: HEAD, size: 21, bold: true } },
      },
    },
    sections: [
      {
        properties: { page: { size: A4, margin: MARGIN } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT] })],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
