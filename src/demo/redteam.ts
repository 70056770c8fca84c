import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeReports } from '../app/redteam/report.js';
import { runRedteam } from '../app/redteam/run.js';
import { translator } from '../i18n/index.js';
import { writeFileAtomicSync } from '../io/atomic.js';
import { startMockModel } from '../testing/mock-model.js';
import { type DemoStep, skipped } from './step.js';

/** The shipped starter banks (data/banks/), absolute. */
const STARTER_BANKS = ['generation', 'should-refuse', 'should-not-refuse'].map((k) =>
  fileURLToPath(new URL(`../../data/banks/starter-${k}.jsonl`, import.meta.url)),
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
    if (!ctx.project.redteam && !generative) return skipped(translator(ctx.lang)('demo.redteam.skipped'));
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
        { store: ctx.store, kb: ctx.kb, fetch: globalThis.fetch, env: {}, now: () => ctx.now },
      );
      const files = {
        html: join(ctx.outDir, 'redteam.html'),
        xlsx: join(ctx.outDir, 'redteam.xlsx'),
        junit: join(ctx.outDir, 'redteam-junit.xml'),
      };
      await writeReports(ctx.kb, outcome, files, ctx.lang, ctx.now);
      const jsonFile = join(ctx.outDir, 'redteam.json');
      writeFileAtomicSync(jsonFile, `${JSON.stringify(outcome.json, null, 2)}\n`);
      const j = outcome.json;
      const rate = (k: 'should-refuse' | 'should-not-refuse') => {
        const r = j.banks[k]?.rate;
        return r === null || r === undefined ? '—' : `${(r * 100).toFixed(1)}%`;
      };
      const summary = translator(ctx.lang)('demo.summary.redteam', {
        total: j.total,
        refuse: rate('should-refuse'),
        notRefuse: rate('should-not-refuse'),
      });
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
