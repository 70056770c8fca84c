import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadKb } from '../../kb/index.js';
import { CategoryMapFile, mergeMaps, normaliseLabel, resolveLabels } from './category-map.js';
import { proposalsToYaml, suggestMappings } from './suggest-map.js';

const kb = loadKb();
const map = (id: string, labels: Record<string, string>, aliases?: Record<string, string>) =>
  CategoryMapFile.parse({ id, source: 's', version: '2026-12-01', labels, ...(aliases ? { aliases } : {}) });

describe('category maps', () => {
  const maps = mergeMaps([
    map('mine', { 诈骗: 'A.1.7' }),
    map(
      'bench',
      { 诈骗: 'A.1.8', 违法犯罪: 'A.1.8', '违法犯罪/其他': 'A.1.8', '歧视/其他': 'A.2.9' },
      { 违法: '违法犯罪' },
    ),
  ]);
  it('an earlier map wins; a parent/child key applies only under that parent', () => {
    expect(resolveLabels(kb, maps, ['违法犯罪', '诈骗'])?.target).toBe('A.1.7');
    expect(resolveLabels(kb, maps, ['违法犯罪', '其他'])?.target).toBe('A.1.8');
    expect(resolveLabels(kb, maps, ['违法犯罪', '其他'])?.fallback).toBeUndefined();
    expect(resolveLabels(kb, maps, ['歧视', '其他'])?.target).toBe('A.2.9');
    expect(resolveLabels(kb, maps, ['违法', '其他'])?.target).toBe('A.1.8'); // alias of the parent
    expect(resolveLabels(kb, maps, ['无关', '其他'])).toBeUndefined();
  });
  it('risk ids, risk titles (zh/en, any case or width) and aspects resolve without a map', () => {
    const none = mergeMaps([]);
    expect(resolveLabels(kb, none, ['A.2.5 性别歧视内容'])?.target).toBe('A.2.5');
    expect(resolveLabels(kb, none, ['GENDER DISCRIMINATION'])?.target).toBe('A.2.5');
    expect(resolveLabels(kb, none, ['历史'])).toMatchObject({ kind: 'aspect', target: 'history' });
  });
  it('a label known only by its parent is marked as a fallback', () => {
    expect(resolveLabels(kb, maps, ['违法犯罪', '操纵'])).toMatchObject({ target: 'A.1.8', fallback: true });
  });
  it('normalising is idempotent and resolution never throws, always naming a real risk or aspect', () => {
    const ids = new Set([...kb.risks.map((r) => r.id), ...kb.nonRefusalAspects.map((a) => a.id)]);
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 3 }), (labels) => {
        for (const l of labels) if (normaliseLabel(normaliseLabel(l)) !== normaliseLabel(l)) return false;
        const r = resolveLabels(kb, maps, labels);
        return r === undefined || ids.has(r.target);
      }),
    );
  });
});

describe('suggest-map', () => {
  it('proposes the closest risk with a reason, and the parent for a generic leaf', () => {
    const maps = mergeMaps([map('m', { 违法犯罪: 'A.1.8' })]);
    const unknown = new Map([
      ['性别偏见', { labels: ['性别偏见'], rows: 7 }],
      ['违法犯罪/其他', { labels: ['违法犯罪', '其他'], rows: 3 }],
      ['Age bias', { labels: ['Age bias'], rows: 2 }],
      ['xyz', { labels: ['xyz'], rows: 1 }],
    ]);
    const p = suggestMappings(kb, maps, unknown);
    expect(p.map((x) => [x.label, x.suggestion?.target])).toEqual([
      ['性别偏见', 'A.2.5'],
      ['违法犯罪/其他', 'A.1.8'],
      ['Age bias', 'A.2.6'],
      ['xyz', undefined],
    ]);
    expect(p[0]!.suggestion!.reason).toContain('性别歧视内容');
    const yaml = proposalsToYaml(p, 'my benchmark', '2026-12-01');
    expect(yaml).toContain('"性别偏见": A.2.5');
    expect(yaml).toContain('# "xyz": A.x.y');
  });
});
