import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { createDetectors, DEFAULT_POLICY, loadPiiDictionaries } from '../../pii/index.js';
import { processBlock, type Scanner } from './process-block.js';

const registry = createDetectors(loadPiiDictionaries());
const scanner = (redact: boolean): Scanner => ({
  registry,
  options: { redact, policy: DEFAULT_POLICY, findings: true },
});

describe('processBlock', () => {
  it('decodes GBK, keeps CRLF and blank lines, rewrites only the text field', () => {
    const text =
      '{"id":1,"text":"联系人：张伟，手机13812345678"}\r\n\r\n{"id":2,"text":"床前明月光","tags":["a"]}\r\n';
    const block = {
      kind: 'lines' as const,
      file: 'f.jsonl',
      format: 'jsonl' as const,
      encoding: 'gbk' as const,
      firstLine: 10,
      bytes: new Uint8Array(iconv.encode(text, 'gbk')),
    };
    const r = processBlock(scanner(true), block);
    expect(r.records).toBe(2);
    expect(r.byType).toEqual({ 'person-name': 1, 'cn-mobile': 1 });
    expect(r.findings.map((f) => [f.line, f.type])).toEqual([
      [10, 'person-name'],
      [10, 'cn-mobile'],
    ]);
    expect(r.out).toBe(
      '{"id":1,"text":"联系人：张*，手机138****5678"}\r\n\r\n{"id":2,"text":"床前明月光","tags":["a"]}\r\n',
    );
    expect(r.residualHigh).toBe(0);
    expect(r.bySource).toEqual({});
  });

  it('reads valid UTF-8 blocks (ASCII only, Han, a BOM, a character outside the BMP) as written', () => {
    for (const text of [
      'plain ascii line\nsecond\n',
      '\ufeff床前明月光，疑是地上霜\r\n𠀋字 ok\n',
      '联系人：张伟',
    ])
      for (const encoding of ['auto', 'utf8'] as const) {
        const r = processBlock(scanner(true), {
          kind: 'lines',
          file: 't.txt',
          format: 'txt',
          encoding,
          firstLine: 1,
          bytes: new TextEncoder().encode(text),
        });
        expect(r.malformed).toEqual([]);
        if (!text.includes('张伟')) expect(r.out).toBe(text);
        else expect(r.out).toBe('联系人：张*');
      }
  });

  it('counts findings per record source', () => {
    const text =
      '{"source":"forum","text":"手机13812345678"}\n{"source":"news","text":"邮箱 a.b@example.com"}\n{"source":"forum","text":"手机13912345678"}\n';
    const r = processBlock(scanner(false), {
      kind: 'lines',
      file: 'f',
      format: 'jsonl',
      encoding: 'utf8',
      firstLine: 1,
      bytes: new TextEncoder().encode(text),
    });
    expect(r.bySource).toEqual({ forum: { 'cn-mobile': 2 }, news: { email: 1 } });
  });

  it('reports invalid bytes and broken JSON by line, without quoting the input', () => {
    const bytes = new Uint8Array([
      ...Buffer.from('{"text":"ok"}\n{"text": 手机13812345678\n{"text":"a'),
      0xff,
      ...Buffer.from('b"}\n'),
    ]);
    const r = processBlock(scanner(false), {
      kind: 'lines',
      file: 'x.jsonl',
      format: 'jsonl',
      encoding: 'utf8',
      firstLine: 1,
      bytes,
    });
    expect(r.malformed.map((m) => m.line)).toEqual([2, 3]);
    expect(r.malformed[0]?.reason).not.toContain('138');
    expect(r.byType['cn-mobile']).toBe(1); // the broken line is still scanned
    expect(r.records).toBe(2);
  });

  it('reports records nested past the limit as malformed, and keeps those just inside it', () => {
    const nest = (n: number, open: string, close: string, leaf: string) =>
      `${open.repeat(n)}${leaf}${close.repeat(n)}`;
    const lines = [
      `{"a":${nest(300, '[', ']', '"13812345678"')}}`,
      nest(300, '{"a":', '}', '"13812345678"'),
      // 256 levels in all, and more brackets than that inside a string: not too deep
      `{"t":"${'{['.repeat(200)}","a":${nest(255, '[', ']', '"13812345678"')}}`,
    ];
    const r = processBlock(scanner(false), {
      kind: 'lines',
      file: 'deep.jsonl',
      format: 'jsonl',
      encoding: 'utf8',
      firstLine: 1,
      bytes: new TextEncoder().encode(`${lines.join('\n')}\n`),
    });
    expect(r.malformed.map((m) => [m.line, m.reason.includes('256')])).toEqual([
      [1, true],
      [2, true],
    ]);
    expect(r.records).toBe(1);
  });
});

