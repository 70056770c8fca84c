import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { getPath } from '../../src/corpus/fields.js';
import { runCli } from '../helpers/cli.js';

const FIX = new URL('../fixtures/pii/', import.meta.url).pathname;
const records = join(FIX, 'records.jsonl');
const tmp = () => mkdtempSync(join(tmpdir(), 'beian-pii-'));

interface Report {
  records: number;
  bytes: number;
  byType: Record<string, number>;
  malformed: { file: string; line: number; reason: string }[];
  byConfidence: { high: number; medium: number; possible: number };
  redaction?: { residualHigh: number; redacted: number };
}
const json = (args: string[], env?: NodeJS.ProcessEnv) => {
  const r = runCli([...args, '--json', '--no-save'], env ? { env } : {});
  return { ...r, report: JSON.parse(r.stdout) as Report };
};

describe('beian pii', () => {
  it('prints the JSON contract and reports malformed lines by file and line', () => {
    const { code, report } = json(['pii', records]);
    expect(code).toBe(0);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['records', 'bytes', 'byType', 'malformed']));
    // every field is read, so the line without `text` is a record too
    expect(report.records).toBe(61);
    expect(report.byType['cn-id-card']).toBeGreaterThan(0);
    expect(report.malformed.map((m) => [m.line, m.reason])).toEqual([[6, 'invalid JSON']]);
    const narrowed = json(['pii', records, '--field', 'text']).report;
    expect(narrowed.malformed.map((m) => [m.line, m.reason])).toEqual([
      [6, 'invalid JSON'],
      [7, 'missing field "text"'],
    ]);
    expect(report.malformed[0]?.file).toBe(records);
  });

  it('writes findings with UTF-16 offsets and masked values only', () => {
    const dir = tmp();
    const out = join(dir, 'findings.jsonl');
    expect(runCli(['pii', records, '--findings', out, '--no-save']).code).toBe(0);
    const lines = readFileSync(records, 'utf8').split('\n');
    const rows = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.length).toBeGreaterThan(20);
    for (const f of rows) {
      expect(Object.keys(f)).toEqual([
        'file',
        'line',
        ...(f.field === undefined ? [] : ['field']),
        'type',
        'start',
        'end',
        'confidence',
        'score',
        'masked',
      ]);
      let text: string;
      try {
        // offsets are relative to the field the finding is in
        text = String(getPath(JSON.parse(lines[f.line - 1] ?? ''), f.field));
      } catch {
        text = lines[f.line - 1] ?? ''; // a malformed line is scanned as raw text
      }
      const raw = text.slice(f.start, f.end);
      expect(raw.length).toBe(f.end - f.start);
      expect(f.masked).not.toBe(raw);
      expect(readFileSync(out, 'utf8')).not.toContain(raw.length >= 8 ? raw : '\u0000');
    }
  });

  it('redacts JSONL preserving format and other fields; the re-scan finds no high-confidence PII', () => {
    const dir = tmp();
    const { code, report } = json(['pii', records, '--redact', '--out', dir]);
    expect(code).toBe(0);
    expect(report.redaction?.residualHigh).toBe(0);
    const before = readFileSync(records, 'utf8').split('\n');
    const after = readFileSync(join(dir, 'records.jsonl'), 'utf8').split('\n');
    expect(after.length).toBe(before.length);
    before.forEach((line, i) => {
      if (i === 5 || i === 6 || line === '') return; // the two malformed lines and the final newline
      const a = JSON.parse(line);
      const b = JSON.parse(after[i] ?? '');
      expect(Object.keys(b)).toEqual(Object.keys(a));
      expect({ ...b, text: undefined }).toEqual({ ...a, text: undefined });
    });
    expect(after[5]).not.toContain('13812345678');
    const rescan = json(['pii', dir]);
    expect(rescan.report.byConfidence.high).toBe(0);
    expect(rescan.report.records).toBe(61);
  });

  it('redacts every field of a JSONL record and every CSV column; no raw value in any output', () => {
    const dir = tmp();
    const raw = ['13812345678', '13912345678', '11010519491231002X', 'li.lei@example.com', '13700001111'];
    const jsonl = join(dir, 'profiles.jsonl');
    writeFileSync(
      jsonl,
      `${JSON.stringify({ text: '客户来电咨询', phone: '13812345678', idno: '11010519491231002X', contact: { mail: 'li.lei@example.com', tel: 13912345678 } })}\n`,
    );
    const csv = join(dir, 'calls.csv');
    writeFileSync(csv, 'id,content,callback\n1,用户反馈,13700001111\n');
    const findings = join(dir, 'findings.jsonl');
    const out = join(dir, 'clean');
    const { code, stdout, report } = json([
      'pii',
      jsonl,
      csv,
      '--redact',
      '--out',
      out,
      '--findings',
      findings,
    ]);
    expect(code).toBe(0);
    expect(report.byType).toEqual({ 'cn-mobile': 3, 'cn-id-card': 1, email: 1 });
    expect(report.redaction?.residualHigh).toBe(0);
    const written = [
      readFileSync(join(out, 'profiles.jsonl'), 'utf8'),
      readFileSync(join(out, 'calls.csv'), 'utf8'),
    ];
    for (const text of [...written, stdout, readFileSync(findings, 'utf8')])
      for (const v of raw) expect(text).not.toContain(v);
    // narrowed to one field, the re-scan of what was written still finds the rest: exit 1
    const narrowed = json(['pii', jsonl, '--field', 'text', '--redact', '--out', join(dir, 'narrow')]);
    expect(narrowed.code).toBe(1);
    expect(narrowed.report.redaction?.residualHigh).toBe(4);
  });

  it('redacts CSV (only the chosen column) and TXT in one run; the re-scan finds no high-confidence PII', () => {
    const dir = tmp();
    const run = json([
      'pii',
      join(FIX, 'tickets.csv'),
      join(FIX, 'notes.txt'),
      '--field',
      'content',
      '--redact',
      '--out',
      dir,
      '--jobs',
      '2',
    ]);
    expect(run.code).toBe(0);
    expect(run.report.redaction?.residualHigh).toBe(0);
    const a = parseCsv(readFileSync(join(FIX, 'tickets.csv'), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    const b = parseCsv(readFileSync(join(dir, 'tickets.csv'), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    expect(b.map((r) => [r.id, r.status])).toEqual(a.map((r) => [r.id, r.status]));
    expect(b.some((r, i) => r.content !== a[i]?.content)).toBe(true);
    const notes = readFileSync(join(FIX, 'notes.txt'), 'utf8').split('\n');
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8').split('\n')).toHaveLength(notes.length);
    expect(json(['pii', dir, '--field', 'content']).report.byConfidence.high).toBe(0);
  });

  it('pseudonymises with a key from the environment, never writing the key', () => {
    const dir = tmp();
    const cfg = join(dir, 'beian.yaml');
    writeFileSync(
      cfg,
      [
        'version: 1',
        'services:',
        '  - { id: s, name: S, answers: { publicMainland: true, functions: [generate-synthesise], generates: [text], model: { source: third-party-api } } }',
        'pii:',
        '  strategy: { strategy: pseudonym }',
        '  pseudonym: { keyEnv: DEMO_PII_KEY }',
      ].join('\n'),
    );
    const input = join(dir, 'in.txt');
    writeFileSync(input, '手机 13812345678\n电话：138 1234 5678\n手机 13912345678\n');
    const noKey = runCli(['pii', input, '--redact', '--out', join(dir, 'o'), '--config', cfg, '--no-save']);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('DEMO_PII_KEY');
    const key = 'k-3f9a1c2e7b5d4a60-secret';
    const db = join(dir, 'b.db');
    const r = runCli(
      ['--db', db, 'pii', input, '--redact', '--out', join(dir, 'o'), '--config', cfg, '--json'],
      {
        env: { DEMO_PII_KEY: key },
      },
    );
    expect(r.code).toBe(0);
    const out = readFileSync(join(dir, 'o', 'in.txt'), 'utf8').split('\n');
    const token = (l: string) => /\[手机号#[0-9a-f]{12}\]/.exec(l)?.[0];
    expect(token(out[0] ?? '')).toBeDefined();
    expect(token(out[0] ?? '')).toBe(token(out[1] ?? ''));
    expect(token(out[2] ?? '')).not.toBe(token(out[0] ?? ''));
    const row = new Database(db).prepare('select report_json, residual_high from pii_reports').get() as {
      report_json: string;
      residual_high: number;
    };
    expect(row.residual_high).toBe(0);
    for (const text of [r.stdout, r.stderr, row.report_json, out.join('\n')]) {
      expect(text).not.toContain(key);
      expect(text).not.toContain('13812345678');
    }
  });

  it('exits 2 for a missing input, --redact without --out or --out without --redact', () => {
    expect(runCli(['pii', join(FIX, 'nope.jsonl'), '--no-save']).code).toBe(2);
    expect(runCli(['pii', records, '--redact', '--no-save']).code).toBe(2);
    const dir = tmp();
    const outOnly = runCli(['pii', records, '--out', join(dir, 'clean'), '--no-save']);
    expect(outOnly.code).toBe(2);
    expect(outOnly.stderr).toContain('--redact');
    expect(existsSync(join(dir, 'clean'))).toBe(false);
  });
});

describe('beian sources', () => {
  it('flags every problem of the shipped example ledger and exits 1', () => {
    const r = runCli(['sources', 'check', '--ledger', 'examples/demo/sources.yaml', '--json']);
    expect(r.code).toBe(1);
    const data = JSON.parse(r.stdout) as {
      flags: { code: string }[];
      mix: unknown;
      table: { rows: string[][] };
    };
    expect(new Set(data.flags.map((f) => f.code)).size).toBe(8);
    expect(data.table.rows).toHaveLength(6);
  });

  it('never asks a foreign source for a data-export assessment; states what applies instead (#19)', () => {
    const r = runCli(['sources', 'check', '--ledger', 'examples/demo/sources.yaml']);
    expect(r.stdout).not.toContain('未记录数据出境安全评估');
    expect(r.stdout).toContain('数据入境不需要数据出境安全评估');
    expect(r.stdout).toContain('foreign-not-reviewed');
    const json = JSON.parse(
      runCli(['sources', 'check', '--ledger', 'examples/demo/sources.yaml', '--json', '--lang', 'en']).stdout,
    ) as { flags: { code: string }[]; foreign: { sources: number; duties: { id: string }[] } };
    expect(json.flags.map((f) => f.code)).not.toContain('foreign-without-assessment');
    expect(json.foreign.sources).toBe(2);
    expect(json.foreign.duties.map((d) => d.id)).toEqual([
      'foreign-data/no-export-assessment',
      'foreign-data/lawful-source',
      'foreign-data/licence',
      'foreign-data/content-review',
    ]);
  });

  it('imports a CSV ledger and passes a clean one', () => {
    const dir = tmp();
    const csv = join(dir, 'l.csv');
    writeFileSync(
      csv,
      'id,name,type,licence,collection,containsPersonalInfo,fromAbroad,records,illegalRate\npoetry,古诗词,open-source,MIT,api,no,no,100,0.001\n',
    );
    const imported = runCli(['sources', 'import', csv]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('id: poetry');
    expect(runCli(['sources', 'check', '--ledger', csv]).code).toBe(0);
    writeFileSync(csv, 'id,name,type,collection\nBad,x,weird,api\n');
    const bad = runCli(['sources', 'check', '--ledger', csv]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('l.csv:2');
  });
});
