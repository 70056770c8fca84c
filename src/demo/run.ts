import { mkdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readProjectFile } from '../app/project-file.js';
import { type Lang, translator } from '../i18n/index.js';
import { writeFileAtomicSync } from '../io/atomic.js';
import type { Kb } from '../kb/index.js';
import type { Store } from '../store/index.js';
import { html, raw } from '../util/html.js';
import type { DemoFile, DemoStep } from './step.js';
import { demoSteps } from './steps.js';

export const DEMO_PROJECT_FILE = fileURLToPath(new URL('../../examples/demo/beian.yaml', import.meta.url));

export interface DemoResult {
  outDir: string;
  index: string;
  /** ok: the step ran or had nothing to do (skipped); false only when it failed */
  steps: { id: string; ok: boolean; skipped: boolean; summary: string; files: DemoFile[] }[];
}

/**
 * Runs every demo step on the demo portfolio (or any valid project: each step works on what the
 * project has, borrows the shipped sample inputs it lacks, or says why it has nothing to do) and
 * writes an index page linking all results. A step that fails is reported and the others still run.
 */
export async function runDemo(options: {
  projectFile?: string;
  outDir: string;
  store: Store;
  kb: Kb;
  lang: Lang;
  now: Date;
  steps?: readonly DemoStep[];
  onStep?: (step: DemoStep, index: number, total: number) => void;
}): Promise<DemoResult> {
  const projectFile = options.projectFile ?? DEMO_PROJECT_FILE;
  const project = await readProjectFile(projectFile);
  mkdirSync(options.outDir, { recursive: true });
  const steps = options.steps ?? demoSteps;
  const results: DemoResult['steps'] = [];
  for (const [i, step] of steps.entries()) {
    options.onStep?.(step, i, steps.length);
    try {
      const outcome = await step.run({
        projectFile,
        project,
        outDir: options.outDir,
        store: options.store,
        kb: options.kb,
        lang: options.lang,
        now: options.now,
      });
      results.push({
        id: step.id,
        ok: true,
        skipped: outcome.skipped ?? false,
        summary: outcome.summary,
        files: outcome.files,
      });
    } catch (e) {
      results.push({
        id: step.id,
        ok: false,
        skipped: false,
        summary: e instanceof Error ? e.message : String(e),
        files: [],
      });
    }
  }
  const index = join(options.outDir, 'index.html');
  const t = translator(options.lang);
  const title = t('demo.index.title');
  const stepTitle = new Map(steps.map((s) => [s.id, s.title[options.lang]]));
  const page = html`<!doctype html><html lang="${t('demo.html.lang')}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${title}</title><style>${raw('body{font-family:"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:900px;margin:32px auto;padding:0 16px;line-height:1.6}li{margin:4px 0}.fail{color:#b42318}.skip{color:#667085}')}</style></head>
<body><h1>${title}</h1><p>${basename(projectFile)} · ${options.now.toISOString()}</p>
${results.map(
  (
    r,
  ) => html`<h2>${stepTitle.get(r.id) ?? r.id}</h2><p class="${r.ok ? (r.skipped ? 'skip' : '') : 'fail'}">${r.summary}</p>
<ul>${r.files.map((f) => html`<li><a href="${relative(options.outDir, f.path)}">${f.title[options.lang]}</a></li>`)}</ul>`,
)}
</body></html>
`;
  writeFileAtomicSync(index, page.__html);
  return { outDir: options.outDir, index, steps: results };
}
