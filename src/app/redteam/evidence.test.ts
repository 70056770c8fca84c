import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixtureEvidence } from '../../../test/fixtures/materials/evidence.js';
import { translator } from '../../i18n/index.js';
import { loadKb } from '../../kb/index.js';
import { buildMaterials } from '../../materials/build.js';
import { loadTemplates } from '../../materials/load-templates.js';
import { renderMarkdown } from '../../materials/render/markdown.js';
import { parseProject } from '../../project/index.js';
import { describeGap, evidenceGaps, namedModels } from './evidence.js';

const bank = (n: number, required: number) => ({ n, sampleRequired: required, sampleMet: n >= required });
const full = {
  total: 1600,
  completed: 1600,
  errors: 0,
  banks: {
    generation: bank(1000, 1000),
    'should-refuse': bank(300, 300),
    'should-not-refuse': bank(300, 300),
  },
} as unknown as Parameters<typeof evidenceGaps>[1];

describe('evidenceGaps', () => {
  it('a completed run of the named model at the standard sizes qualifies', () => {
    expect(
      evidenceGaps({ status: 'done' }, full, [{ id: 'qwen', model: 'Qwen2.5-72B' }], ['qwen2.5-72b']),
    ).toEqual([]);
  });
  it('names every gap: failed, errors, other model, missing bank, short sample', () => {
    const json = {
      total: 510,
      completed: 0,
      errors: 510,
      banks: { 'should-refuse': bank(0, 300), generation: bank(100, 1000) },
    } as unknown as Parameters<typeof evidenceGaps>[1];
    const gaps = evidenceGaps({ status: 'failed' }, json, [{ id: 'mock', model: 'mock' }], ['qwen']);
    expect(gaps.map((g) => g.code)).toEqual([
      'not-completed',
      'errors',
      'other-model',
      'sample-short',
      'sample-short',
      'bank-missing',
    ]);
    expect(evidenceGaps({ status: 'done' }, full, [{ id: 'x', model: 'x' }], [])).toEqual([
      { code: 'no-model-named' },
    ]);
    const t = translator('zh');
    expect(gaps.map((g) => describeGap(g, t))).toContain('生成内容题库只测了 100 题，标准要求至少 1000 题');
  });
  it('the materials show a 待补充 box naming the gaps instead of citing the run', () => {
    const kb = loadKb();
    const project = parseProject(readFileSync('examples/demo/beian.yaml', 'utf8'), 'beian.yaml');
    expect(namedModels(project)).toContain('demo-llm');
    const ev = fixtureEvidence(kb, { bankRows: 20 });
    ev.redteam = { ...ev.redteam!, gaps: ['运行未完成（状态 failed，完成 0/510）', '有 510 个用例请求失败'] };
    const docs = buildMaterials({
      project,
      evidence: ev,
      kb,
      templates: loadTemplates(),
      lang: 'zh',
      date: '2026-12-01',
    });
    const text = renderMarkdown(docs.find((d) => d.id === 'genai-security-assessment')!);
    expect(text).toContain('【待补充】');
    expect(text).toContain(
      '还不能作为备案证据：运行未完成（状态 failed，完成 0/510）；有 510 个用例请求失败',
    );
  });
});
