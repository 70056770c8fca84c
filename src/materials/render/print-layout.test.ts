import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDocuments } from '../../../test/fixtures/materials/demo-documents.js';
import { unzip } from '../../../test/helpers/unzip.js';
import { type MaterialDocument, section } from '../model.js';
import { textEms } from './column-widths.js';
import { renderDocx } from './docx.js';
import { renderXlsx } from './xlsx.js';

/** How the documents print: table columns that fit, contents with page numbers, XLSX page setup. */
let docs: MaterialDocument[];

beforeAll(() => {
  docs = demoDocuments({ bankRows: 20 });
});

/** Numbers (4+ characters) in DOCX table cells narrower than the number. */
function brokenNumbers(id: string, docx: Uint8Array): string[] {
  const xml = unzip(docx).get('word/document.xml')!.toString('utf8');
  const out: string[] = [];
  for (const tbl of xml.split('<w:tbl>').slice(1)) {
    const grid = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
    for (const row of tbl.split('<w:tr>').slice(1, 400))
      row
        .split('<w:tc>')
        .slice(1)
        .forEach((c, i) => {
          const text = [...c.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
          // 9.5 pt text: one em = 190 twips, plus 160 twips of cell padding
          for (const num of text.match(/\d[\d,.]*%?/g) ?? [])
            if (num.length >= 4 && (grid[i] ?? 0) < Math.floor(textEms(num) * 190 + 160))
              out.push(`${id}: "${num}" in a ${grid[i]}-twip column`);
        });
  }
  return out;
}

const byId = (id: string) => {
  const d = docs.find((x) => x.id === id);
  if (!d) throw new Error(`no document ${id}; have ${docs.map((x) => x.id).join(', ')}`);
  return d;
};

describe('DOCX layout', () => {
  it('gives every table column room for its longest number or id', async () => {
    const wide: MaterialDocument = {
      ...docs[0]!,
      id: 'wide-table',
      sections: [
        section('s', '测试', [
          {
            kind: 'table',
            columns: ['风险类别', '说明', '样本量', '合格', '合格率', '阈值', '结论'],
            rows: Array.from({ length: 5 }, (_, i) => [
              `A.${i + 1}`,
              '对应国家标准附录 A 的风险类别，抽样覆盖该类别下全部子类，并按题库来源分层。'.repeat(2),
              '300,000',
              '299,812',
              '100.0%',
              '≥ 90.0%',
              '合格',
            ]),
          },
        ]),
      ],
    };
    const problems: string[] = [];
    for (const doc of [wide, ...docs]) problems.push(...brokenNumbers(doc.id, await renderDocx(doc)));
    expect(problems).toEqual([]);
  });

  it('writes the contents with page numbers and asks Word to update them on opening', async () => {
    const files = unzip(await renderDocx(byId(docs[0]!.id)));
    expect(files.get('word/settings.xml')!.toString('utf8')).toMatch(
      /<w:updateFields( w:val="(true|1)")?\/>/,
    );
    const xml = files.get('word/document.xml')!.toString('utf8');
    expect(xml).toMatch(/<w:fldChar w:fldCharType="begin" w:dirty="(true|1)"\/>/);
    // every entry carries an estimated page number until Word lays the document out itself
    const pages = [
      ...xml.matchAll(
        /PAGEREF _Toc\d+ \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t[^>]*>(\d+)<\/w:t>/g,
      ),
    ];
    expect(pages.length).toBeGreaterThan(3);
    expect(Math.max(...pages.map((m) => Number(m[1])))).toBeGreaterThan(1);
  });
});

describe('XLSX print setup', () => {
  it('prints every sheet on A4, one page wide, with the header row repeated', async () => {
    let sheets = 0;
    for (const doc of docs) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await renderXlsx(doc)) as unknown as ArrayBuffer);
      wb.eachSheet((ws) => {
        sheets++;
        expect(ws.pageSetup.paperSize, ws.name).toBe(9);
        expect(ws.pageSetup.fitToPage, ws.name).toBe(true);
        expect(ws.pageSetup.fitToWidth, ws.name).toBe(1);
        expect(ws.pageSetup.fitToHeight, ws.name).toBe(0);
        if (ws.name !== '说明') expect(ws.pageSetup.printTitlesRow, ws.name).toBe('1:1');
      });
    }
    expect(sheets).toBeGreaterThan(5);
  });
});
