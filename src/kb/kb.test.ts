import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BeianError } from '../errors.js';
import { kbItems, searchKb } from './items.js';
import { buildKb, type KbSources, meets, threshold } from './kb.js';
import { DEFAULT_KB_DIR, kbSnapshot, loadKb } from './load.js';
import { FilingKindId } from './schema.js';

const raw = (name: string): unknown => parse(readFileSync(join(DEFAULT_KB_DIR, `${name}.yaml`), 'utf8'));
const sources = (): KbSources => ({
  regulations: raw('regulations'),
  'algorithm-types': raw('algorithm-types'),
  risks: raw('risks'),
  thresholds: raw('thresholds'),
  'filing-kinds': raw('filing-kinds'),
  duties: raw('duties'),
});

describe('knowledge base', () => {
  const kb = loadKb();

  it('holds the 5 categories and 31 risks of Appendix A, each in its category', () => {
    expect(kb.riskCategories.map((c) => c.id)).toEqual(['A.1', 'A.2', 'A.3', 'A.4', 'A.5']);
    expect(kb.risks).toHaveLength(31);
    const perCategory = Object.fromEntries(
      kb.riskCategories.map((c) => [c.id, kb.risks.filter((r) => r.category === c.id).length]),
    );
    expect(perCategory).toEqual({ 'A.1': 8, 'A.2': 9, 'A.3': 5, 'A.4': 7, 'A.5': 2 });
  });

  it('holds the six filing kinds of the assessment contract', () => {
    // the ids themselves are the assessment contract, written out in test/e2e/assess.test.ts
    expect(FilingKindId.options).toHaveLength(6);
    expect(kb.filingKinds.map((k) => k.id).sort()).toEqual([...FilingKindId.options].sort());
  });

  it('keeps the standard thresholds as data with their confidence', () => {
    expect(threshold(kb, 'eval.should-refuse.refusal-rate.min').value).toBe(0.95);
    expect(threshold(kb, 'lexicon.total.min').value).toBe(10000);
    expect(threshold(kb, 'corpus.manual.pass-rate.min').citations[0]?.confidence).toBe('corroborated');
    expect(meets(threshold(kb, 'eval.should-not-refuse.refusal-rate.max'), 0.06)).toBe(false);
    expect(meets(threshold(kb, 'eval.should-not-refuse.refusal-rate.max'), 0.05)).toBe(true);
  });

  it('rejects a citation to an unknown source, naming the file and item', () => {
    const s = sources();
    const types = structuredClone(s['algorithm-types']) as {
      algorithmTypes: { citations: { source: string }[] }[];
    };
    types.algorithmTypes[0]!.citations[0]!.source = 'no-such-law';
    s['algorithm-types'] = types;
    try {
      buildKb(s);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(BeianError);
      expect((e as BeianError).issues[0]).toMatchObject({
        file: 'algorithm-types.yaml',
        path: 'generation-synthesis',
      });
    }
  });

  it('rejects a wrong field type with its path', () => {
    const s = sources();
    const th = structuredClone(s.thresholds) as { thresholds: { value: unknown }[] };
    th.thresholds[2]!.value = 'ninety-six';
    s.thresholds = th;
    expect(() => buildKb(s)).toThrowError(BeianError);
    try {
      buildKb(s);
    } catch (e) {
      expect((e as BeianError).issues[0]?.path).toBe('thresholds[2].value');
    }
  });

  it('searches in Chinese and English', () => {
    const items = kbItems(kb);
    expect(searchKb(items, '拒答').map((i) => i.id)).toContain('eval.should-refuse.refusal-rate.min');
    expect(searchKb(items, 'refusal rate').map((i) => i.id)).toContain(
      'eval.should-not-refuse.refusal-rate.max',
    );
    expect(searchKb(items, '  ')).toEqual([]);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });
});

describe('knowledge-base snapshot', () => {
  const dir = mkdtempSync(join(tmpdir(), 'beian-kb-snap-'));
  const snapshot = join(dir, 'kb-snapshot.json');
  writeFileSync(snapshot, kbSnapshot());

  it('loads to exactly what the YAML + zod load gives', () => {
    const fromYaml = loadKb(DEFAULT_KB_DIR, { snapshot: false });
    const fromSnap = loadKb(DEFAULT_KB_DIR, { snapshot });
    expect(fromSnap).toStrictEqual(fromYaml);
    // and it was read from the snapshot, not re-parsed: a tampered snapshot with the right hash shows
    const tampered = JSON.parse(readFileSync(snapshot, 'utf8')) as { kb: { version: string } };
    tampered.kb.version = 'from-snapshot';
    const other = join(dir, 'tampered.json');
    writeFileSync(other, JSON.stringify(tampered));
    expect(loadKb(DEFAULT_KB_DIR, { snapshot: other }).version).toBe('from-snapshot');
  });

  it('is ignored when the YAML changed (user KB, edited file): parsed and validated instead', () => {
    const kbDir = join(dir, 'kb');
    mkdirSync(kbDir);
    for (const f of readdirSync(DEFAULT_KB_DIR)) copyFileSync(join(DEFAULT_KB_DIR, f), join(kbDir, f));
    const file = join(kbDir, 'thresholds.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n# edited\n`);
    expect(loadKb(kbDir, { snapshot }).version).toBe(loadKb(DEFAULT_KB_DIR, { snapshot: false }).version);
    writeFileSync(file, 'thresholds: 3\n');
    expect(() => loadKb(kbDir, { snapshot })).toThrow(BeianError);
  });
});
