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
}

/** One feature's part of `beian demo`. Steps run in registry order; a failing step does not stop the rest. */
export interface DemoStep {
  id: string;
  title: Bilingual;
  run(ctx: DemoContext): Promise<DemoOutcome>;
}
