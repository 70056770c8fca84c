import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDocuments } from '../../../test/fixtures/materials/demo-documents.js';
import { PAYLOADS } from '../../../test/fixtures/materials/evidence.js';
import { docxText, unzip, xmlProblem } from '../../../test/helpers/unzip.js';
import { BeianError } from '../../errors.js';
import { FORMATS, type Format, type MaterialDocument, walkSections } from '../model.js';
import { type RenderDeps, renderers } from './index.js';

/**
 * ONE contract for every renderer in the registry: the output is produced, carries the title and
 * every numbered heading (or, for XLSX, every table's values), and untrusted text cannot break it.
 */
let docs: MaterialDocument[];
const printed: string[] = [];
const deps: RenderDeps = {
  printPdf: async (html) => {
    printed.push(html);
    return new TextEncoder().encode(`%PDF-1.7 fake ${html.slice(0, 200)}`);
  },
};

beforeAll(() => {
  docs = demoDocuments({ payloads: true, bankRows: 20 });
});

/** What a person would read in the output, as text. */
async function readable(format: Format, out: string | Uint8Array): Promise<string> {
  if (typeof out === 'string') return out;
  if (format === 'docx') {
    const xml = unzip(out).get('word/document.xml')?.toString('utf8') ?? '';
    expect(xmlProblem(xml)).toBeUndefined();
    return docxText(xml);
  }
  if (format === 'xlsx') {
    for (const [name, content] of unzip(out))
      if (name.endsWith('.xml')) expect(xmlProblem(content.toString('utf8')), name).toBeUndefined();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.eachSheet((ws) => {
      ws.eachRow((row) => {
        row.eachCell((c) => {
          cells.push(String(c.value));
        });
      });
    });
    return cells.join('\n');
  }
  return new TextDecoder().decode(out);
}

describe.each(FORMATS)('renderer %s', (format) => {
  const r = renderers[format];

  it('renders every document it supports with its title and numbered headings', async () => {
    for (const doc of docs.filter((d) => d.formats.includes(format))) {
      const out = await r.render(doc, deps);
      expect(out.length, doc.id).toBeGreaterThan(100);
      const text = await readable(format, out);
      if (format === 'pdf') {
        expect(text.startsWith('%PDF')).toBe(true);
        continue;
      }
      if (format === 'xlsx') {
        expect(text).toContain(doc.title);
        continue;
      }
      expect(text).toContain(doc.title);
      for (const [s] of walkSections(doc.sections))
        expect(text, `${doc.id} ${s.number}`).toContain(
          `${s.number} ${s.title}`.replace(/([\\`*_[\]<>#|])/g, format === 'md' ? '\\$1' : '$1'),
        );
    }
  });

  it('keeps untrusted text inert', async () => {
    const doc = docs.find((d) => d.id === 'genai-test-banks');
    if (!doc?.formats.includes(format)) return;
    const out = await r.render(doc, deps);
    const text = await readable(format, out);
    if (format === 'html') {
      expect(text).not.toContain('<script>alert');
      expect(text).toContain('&lt;script&gt;alert');
    }
    if (format === 'xlsx') {
      // the formula payload stays a string value, never a formula
      expect(text).toContain(PAYLOADS[4]);
    }
  });
});

describe('docx specifics', () => {
  it('uses heading styles, a TOC field, A4 and CJK fonts', async () => {
    const doc = docs.find((d) => d.id === 'genai-security-assessment') as MaterialDocument;
    const files = unzip((await renderers.docx.render(doc, deps)) as Uint8Array);
    const body = files.get('word/document.xml')?.toString('utf8') ?? '';
    const styles = files.get('word/styles.xml')?.toString('utf8') ?? '';
    const has = (hay: string, needle: string) => expect(hay.includes(needle), needle).toBe(true);
    has(body, 'w:val="Heading1"');
    has(body, 'w:val="Heading2"');
    has(body, 'TOC \\h \\o');
    has(body, 'w:w="11906"');
    has(body, 'w:h="16838"');
    has(styles, 'w:eastAsia="宋体"');
    has(styles, 'w:eastAsia="黑体"');
    has(body, '<w:tbl>');
    // payload from a source name: escaped text, not markup
    expect(body.includes('<w:t>injected')).toBe(false);
  });
});

describe('pdf', () => {
  it('prints the HTML of the document', async () => {
    printed.length = 0;
    const doc = docs[0] as MaterialDocument;
    await renderers.pdf.render(doc, deps);
    expect(printed[0]).toContain('<!doctype html>');
  });

  it('fails with ENVIRONMENT when no browser is available', async () => {
    const err = await renderers.pdf.render(docs[0] as MaterialDocument, {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BeianError);
    expect((err as BeianError).code).toBe('ENVIRONMENT');
  });
});
