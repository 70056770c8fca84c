import ExcelJS from 'exceljs';
import { translator } from '../../i18n/index.js';
import { type Cell, gaps, type MaterialDocument, walkSections } from '../model.js';
import { fieldLabel, fieldStatus, lengthText, xmlSafe } from './shared.js';

/** Excel sheet names: ≤ 31 characters, none of []:*?/\ , unique in the workbook. */
function sheetName(wanted: string, used: Set<string>): string {
  const base =
    xmlSafe(wanted)
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++)
    name = `${base.slice(0, 31 - String(i).length - 1)}_${i}`;
  used.add(name.toLowerCase());
  return name;
}

const val = (c: Cell): string | number => (c === null ? '' : typeof c === 'number' ? c : xmlSafe(c));
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
const TODO_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF7ED' } };

/**
 * Print setup of every sheet: A4, landscape for wide sheets, fit to one page wide (as many pages
 * tall as needed), the header row repeated on every page, page numbers in the footer.
 */
const PRINT: Partial<ExcelJS.PageSetup> = {
  paperSize: 9, // A4
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  horizontalCentered: true,
  margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
};

function addSheet(
  wb: ExcelJS.Workbook,
  name: string,
  columns: string[],
  rows: (string | number)[][],
  widths?: number[],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: { ...PRINT } });
  ws.pageSetup.printTitlesRow = '1:1';
  ws.headerFooter.oddFooter = '&C&P / &N';
  ws.addRow(columns.map(xmlSafe));
  ws.getRow(1).font = { bold: true, name: 'SimHei' };
  ws.getRow(1).eachCell((c) => {
    c.fill = HEADER_FILL;
  });
  ws.addRows(rows);
  columns.forEach((col, i) => {
    const longest = Math.max(
      col.length * 2,
      ...rows.slice(0, 200).map((r) => String(r[i] ?? '').length * 1.6),
    );
    ws.getColumn(i + 1).width = widths?.[i] ?? Math.min(80, Math.max(8, Math.ceil(longest)));
    ws.getColumn(i + 1).alignment = { wrapText: true, vertical: 'top' };
  });
  const wide = columns.reduce((a, _, i) => a + (ws.getColumn(i + 1).width ?? 10), 0) > 100;
  ws.pageSetup.orientation = wide ? 'landscape' : 'portrait';
  return ws;
}

/**
 * A workbook per document: the form rows of every section on one sheet (ready to copy into the
 * portal), one sheet per table (test banks in their de-facto layout), and a last sheet with the
 * cover lines and everything still to complete.
 */
export async function renderXlsx(doc: MaterialDocument): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'beian';
  const used = new Set<string>();
  const t = translator(doc.lang);

  const formRows: (string | number)[][] = [];
  const todoRows: number[] = [];
  for (const [s] of walkSections(doc.sections)) {
    for (const b of s.blocks) {
      if (b.kind !== 'fields') continue;
      for (const r of b.rows) {
        const st = fieldStatus(r);
        if (st === 'missing') todoRows.push(formRows.length + 2);
        formRows.push([
          xmlSafe(`${s.number} ${s.title}`),
          xmlSafe(fieldLabel(doc, r)),
          st === 'missing' ? `【${doc.labels.toComplete}】` : xmlSafe(r.value ?? ''),
          st === 'too-long' ? `${lengthText(r)} ${doc.labels.tooLong}` : lengthText(r),
          r.field,
        ]);
      }
    }
  }
  if (formRows.length) {
    const ws = addSheet(
      wb,
      sheetName(doc.title, used),
      [t('materials.render.section'), doc.labels.field, doc.labels.value, doc.labels.length, 'beian.yaml'],
      formRows,
      [24, 22, 70, 12, 36],
    );
    for (const r of todoRows) ws.getCell(r, 3).fill = TODO_FILL;
  }

  for (const [s] of walkSections(doc.sections)) {
    for (const b of s.blocks) {
      if (b.kind === 'table')
        addSheet(
          wb,
          sheetName(b.sheet ?? b.caption ?? s.title, used),
          b.columns,
          b.rows.map((r) => r.map(val)),
        );
      else if (b.kind === 'chart') {
        addSheet(
          wb,
          sheetName(b.title, used),
          [b.title, t('materials.render.value'), t('materials.render.threshold')],
          b.bars.map((x) => [xmlSafe(x.label), x.value, x.threshold ?? '']),
        );
      }
    }
  }

  const info = wb.addWorksheet(sheetName(t('materials.render.about'), used), { pageSetup: { ...PRINT } });
  info.addRow([xmlSafe(doc.title)]).font = { bold: true, size: 14, name: 'SimHei' };
  info.addRow([xmlSafe(doc.subtitle)]);
  for (const m of doc.meta) info.addRow([xmlSafe(m.label), xmlSafe(m.value)]);
  info.addRow([]);
  const g = gaps(doc);
  info.addRow([`${doc.labels.toComplete} (${g.length})`]).font = { bold: true };
  for (const x of g)
    info.addRow([
      xmlSafe(x.section),
      xmlSafe(x.text),
      x.field ?? '',
      x.required ? doc.labels.requiredMark : '',
    ]);
  info.getColumn(1).width = 30;
  info.getColumn(2).width = 80;
  info.getColumn(3).width = 36;

  return new Uint8Array(await wb.xlsx.writeBuffer());
}
