import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDetectors, DEFAULT_POLICY, loadPiiDictionaries } from '../../pii/index.js';
import { scanCsv } from './csv-scan.js';
import type { Scanner } from './process-block.js';

const registry = createDetectors(loadPiiDictionaries());
const csv =
  'id,content,contact,note\n1,床前明月光,13812345678,"邮箱 a.b@example.com"\n2,疑是地上霜,13912345678,ok\n';

async function run(fields: string[] | undefined, input = csv) {
  const dir = mkdtempSync(join(tmpdir(), 'beian-csv-'));
  const file = join(dir, 't.csv');
  writeFileSync(file, input);
  const s: Scanner = {
    registry,
    options: { redact: true, policy: DEFAULT_POLICY, findings: true, ...(fields ? { fields } : {}) },
  };
  let out = '';
  const r = await scanCsv(
    s,
    file,
    fields,
    undefined,
    async (t) => {
      out += t;
    },
    () => {},
  );
  return { r, out };
}

describe('scanCsv', () => {
  it('masks a value found in one column wherever it recurs in the row', async () => {
    // after 订单号 a mobile is read as an order number; the same number found in `text` masks it there too
    const { r, out } = await run(undefined, 'text,note\n手机13812345678请回电,订单号13812345678\n');
    expect(r.byType).toEqual({ 'cn-mobile': 1 });
    expect(out).toBe('text,note\n手机138****5678请回电,订单号138****5678\n');
    expect(r.residualHigh).toBe(0);
  });

  it('scans and redacts every column by default', async () => {
    const { r, out } = await run(undefined);
    expect(r.records).toBe(2);
    expect(r.byType).toEqual({ 'cn-mobile': 2, email: 1 });
    expect(r.findings.map((f) => f.field)).toEqual(['contact', 'note', 'contact']);
    expect(out).toBe(
      'id,content,contact,note\n1,床前明月光,138****5678,邮箱 a***@example.com\n2,疑是地上霜,139****5678,ok\n',
    );
    expect(r.residualHigh).toBe(0);
  });

  it('narrowed to one column, the re-scan of every written cell reports the rest', async () => {
    const { r, out } = await run(['contact']);
    expect(r.byType).toEqual({ 'cn-mobile': 2 });
    expect(out).toContain('a.b@example.com');
    expect(r.residualHigh).toBe(1);
  });
});
