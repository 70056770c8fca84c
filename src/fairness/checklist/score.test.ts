import { describe, expect, it } from 'vitest';
import { loadKb } from '../../kb/index.js';
import type { ChecklistEntry } from '../../project/sections/checklist.js';
import { loadFairnessData } from '../data.js';
import { checkEntries, inferGroups, inferRegimes, scoreChecklist } from './score.js';

const data = loadFairnessData(loadKb());
const shop = { id: 'shop', functions: ['rank', 'retrieve-filter'], serviceForms: ['e-commerce'] };

describe('checklist data', () => {
  it('covers the six areas and the three rule sets, each item cited', () => {
    const areas = new Set(data.checklist.map((i) => i.area));
    expect([...areas].sort()).toEqual(
      ['explainability', 'fairness', 'security', 'special-groups', 'transparency', 'user-rights'].sort(),
    );
    const regimes = new Set(data.checklist.flatMap((i) => i.regimes));
    expect(regimes.size).toBe(3);
    const groups = new Set(data.checklist.flatMap((i) => i.groups ?? []));
    expect([...groups].sort()).toEqual(['consumers', 'elderly', 'minors', 'workers']);
    expect(data.checklist.find((i) => i.id === 'fairness.no-price-discrimination')!.citations[0]!.ref).toBe(
      '第二十一条',
    );
  });
});

describe('scoreChecklist', () => {
  it('infers the rule sets and special groups from the service', () => {
    expect(inferRegimes(shop)).toEqual(['algorithm-recommendation']);
    expect(inferRegimes({ ...shop, functions: ['generate-synthesise'] })).toEqual([
      'algorithm-recommendation',
      'deep-synthesis',
      'generative-ai',
    ]);
    expect(inferGroups(shop)).toEqual(['consumers']);
  });

  it('a dispatch algorithm carries the workers item even when groups name only consumers (#19)', () => {
    const entry: ChecklistEntry = { service: 'shop', groups: ['consumers'], answers: {} };
    const dispatch = { ...shop, functions: ['rank'], algorithmTypes: ['scheduling-decision'] };
    const s = scoreChecklist(data.checklist, entry, dispatch, []);
    expect(s.groups).toContain('workers');
    expect(s.items.some((r) => r.item.id === 'special-groups.workers-dispatch')).toBe(true);
    const plain = scoreChecklist(data.checklist, entry, shop, []);
    expect(plain.items.some((r) => r.item.id === 'special-groups.workers-dispatch')).toBe(false);
  });

  it('scores completeness and lists gaps; unanswered or failed required items block', () => {
    const entry: ChecklistEntry = {
      service: 'shop',
      answers: {
        'transparency.notice': { status: 'yes', evidence: ['notice.png'] },
        'transparency.principle-published': { status: 'yes' },
        'user-rights.tag-management': { status: 'no' },
        'fairness.no-unfair-competition': { status: 'partial' },
      },
    };
    const s = scoreChecklist(data.checklist, entry, shop, []);
    const applicable = data.checklist.filter(
      (i) => i.regimes.includes('algorithm-recommendation') && (!i.groups || i.groups.includes('consumers')),
    );
    expect(s.applicable).toBe(applicable.length);
    expect(s.answered).toBe(4);
    expect(s.completeness).toBeCloseTo(4 / applicable.length, 12);
    expect(s.yes).toBe(2);
    const kind = (id: string) => s.gaps.filter((g) => g.item === id).map((g) => g.kind);
    expect(kind('transparency.notice')).toEqual([]);
    expect(kind('transparency.principle-published')).toEqual(['no-evidence']);
    expect(kind('user-rights.tag-management')).toEqual(['failed']);
    expect(kind('fairness.no-unfair-competition')).toEqual(['partial']);
    expect(kind('fairness.no-price-discrimination')).toEqual(['unanswered']);
    expect(s.items.some((r) => r.item.id === 'special-groups.minors-mode')).toBe(false);
    expect(s.failed).toBe(true);
  });

  it('a stored passing audit is evidence; a failing one contradicts a "yes"', () => {
    const entry: ChecklistEntry = {
      service: 'shop',
      answers: { 'fairness.no-price-discrimination': { status: 'yes' } },
    };
    const pass = scoreChecklist(data.checklist, entry, shop, [
      { kind: 'price', id: 'a', failed: false, createdAt: '' },
    ]);
    expect(pass.gaps.filter((g) => g.item === 'fairness.no-price-discrimination')).toEqual([]);
    const fail = scoreChecklist(data.checklist, entry, shop, [
      { kind: 'price', id: 'b', failed: true, createdAt: '' },
    ]);
    expect(
      fail.gaps.find((g) => g.item === 'fairness.no-price-discrimination' && g.kind === 'audit-failed'),
    ).toMatchObject({
      kind: 'audit-failed',
      blocking: true,
    });
  });

  it('names unknown items and services by path', () => {
    const issues = checkEntries(
      [{ service: 'nope', answers: { 'transparency.nope': { status: 'yes' } } }],
      data.checklist,
      ['shop'],
      'beian.yaml',
    );
    expect(issues.map((i) => i.path)).toEqual([
      'checklist[0].service',
      'checklist[0].answers.transparency.nope',
    ]);
  });
});
