import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { kbItems } from './items.js';
import { threshold } from './kb.js';
import { loadKb } from './load.js';
import type { Citation } from './schema.js';

/** The KB facts of issue #19, checked against the regulatory fact sheet the team keeps. */
const kb = loadKb();

/** Every string value (not comments) of every YAML file under a folder. */
function strings(dir: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (v: unknown, file: string) => {
    if (typeof v === 'string') out.push({ file, text: v });
    else if (Array.isArray(v)) for (const x of v) walk(x, file);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x, file);
  };
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml')))
    walk(parse(readFileSync(join(dir, name), 'utf8')), `${dir}/${name}`);
  return out;
}
const ALL_TEXT = ['data/kb', 'data/rules', 'data/templates'].flatMap(strings);

const allCitations = (): Citation[] => [
  ...kb.filingKinds.flatMap((k) => [
    ...k.legalBasis,
    ...k.requirements.flatMap((r) => r.citations),
    ...k.steps.flatMap((s) => s.citations),
    ...k.materials.flatMap((m) => m.citations),
    ...k.dataRequirements.flatMap((d) => d.citations),
    ...k.consequences.flatMap((c) => c.citations),
    ...(k.display?.citations ?? []),
  ]),
  ...kb.thresholds.flatMap((t) => t.citations),
  ...kb.duties.flatMap((d) => d.citations),
];

describe('KB text carries no internal notes', () => {
  // Notes written for the team (the brief, the fact sheet, to-dos) must never reach a filing.
  const INTERNAL = /BRIEF|\bbrief\b|STANDARD\.md|TODO|FIXME|来源文章|source article|具体适用情形未核实/;
  it('no KB, rules or template string names the brief, the fact sheet or a to-do', () => {
    const leaks = ALL_TEXT.filter((s) => INTERNAL.test(s.text));
    expect(leaks).toEqual([]);
  });
  it('the scan sees the strings it must (it can fail)', () => {
    expect(ALL_TEXT.length).toBeGreaterThan(500);
    expect(INTERNAL.test('(BRIEF 数据要求；具体适用情形未核实)')).toBe(true);
  });
});

describe('the standard has only Appendix A', () => {
  it('no citation or text names an Appendix B', () => {
    expect(ALL_TEXT.filter((s) => /附录\s*B|Appendix\s*B/i.test(s.text))).toEqual([]);
  });
  it('clause map: keyword library 8.1, test bank 8.2, refusal banks 8.3, abusive users 7, assessment 9.2–9.4', () => {
    expect(threshold(kb, 'lexicon.total.min').citations[0]?.ref).toBe('8.1');
    expect(threshold(kb, 'bank.generation.total.min').citations[0]?.ref).toBe('8.2');
    expect(threshold(kb, 'bank.should-refuse.total.min').citations[0]?.ref).toBe('8.3');
    expect(threshold(kb, 'bank.should-not-refuse.total.min').citations[0]?.ref).toBe('8.3');
    expect(threshold(kb, 'service.abusive-user.consecutive.max').citations[0]?.ref).toBe('7');
    expect(threshold(kb, 'eval.should-refuse.refusal-rate.min').citations[0]?.ref).toBe('9.4');
  });
});

describe('thresholds now corroborated', () => {
  it.each([
    'corpus.manual.pass-rate.min',
    'corpus.technical.sample-fraction.min',
    'corpus.technical.pass-rate.min',
    'lexicon.update-interval.max',
    'bank.generation.per-risk.core.min',
    'bank.should-refuse.per-risk.min',
    'bank.should-not-refuse.per-aspect.min',
  ])('%s is corroborated', (id) => {
    expect(threshold(kb, id).citations.every((c) => c.confidence === 'corroborated')).toBe(true);
  });
  it('every test bank updates monthly', () => {
    for (const bank of ['generation', 'should-refuse', 'should-not-refuse'])
      expect(threshold(kb, `bank.${bank}.update-interval.max`).value).toBe(30);
    expect(threshold(kb, 'lexicon.update-interval.max').value).toBe(7);
  });
});

