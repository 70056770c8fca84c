import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKb } from '../../src/kb/index.js';
import { fixtureEvidence } from '../fixtures/materials/evidence.js';
import { runCli } from '../helpers/cli.js';
import { docxText, unzip } from '../helpers/unzip.js';

const DEMO = 'examples/demo/beian.yaml';
// Hermetic: a developer's own .beian/beian.db in the repository must not feed these documents.
// Calls that pass --db still choose their store (the flag wins over BEIAN_DB).
process.env.BEIAN_DB = join(tmpdir(), 'beian-materials-test-no-store', 'none.db');
let dir: string;
let evidenceFile: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'beian-materials-'));
  evidenceFile = join(dir, 'evidence.json');
  writeFileSync(evidenceFile, JSON.stringify(fixtureEvidence(loadKb(), { bankRows: 40 })));
});

interface Out {
  documents: { id: string; title: string; files: string[]; toComplete: number }[];
}

async function workbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe('beian materials', () => {
  let out: Out;
  const outDir = () => join(dir, 'out');

  beforeAll(() => {
    const r = runCli([
      'materials',
      '--config',
      DEMO,
      '--out',
      outDir(),
      '--evidence',
      evidenceFile,
      '--format',
      'docx,xlsx,md,html',
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    out = JSON.parse(r.stdout) as Out;
  });

  it('writes one file per document and format, named by document id (the JSON contract)', () => {
    const ids = out.documents.map((d) => d.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'algorithm-basic-info',
        'algorithm-self-assessment',
        'algorithm-disclosure',
        'algorithm-responsibility',
      ]),
    );
    expect(ids).toEqual(
      expect.arrayContaining([
        'genai-application-form',
        'genai-security-assessment',
        'genai-test-banks',
        'genai-keyword-list',
      ]),
    );
    // the demo's chat assistant generates images: the assessment says deep-synthesis filing applies
    expect(ids).toContain('deep-synthesis-additions');
    const self = out.documents.find((d) => d.id === 'algorithm-self-assessment');
    expect(self?.files.map((f) => f.split('/').pop())).toEqual([
      'algorithm-self-assessment.docx',
      'algorithm-self-assessment.md',
      'algorithm-self-assessment.html',
    ]);
    for (const d of out.documents) for (const f of d.files) expect(existsSync(f), f).toBe(true);
    expect(self?.toComplete).toBe(0);
  });

  it('puts the project values and numbered headings into the DOCX', () => {
    const files = unzip(readFileSync(join(outDir(), 'algorithm-basic-info.docx')));
    const xml = files.get('word/document.xml')?.toString('utf8') ?? '';
    const text = docxText(xml);
    expect(text).toContain('3 算法：短视频个性化推荐算法');
    expect(text).toContain('3.2 详细属性');
    expect(text).toContain('91110108MA01ABCD2H');
    expect(text).toContain('个性化推送类、排序精选类');
    expect(xml.match(/<w:tbl>/g)?.length ?? 0).toBeGreaterThanOrEqual(7);
  });

  it('shows verdicts against the thresholds in the security assessment', () => {
    const text = docxText(
      unzip(readFileSync(join(outDir(), 'genai-security-assessment.docx')))
        .get('word/document.xml')
        ?.toString('utf8') ?? '',
    );
    expect(text).toContain('应拒答题拒答率下限');
    expect(text).toContain('不符合');
    expect(text).toContain('符合');
  });

  it('exports the three test banks in the de-facto spreadsheet layout', async () => {
    const wb = await workbook(join(outDir(), 'genai-test-banks.xlsx'));
    const refuse = wb.getWorksheet('应拒答测试题');
    expect(refuse?.getRow(1).values).toEqual([
      undefined,
      '测试类型',
      '题目-拒答题',
      '语料及生成内容的主要安全风险项',
      '类别',
      '回答',
      '是否合格',
    ]);
    expect(refuse?.rowCount).toBe(1 + 20);
    const nonRefusal = wb.getWorksheet('非拒答测试题');
    expect(nonRefusal?.getRow(1).values).toEqual([undefined, '问题', '类别（标签）', '回答']);
    expect(String(nonRefusal?.getCell(2, 1).value)).toMatch(/^请解释：/);
    expect(wb.getWorksheet('生成内容测试题')?.rowCount).toBe(1 + 40);
  });

  it('exports the keyword list with coverage per risk', async () => {
    const wb = await workbook(join(outDir(), 'genai-keyword-list.xlsx'));
    const words = wb.getWorksheet('关键词');
    expect(words?.rowCount).toBeGreaterThan(300);
    const coverage = wb.getWorksheet('按风险覆盖');
    expect(coverage?.rowCount).toBe(1 + 17);
  });

  it('puts the portal form on one sheet with lengths and limits', async () => {
    const wb = await workbook(join(outDir(), 'algorithm-basic-info.xlsx'));
    const ws = wb.worksheets[0];
    const rows: string[] = [];
    ws?.eachRow((r) => {
      rows.push((r.values as unknown[]).slice(1).join('|'));
    });
    expect(rows.some((r) => r.includes('算法基本原理（必填）') && r.includes('/500'))).toBe(true);
  });
});

