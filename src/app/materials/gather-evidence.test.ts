import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadKb } from '../../kb/index.js';
import { EvidenceSchema } from '../../materials/evidence.js';
import { parseProject } from '../../project/index.js';
import { openStore, type Store } from '../../store/index.js';
import { saveAudit } from '../../store/repos/fairness.js';
import type { ScanReport } from '../scan.js';
import { saveScan } from '../scan.js';
import { gatherEvidence } from './gather-evidence.js';

const kb = loadKb();
const PROJECT = `
version: 1
organisation:
  name: 示例公司
services:
  - id: shop
    name: 商城搜索
    answers: {}
    algorithms:
      - id: rank
        name: 排序算法
`;

let store: Store;
let dir: string;
beforeEach(async () => {
  store = await openStore(':memory:');
  dir = mkdtempSync(join(tmpdir(), 'beian-gather-'));
});
afterEach(async () => {
  await store.close();
});

describe('gatherEvidence', () => {
  it('leaves out every part without a stored result (only the starter library is always there)', async () => {
    const file = join(dir, 'beian.yaml');
    writeFileSync(file, PROJECT);
    const project = parseProject(PROJECT, file);
    const ev = await gatherEvidence(store, kb, project, { projectFile: file, lang: 'zh' });
    expect(Object.keys(ev)).toEqual(['lexicon']);
    const none = await gatherEvidence(store, kb, project, {
      projectFile: file,
      lang: 'zh',
      starterLexicon: false,
    });
    expect(none).toEqual({});
  });

  it('reads the newest scan and the newest audit per kind and service, and the ledger beside the project', async () => {
    const file = join(dir, 'beian.yaml');
    writeFileSync(file, PROJECT);
    writeFileSync(
      join(dir, 'sources.yaml'),
      '- id: wiki\n  name: Wiki\n  type: open-source\n  licence: CC0-1.0\n  collection: manual\n',
    );
    const project = parseProject(PROJECT, file);
    const report = (records: number) =>
      ({
        records,
        flagged: 1,
        verdict: 'fail',
        byCategory: { 'A.1.1': 1 },
        sample: { size: 10, flagged: 1, rate: 0.1, ci: [0, 0.4], fraction: 1, seed: 1 },
      }) as unknown as ScanReport;
    await saveScan(store, ['old'], report(5), new Date('2026-01-01T00:00:00Z'));
    await saveScan(store, ['new'], report(7), new Date('2026-02-01T00:00:00Z'));
    const audit = (failed: boolean, at: string) =>
      saveAudit(
        store,
        {
          kind: 'price',
          subject: 'log.csv',
          serviceId: 'shop',
          failed,
          flagCount: failed ? 1 : 0,
          dataVersion: '1',
          result: { flags: [] },
        },
        new Date(at),
      );
    await audit(true, '2026-01-01T00:00:00Z');
    await audit(false, '2026-03-01T00:00:00Z');
    const ev = await gatherEvidence(store, kb, project, {
      projectFile: file,
      lang: 'en',
      starterLexicon: false,
    });
    expect(ev.scan).toMatchObject({ items: 7, at: '2026-02-01T00:00:00.000Z' });
    expect(ev.fairness).toEqual([
      { audit: 'price-discrimination', algorithm: 'rank', passed: true, detail: 'log.csv; 0 flag(s)' },
    ]);
    expect(ev.sources).toEqual([
      { problems: [], id: 'wiki', name: 'Wiki', type: 'open-source', licence: 'CC0-1.0', crossBorder: false },
    ]);
    expect(ev.pii).toBeUndefined();
    expect(ev.redteam).toBeUndefined();
    expect(EvidenceSchema.safeParse(ev).success).toBe(true);
  });
});
