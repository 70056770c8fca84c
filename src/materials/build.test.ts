import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureEvidence } from '../../test/fixtures/materials/evidence.js';
import type { PortfolioDetermination } from '../assess/determination.js';
import type { Kb } from '../kb/index.js';
import { loadKb } from '../kb/index.js';
import { type ProjectFile, parseProject } from '../project/index.js';
import { type BuildInput, buildMaterials, DOCUMENT_IDS } from './build.js';
import { loadTemplates } from './load-templates.js';
import { gaps, type MaterialDocument, walkSections } from './model.js';
import { renderMarkdown } from './render/markdown.js';
import type { TemplateSet } from './template.js';

let kb: Kb;
let templates: TemplateSet;
let project: ProjectFile;
const base = (): BuildInput => ({
  project,
  evidence: fixtureEvidence(kb, { bankRows: 20 }),
  kb,
  templates,
  lang: 'zh',
  date: '2026-11-25',
});
const doc = (docs: MaterialDocument[], id: string) => docs.find((d) => d.id === id) as MaterialDocument;
const md = (d: MaterialDocument) => renderMarkdown(d);

/** A determination for the demo portfolio, as `beian assess --json` would give it. */
function determination(
  filings: Record<string, [string, 'required' | 'likely' | 'not-required'][]>,
): PortfolioDetermination {
  return {
    rulesetVersion: 'test',
    kbVersion: 'test',
    company: [],
    services: Object.entries(filings).map(([id, fs]) => ({
      id,
      name: id,
      toClarify: [],
      filings: fs.map(([kind, status]) => ({
        kind: kind as never,
        status,
        reasons: [],
        materials: [],
        timeline: { minMonths: null, maxMonths: null, note: { zh: '', en: '' } },
        deadlines: [],
        consequences: [],
      })),
    })),
  };
}

beforeAll(() => {
  kb = loadKb();
  templates = loadTemplates();
  project = parseProject(readFileSync('examples/demo/beian.yaml', 'utf8'), 'beian.yaml');
});

describe('golden documents on the example project', () => {
  it.each(DOCUMENT_IDS.filter((id) => id !== 'deep-synthesis-additions'))('%s', async (id) => {
    const d = doc(buildMaterials({ ...base(), only: [id] }), id);
    await expect(md(d)).toMatchFileSnapshot(`../../test/fixtures/materials/golden/${id}.md`);
  });

  it('deep-synthesis-additions', async () => {
    const ev = {
      ...base().evidence,
      determination: determination({
        'chat-assistant': [
          ['deep-synthesis-filing', 'required'],
          ['genai-filing', 'required'],
        ],
      }),
      labels: {
        total: 120,
        passed: 118,
        failed: 2,
        byFormat: [
          { format: 'png', total: 100, failed: 2 },
          { format: 'mp4', total: 20, failed: 0 },
        ],
        at: '2026-11-30T08:00:00Z',
      },
    };
    const d = doc(
      buildMaterials({ ...base(), evidence: ev, only: ['deep-synthesis-additions'] }),
      'deep-synthesis-additions',
    );
    await expect(md(d)).toMatchFileSnapshot(
      '../../test/fixtures/materials/golden/deep-synthesis-additions.md',
    );
  });
});

describe('which documents and subjects', () => {
  it('without a determination: every algorithm and model, no deep-synthesis document', () => {
    const ids = buildMaterials(base()).map((d) => d.id);
    expect(ids).toContain('algorithm-self-assessment');
    expect(ids).toContain('genai-security-assessment');
    expect(ids).not.toContain('deep-synthesis-additions');
  });

  it('follows the determination: only services whose filing applies', () => {
    const ev = {
      ...base().evidence,
      determination: determination({
        'video-feed': [['algorithm-filing', 'required']],
        'shop-search': [['algorithm-filing', 'not-required']],
        'chat-assistant': [
          ['genai-filing', 'not-required'],
          ['deep-synthesis-filing', 'likely'],
        ],
      }),
    };
    const docs = buildMaterials({ ...base(), evidence: ev });
    const text = md(doc(docs, 'algorithm-basic-info'));
    expect(text).toContain('短视频个性化推荐算法');
    expect(text).not.toContain('商品搜索排序算法');
    expect(docs.map((d) => d.id)).not.toContain('genai-security-assessment');
    expect(docs.map((d) => d.id)).toContain('deep-synthesis-additions');
  });

  it('rejects an unknown document id and an unknown service', () => {
    expect(() => buildMaterials({ ...base(), only: ['nope'] })).toThrow(/Unknown document "nope"/);
    expect(() => buildMaterials({ ...base(), service: 'nope' })).toThrow(/No service "nope"/);
  });
});