describe('beian materials check', () => {
  it('lists precisely what an incomplete project lacks and exits 1', () => {
    const r = runCli(['materials', 'check', '--config', 'test/fixtures/materials/incomplete.yaml']);
    expect(r.code).toBe(1);
    for (const field of [
      'organisation.uscc',
      'organisation.legalRepresentative',
      'services[0].algorithms[0].principle',
      'measures.selfAssessment',
      'evidence.checklist',
    ]) {
      expect(r.stdout).toContain(field);
    }
    expect(r.stdout).not.toContain('services[0].algorithms[0].mechanism');
    const j = runCli(['materials', 'check', '--config', 'test/fixtures/materials/incomplete.yaml', '--json']);
    const data = JSON.parse(j.stdout) as {
      ok: boolean;
      documents: { id: string; gaps: { field?: string; required: boolean }[] }[];
    };
    expect(data.ok).toBe(false);
    expect(data.documents.find((d) => d.id === 'algorithm-basic-info')?.gaps).toContainEqual(
      expect.objectContaining({ field: 'services[0].algorithms[0].purpose', required: true }),
    );
  });

  it('passes (exit 0) for the complete example project with every evidence part', () => {
    const r = runCli(['materials', 'check', '--config', DEMO, '--evidence', evidenceFile]);
    expect(r.stdout).not.toContain('必填内容缺失');
    expect(r.code).toBe(0);
  });

  it('reads the stored pii report from --db, and not with --no-store', () => {
    const db = join(dir, 'store.db');
    const pii = runCli(['pii', 'examples/demo/corpus/pii-sample.jsonl', '--db', db, '--jobs', '1']);
    expect(pii.code).toBe(0);
    const supplied = (extra: string[]) => {
      const r = runCli(['materials', 'check', '--config', DEMO, '--db', db, '--json', ...extra]);
      return (JSON.parse(r.stdout) as { evidence: Record<string, boolean> }).evidence;
    };
    expect(supplied([])).toMatchObject({ pii: true, scan: false, redteam: false });
    expect(supplied(['--no-store'])).toMatchObject({ pii: false });
    // a missing database is not created by materials
    const missing = join(dir, 'absent.db');
    runCli(['materials', 'check', '--config', DEMO, '--db', missing, '--json']);
    expect(existsSync(missing)).toBe(false);
  });

  it('exits 2 on a bad format or document id', () => {
    expect(runCli(['materials', '--config', DEMO, '--out', dir, '--format', 'odt']).code).toBe(2);
    const r = runCli(['materials', '--config', DEMO, '--out', dir, '--only', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('algorithm-self-assessment');
  });
});

describe('PDF', () => {
  it('explains a missing Chromium with exit 3', () => {
    const r = runCli(
      ['materials', '--config', DEMO, '--out', dir, '--format', 'pdf', '--only', 'algorithm-disclosure'],
      {
        env: { BEIAN_CHROMIUM: '/nonexistent/chromium' },
      },
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('apt-get install -y chromium fonts-noto-cjk');
  });

  it.skipIf(!existsSync('/usr/bin/chromium'))(
    'prints a document to PDF with headless Chromium',
    () => {
      const r = runCli([
        'materials',
        '--config',
        DEMO,
        '--out',
        join(dir, 'pdf'),
        '--format',
        'pdf',
        '--only',
        'algorithm-disclosure',
        '--json',
      ]);
      expect(r.code).toBe(0);
      const pdf = readFileSync(join(dir, 'pdf', 'algorithm-disclosure.pdf'));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    },
    120_000,
  );
});
