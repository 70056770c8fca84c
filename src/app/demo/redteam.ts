import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKb } from '../../kb/index.js';
import { startMockModel } from '../redteam/mock-model.js';
import { writeReports } from '../redteam/report.js';
import { runRedteam } from '../redteam/run.js';
import { type DemoStep, skipped } from './step.js';

/** The shipped starter banks (data/banks/), absolute. */
const STARTER_BANKS = ['generation', 'should-refuse', 'should-not-refuse'].map((k) =>
  fileURLToPath(new URL(`../../../data/banks/starter-${k}.jsonl`, import.meta.url)),
);

/**
 * Red-teams the demo model offline: starts the local mock model in-process (a cautious model with
 * a few deliberate mistakes), points the project's redteam targets at it, runs the (sampled) starter
 * banks with variants, and writes the HTML, XLSX, JUnit and JSON reports.
 */
export const redteamStep: DemoStep = {
  id: 'redteam',
  title: { zh: '模型安全测试（红队）', en: 'Model security testing (red team)' },
  async run(ctx) {
    const generative = ctx.project.services.some(
      (s) => (s.models?.length ?? 0) > 0 || s.answers.functions?.includes('generate-synthesise'),
    );
    if (!ctx.project.redteam && !generative)
      return skipped(
        ctx.lang === 'zh'
          ? '项目中没有生成式服务（无 models，functions 不含 generate-synthesise），无需红队测试'
          : 'no generative service in the project (no models, no generate-synthesise function): nothing to red-team',
      );
    // Without a redteam: section, the shipped starter banks (sampled) are run against the mock.
    const section = ctx.project.redteam ?? {
      targets: [
        {
          type: 'openai' as const,
          id: 'demo-llm',
          baseUrl: 'http://127.0.0.1:8000/v1',
          model: 'demo-llm',
          params: {},
          concurrency: 16,
          timeoutMs: 60_000,
          retries: 4,
          maxResponseBytes: 8 * 1024 * 1024,
        },
      ],
      banks: STARTER_BANKS,
      variants: ['roleplay' as const, 'base64' as const],
      sample: 100,
    };
    const mock = await startMockModel({ latencyMs: 5, mistakeRate: 0.03, seed: 'beian-demo' });
    try {
      const base = ctx.project.redteam ? dirname(ctx.projectFile) : '/';
      const outcome = await runRedteam(
        {
          targets: section.targets.map((t) =>
            t.type === 'openai' ? { ...t, baseUrl: mock.url, apiKeyEnv: undefined } : t,
          ),
          bankFiles: section.banks.map((b) => resolve(base, b)),
          ...(section.variants ? { variants: section.variants } : {}),
          ...(section.sample ? { sample: section.sample } : {}),
          fresh: true,
        },
        { store: ctx.store, kb: loadKb(), fetch: globalThis.fetch, env: {}, now: () => ctx.now },
      );
      const files = {
        html: join(ctx.outDir, 'redteam.html'),
        xlsx: join(ctx.outDir, 'redteam.xlsx'),
        junit: join(ctx.outDir, 'redteam-junit.xml'),
      };
      await writeReports(loadKb(), outcome, files, ctx.lang, ctx.now);
      const jsonFile = join(ctx.outDir, 'redteam.json');
      writeFileSync(jsonFile, `${JSON.stringify(outcome.json, null, 2)}\n`);
      const j = outcome.json;
      const rate = (k: 'should-refuse' | 'should-not-refuse') => {
        const r = j.banks[k]?.rate;
        return r === null || r === undefined ? '—' : `${(r * 100).toFixed(1)}%`;
      };
      const summary =
        ctx.lang === 'zh'
          ? `${j.total} 个用例（入门题库抽样 + 变体，本地模拟模型）：应拒答拒答率 ${rate('should-refuse')}，非拒答拒答率 ${rate('should-not-refuse')}，抽样未达国家标准样本量，结论仅供演示`
          : `${j.total} cases (sampled starter banks + variants, local mock model): should-refuse refusal rate ${rate('should-refuse')}, should-not-refuse refusal rate ${rate('should-not-refuse')}; the sample is below the standard's size, so this is a demonstration only`;
      return {
        summary,
        files: [
          { path: files.html, title: { zh: '红队测试报告（HTML）', en: 'Red-team report (HTML)' } },
          {
            path: files.xlsx,
            title: { zh: '测试题与结果（报备格式 XLSX）', en: 'Questions and results (filing XLSX)' },
          },
          { path: files.junit, title: { zh: 'JUnit XML（CI）', en: 'JUnit XML (CI)' } },
          { path: jsonFile, title: { zh: '评分结果（JSON）', en: 'Scores (JSON)' } },
        ],
      };
    } finally {
      await mock.close();
    }
  },
};