describe('legal bases of the generative-AI kinds', () => {
  const basis = (id: string) => kb.filingKinds.find((k) => k.id === id)?.legalBasis ?? [];
  it('Art. 17 grounds the algorithm filing and the security assessment only', () => {
    const art17 = (c: Citation) => c.source === 'genai-interim-measures' && c.ref === '第十七条';
    expect(basis('algorithm-filing').some(art17)).toBe(true);
    expect(basis('public-opinion-assessment').some(art17)).toBe(true);
    expect(basis('genai-filing').some(art17)).toBe(false);
    expect(basis('genai-registration').some(art17)).toBe(false);
  });
  it('genai-filing and genai-registration rest on CAC notices, corroborated', () => {
    expect(basis('genai-filing')[0]).toMatchObject({
      source: 'cac-genai-filing-notices',
      confidence: 'corroborated',
    });
    expect(basis('genai-registration')[0]).toMatchObject({
      source: 'local-cac-registration-notices',
      confidence: 'corroborated',
    });
  });
  it('the filing and registration forms do not cite Art. 17 as their basis', () => {
    for (const doc of [
      'genai-application-form',
      'genai-registration-form',
      'genai-api-agreement',
      'genai-registration-display',
    ])
      for (const lang of ['zh', 'en']) {
        const file = parse(readFileSync(`data/templates/${doc}.${lang}.yaml`, 'utf8')) as {
          sections: Record<string, { cite?: Citation[] }>;
        };
        const art17 = Object.values(file.sections)
          .flatMap((x) => x.cite ?? [])
          .filter((c) => c.source === 'genai-interim-measures' && /十七|17/.test(c.ref ?? ''));
        expect(art17, `${doc}.${lang}`).toEqual([]);
      }
  });
  it('no parameter threshold anywhere', () => {
    expect(
      ALL_TEXT.filter((s) =>
        /(10亿|十亿)参数|参数.{0,4}(10亿|十亿)以上|1B\+|billion[- ]parameter/i.test(s.text),
      ),
    ).toEqual([]);
  });
});

describe('regulations with dates', () => {
  const reg = (id: string) => kb.regulations.find((r) => r.id === id);
  it('Labelling Measures and GB 45438-2025 carry their numbers and dates', () => {
    expect(reg('ai-content-labelling-measures')).toMatchObject({
      code: '国信办通字〔2025〕2号',
      published: '2025-03-14',
      effective: '2025-09-01',
    });
    expect(reg('gb-45438-2025')).toMatchObject({ published: '2025-02-28', effective: '2025-09-01' });
  });
  it('the Cybersecurity Law is keyed by version: 2016 superseded by the 2025 amendment in force 2026-01-01', () => {
    expect(reg('csl')).toMatchObject({
      status: 'superseded',
      supersededBy: 'csl-2025',
      effective: '2017-06-01',
    });
    expect(reg('csl-2025')).toMatchObject({
      status: 'in-force',
      effective: '2026-01-01',
      published: '2025-10-28',
    });
    // a bare "CSL" citation would not say which numbering it uses
    const csl = allCitations().filter((c) => c.source === 'csl');
    expect(csl.every((c) => c.ref !== undefined)).toBe(true);
  });
  it('the 2026 anthropomorphic-interaction measures are marked unverified', () => {
    expect(reg('anthropomorphic-interaction-measures-2026')?.confidence).toBe('unverified');
  });
});

describe('duties the label command and the documents cite', () => {
  it('the Labelling Measures Arts. 4–10 and GB 45438 are KB items of kind duty', () => {
    const duties = kbItems(kb).filter((i) => i.kind === 'duty');
    const refs = duties.flatMap((d) => d.citations.map((c) => `${c.source}${c.ref ?? ''}`));
    for (const art of ['第四条', '第五条', '第六条', '第七条', '第八条', '第九条', '第十条'])
      expect(refs).toContain(`ai-content-labelling-measures${art}`);
    expect(refs.some((r) => r.startsWith('gb-45438-2025'))).toBe(true);
  });
  it('workers’ rights attach to the scheduling/decision algorithm type', () => {
    const workers = kb.duties.filter((d) => d.appliesTo.algorithmTypes?.includes('scheduling-decision'));
    expect(workers.map((d) => d.id)).toEqual(
      expect.arrayContaining([
        'workers/order-allocation',
        'workers/pay',
        'workers/working-time',
        'workers/rewards-penalties',
      ]),
    );
    expect(workers.every((d) => d.citations.some((c) => c.ref === '第二十条'))).toBe(true);
  });
});
