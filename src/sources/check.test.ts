import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadKb, threshold } from '../kb/index.js';
import { checkSources, FLAG_CODES } from './check.js';
import { parseLedger } from './parse.js';
import { sourceMixTable, sourcesTable } from './table.js';

const kb = loadKb();
const max = threshold(kb, 'source.illegal-rate.max');
const example = new URL('../../examples/demo/sources.yaml', import.meta.url);

describe('sources check', () => {
  const ledger = parseLedger(readFileSync(example, 'utf8'), 'sources.yaml');
  const result = checkSources(ledger, max);

  it('the shipped example exercises every flag', () => {
    expect(new Set(result.flags.map((f) => f.code))).toEqual(new Set(FLAG_CODES));
    expect(result.ok).toBe(false);
  });

  it('flags exactly the problems of each source', () => {
    const codes = (id: string) =>
      result.flags
        .filter((f) => f.source === id)
        .map((f) => f.code)
        .sort();
    expect(codes('chinese-poetry')).toEqual([]);
    expect(codes('licensed-news')).toEqual([]);
    expect(codes('forum-crawl')).toEqual([
      'crawl-without-basis',
      'illegal-rate-exceeded',
      'missing-authorisation',
      'pi-without-consent',
    ]);
    expect(codes('github-dump')).toEqual(['missing-licence', 'pi-undeclared', 'pi-without-consent']);
    expect(codes('app-feedback')).toEqual(['not-scanned']);
    expect(codes('foreign-wiki')).toEqual(['foreign-not-reviewed']);
    expect(result.flagged).toBe(3);
  });

  it('data from abroad needs no data-export assessment, but a licence, a lawful source and a review (#19)', () => {
    const foreign = { ...ledger[0]!, id: 'f', fromAbroad: true };
    const scanned = checkSources([foreign], max, kb.duties);
    expect(scanned.flags.map((f) => f.code)).toEqual([]);
    expect(scanned.ok).toBe(true);
    const unscanned = checkSources([{ ...foreign, lastScan: undefined }], max, kb.duties);
    expect(unscanned.flags).toEqual([{ source: 'f', code: 'foreign-not-reviewed', severity: 'error' }]);
    expect(unscanned.foreign.sources).toBe(1);
    const said = unscanned.foreign.duties.map((d) => d.text.zh).join('\n');
    expect(said).toMatch(/不适用数据出境安全评估/);
    expect(said).toMatch(/来源合法/);
    expect(said).toMatch(/许可证/);
    expect(said).toMatch(/内容安全抽检/);
    const unlicensed = checkSources([{ ...foreign, licence: undefined }], max, kb.duties);
    expect(unlicensed.flags.map((f) => f.code)).toEqual(['missing-licence']);
  });

  it('compares the illegal rate with the KB threshold, inclusive', () => {
    const at = checkSources([{ ...ledger[0]!, lastScan: { illegalRate: max.value } }], max);
    expect(at.flags.map((f) => f.code)).not.toContain('illegal-rate-exceeded');
    const above = checkSources([{ ...ledger[0]!, lastScan: { illegalRate: max.value + 0.001 } }], max);
    expect(above.flags.map((f) => f.code)).toContain('illegal-rate-exceeded');
  });

  it('computes the source mix by type and origin, by sources and records', () => {
    const { byType, byOrigin, recordsKnown } = result.mix;
    expect(recordsKnown).toBe(2_960_000);
    expect(byType['open-source'].sources).toBe(3);
    expect(byType['open-source'].sourceShare).toBeCloseTo(0.5);
    expect(byType['open-source'].recordShare).toBeCloseTo(900_000 / 2_960_000);
    expect(byOrigin.foreign.sources).toBe(2);
    expect(byOrigin.domestic.recordShare + byOrigin.foreign.recordShare).toBeCloseTo(1);
  });

  it('renders the materials tables in Chinese and English', () => {
    const zh = sourcesTable(ledger, result, 'zh');
    expect(zh.headers[0]).toBe('来源');
    expect(zh.rows.find((r) => r[0]?.startsWith('公开论坛'))?.[7]).toContain('超过标准上限 5.0%');
    const en = sourceMixTable(result, 'en');
    expect(en.rows.map((r) => r[0])).toContain('Foreign');
  });
});

describe('ledger import', () => {
  it('reads CSV with yes/no, percentages and pii=count cells', () => {
    const csv = [
      'id,name,type,licence,collection,authorisation,robotsTermsBasis,containsPersonalInfo,consentBasis,fromAbroad,securityAssessment,records,illegalRate,pii',
      'wiki,维基百科,open-source,CC-BY-SA-4.0,api,,,否,,是,评估 2026-01,1000,0.5%,email=2;cn-mobile=1',
    ].join('\n');
    const [s] = parseLedger(csv, 'ledger.csv');
    expect(s).toMatchObject({
      id: 'wiki',
      fromAbroad: true,
      containsPersonalInfo: false,
      volume: { records: 1000 },
    });
    expect(s?.lastScan?.illegalRate).toBeCloseTo(0.005);
    expect(s?.lastScan?.pii).toEqual({ email: 2, 'cn-mobile': 1 });
  });

  it('names the file, line and field of a bad entry', () => {
    const bad =
      'sources:\n  - id: ok\n    name: A\n    type: open-source\n    collection: api\n  - id: Bad Id\n    name: B\n    type: magic\n    collection: api\n';
    try {
      parseLedger(bad, 'l.yaml');
      expect.unreachable();
    } catch (e) {
      const issues = (e as { issues: { line?: number; path?: string }[] }).issues;
      expect(issues.some((i) => i.path === '[1].type' && i.line === 8)).toBe(true);
    }
    try {
      parseLedger('id,name,type,collection,fromAbroad\nx,X,open-source,api,maybe\n', 'l.csv');
      expect.unreachable();
    } catch (e) {
      expect((e as { issues: { line?: number; path?: string }[] }).issues[0]).toMatchObject({
        line: 2,
        path: 'fromAbroad',
      });
    }
  });
});
