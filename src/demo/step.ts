import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../i18n/index.js';
import type { Kb } from '../kb/index.js';
import type { Bilingual } from '../kb/schema.js';
import type { ProjectFile } from '../project/schema.js';
import type { Store } from '../store/index.js';

/** What every demo step receives. */
export interface DemoContext {
  /** the demo project file (examples/demo/beian.yaml unless --config names another) */
  projectFile: string;
  project: ProjectFile;
  /** folder the step writes its results into */
  outDir: string;
  store: Store;
  /** the knowledge base, loaded once for every step */
  kb: Kb;
  lang: Lang;
  now: Date;
}

/** A file the demo produced, shown on the demo index page. */
export interface DemoFile {
  path: string;
  title: Bilingual;
}

export interface DemoOutcome {
  /** one line for the terminal, in the context's language */
  summary: string;
  files: DemoFile[];
  /** the project has nothing this step works on (the summary says why); not a failure */
  skipped?: boolean;
}

/** The shipped demo folder: sample inputs for projects that bring none of their own. */
export const DEMO_DIR = fileURLToPath(new URL('../../examples/demo/', import.meta.url));

/**
 * A sample input (`corpus`, `decisions.csv`, `sources.yaml`): the one beside the project file when
 * the project brings it, else the shipped demo's, so the demo runs on any valid project.
 */
export function sampleInput(
  ctx: Pick<DemoContext, 'projectFile'>,
  name: string,
): { path: string; own: boolean } {
  const own = join(dirname(ctx.projectFile), name);
  return existsSync(own) ? { path: own, own: true } : { path: join(DEMO_DIR, name), own: false };
}

export const skipped = (summary: string): DemoOutcome => ({ summary, files: [], skipped: true });

/** One feature's part of `beian demo`. Steps run in registry order; a failing step does not stop the rest. */
export interface DemoStep {
  id: string;
  title: Bilingual;
  run(ctx: DemoContext): Promise<DemoOutcome>;
}