describe('processBlock: the whole record', () => {
  const block = (text: string) => ({
    kind: 'lines' as const,
    file: 'r.jsonl',
    format: 'jsonl' as const,
    encoding: 'utf8' as const,
    firstLine: 1,
    bytes: new TextEncoder().encode(text),
  });
  const line =
    '{"text":"床前明月光","phone":"13812345678","idno":"11010519491231002X","user":{"tel":13912345678,"notes":["邮箱 a.b@example.com"]}}\n';

  it('scans and redacts every string field, nested ones and long integers too', () => {
    const r = processBlock(scanner(true), block(line));
    expect(r.records).toBe(1);
    expect(r.byType).toEqual({ 'cn-mobile': 2, 'cn-id-card': 1, email: 1 });
    expect(r.findings.map((f) => f.field)).toEqual(['phone', 'idno', 'user.tel', 'user.notes.0']);
    const out = JSON.parse(r.out ?? '') as Record<string, unknown>;
    expect(out).toEqual({
      text: '床前明月光',
      phone: '138****5678',
      idno: '110***********002X',
      user: { tel: '139****5678', notes: ['邮箱 a***@example.com'] },
    });
    expect(r.out).not.toMatch(/13812345678|13912345678|19491231|a\.b@/);
    expect(r.residualHigh).toBe(0);
  });

  it('narrowed with fields, the re-scan still reads every written field and counts what was left', () => {
    const s: Scanner = {
      registry,
      options: { redact: true, policy: DEFAULT_POLICY, findings: true, fields: ['phone'] },
    };
    const r = processBlock(s, block(line));
    expect(r.byType).toEqual({ 'cn-mobile': 1 });
    expect(r.out).toContain('138****5678');
    // idno, user.tel and the e-mail were outside the chosen field: written as they were, and reported
    expect(r.residualHigh).toBe(3);
  });

  it('reports a record missing every chosen field as malformed, naming the field only', () => {
    const s: Scanner = {
      registry,
      options: { redact: false, policy: DEFAULT_POLICY, findings: true, fields: ['body'] },
    };
    const r = processBlock(s, block(line));
    expect(r.malformed).toEqual([
      {
        file: 'r.jsonl',
        line: 1,
        reason: 'missing field "body"',
        key: 'malformed.missingField',
        params: { field: 'body' },
      },
    ]);
  });
});

describe('processBlock: field paths', () => {
  it('never carries a key that is itself personal information into a finding', () => {
    const r = processBlock(scanner(false), {
      kind: 'lines',
      file: 'k.jsonl',
      format: 'jsonl',
      encoding: 'utf8',
      firstLine: 1,
      bytes: new TextEncoder().encode('{"contacts":{"13812345678":"手机13812345678"}}\n'),
    });
    expect(r.findings.map((f) => f.field)).toEqual(['contacts.*', 'contacts.*#key']);
    expect(JSON.stringify(r)).not.toContain('13812345678');
  });
});

describe('processBlock: keys', () => {
  it('redacts a key that is a phone number, keeping the key order and the value', () => {
    const r = processBlock(scanner(true), {
      kind: 'lines',
      file: 'k.jsonl',
      format: 'jsonl',
      encoding: 'utf8',
      firstLine: 1,
      bytes: new TextEncoder().encode('{"a":1,"13812345678":"老客户","z":2}\n'),
    });
    expect(r.out).toBe('{"a":1,"138****5678":"老客户","z":2}\n');
    expect(r.byType).toEqual({ 'cn-mobile': 1 });
    expect(r.residualHigh).toBe(0);
  });
});