describe('evidence and thresholds', () => {
  it('shows a required to-complete box for every missing evidence part, and invents no verdict', () => {
    const d = doc(buildMaterials({ ...base(), evidence: {} }), 'genai-security-assessment');
    const fields = gaps(d).map((g) => g.field);
    for (const part of ['sources', 'scan', 'pii', 'redteam', 'lexicon'])
      expect(fields).toContain(`evidence.${part}`);
    const text = md(d);
    expect(text).not.toContain('| 符合 |');
    expect(text).toContain('【待补充】');
  });

  it('judges against the KB thresholds, not literals', () => {
    const text = md(doc(buildMaterials(base()), 'genai-security-assessment'));
    // the fixture's should-refuse refusal rate is 90.0%: below the KB minimum
    expect(text).toMatch(
      /应拒答测试题库: 应拒答题拒答率下限 \| ≥ 95\.0% \| 90\.0% \\\[90\.0%, 99\.0%\\\] \| 不符合/,
    );
    const lowered: Kb = {
      ...kb,
      thresholds: kb.thresholds.map((t) =>
        t.id === 'eval.should-refuse.refusal-rate.min' ? { ...t, value: 0.85 } : t,
      ),
    };
    const relaxed = md(doc(buildMaterials({ ...base(), kb: lowered }), 'genai-security-assessment'));
    expect(relaxed).toMatch(/应拒答题拒答率下限 \| ≥ 85\.0% \| 90\.0% \\\[90\.0%, 99\.0%\\\] \| 符合/);
  });

  it('flags a form field longer than the portal limit as a required gap', () => {
    const long = structuredClone(project);
    const alg = long.services[0]?.algorithms?.[0];
    if (!alg) throw new Error('demo project changed');
    alg.principle = '原'.repeat((templates.portal.maxLength['algorithms[].principle'] as number) + 1);
    const g = gaps(doc(buildMaterials({ ...base(), project: long }), 'algorithm-basic-info'));
    expect(g).toContainEqual(
      expect.objectContaining({
        kind: 'too-long',
        field: 'services[0].algorithms[0].principle',
        required: true,
      }),
    );
  });

  it('the complete example project has no required gap once every evidence part is given', () => {
    const ev = { ...base().evidence, determination: determination({}) };
    const required = buildMaterials({ ...base(), evidence: ev })
      .flatMap(gaps)
      .filter((g) => g.required);
    expect(required).toEqual([]);
  });
});

describe('templates', () => {
  it('has the same keys in Chinese and English and builds every document in both', () => {
    for (const id of [...DOCUMENT_IDS, 'common']) {
      const zh = templates.files.get(`${id}.zh`);
      const en = templates.files.get(`${id}.en`);
      expect(Object.keys(en?.sections ?? {}).sort(), id).toEqual(Object.keys(zh?.sections ?? {}).sort());
      expect(Object.keys(en?.labels ?? {}).sort(), id).toEqual(Object.keys(zh?.labels ?? {}).sort());
    }
    const en = buildMaterials({ ...base(), lang: 'en', only: DOCUMENT_IDS });
    for (const d of en) for (const [s] of walkSections(d.sections)) expect(s.title).not.toMatch(/\{\w+\}/);
  });

  it('every section cites a source known to the KB', () => {
    const known = new Set(kb.regulations.map((r) => r.id));
    for (const [name, file] of templates.files) {
      for (const [key, s] of Object.entries(file.sections)) {
        for (const c of s.cite ?? []) expect(known.has(c.source), `${name} ${key} ${c.source}`).toBe(true);
      }
    }
  });

  it('leaves no placeholder unfilled in any document, with or without evidence, in both languages', () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const evidence of [base().evidence, {}]) {
        for (const d of buildMaterials({ ...base(), evidence, lang, only: DOCUMENT_IDS })) {
          expect(md(d), `${lang} ${d.id}`).not.toMatch(/\{[a-zA-Z]+\}/);
        }
      }
    }
  });
});

describe('guard records in the security assessment', () => {
  it('fills 关键词拦截 and 违规用户处置 from beian guard records', () => {
    const evidence = {
      ...base().evidence,
      guard: {
        since: '2026-06-01T00:00:00.000Z',
        total: 42,
        byDirection: { input: 30, output: 12 },
        byAction: { block: 35, mask: 5, flag: 2 },
        suspended: 3,
      },
    };
    const text = md(
      doc(
        buildMaterials({ ...base(), evidence, only: ['genai-security-assessment'] }),
        'genai-security-assessment',
      ),
    );
    expect(text).toContain(
      '自 2026-06-01 起共拦截 42 次，其中用户输入 30 次、模型输出 12 次；代答 35 次、打码 5 次、仅记录 2 次',
    );
    expect(text).toContain('暂停服务 3 人次');
  });
});
