import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { PortfolioDetermination } from '../assess/determination.js';
import { evaluate } from '../assess/evaluate.js';
import { loadRules } from '../assess/load.js';
import { renderAssessHtml, renderAssessMarkdown } from '../assess/report.js';
import { type AssessView, assessView } from '../assess/view.js';
import { BeianError } from '../errors.js';
import type { Lang } from '../i18n/index.js';
import { type Kb, loadKb } from '../kb/index.js';
import { parseProject } from '../project/parse.js';
import type { ProjectFile } from '../project/schema.js';
import { numberIssues } from '../registry/filing-number.js';
import type { Store } from '../store/index.js';
import { insertAssessments } from '../store/repos/assessments.js';

/** Reads a project file, naming it in any error. */
export function readProjectFile(file: string): ProjectFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new BeianError(
      'INPUT_INVALID',
      `Cannot read ${file}: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}`,
      { cause },
    );
  }
  return parseProject(text, file);
}

export interface AssessmentResult {
  project: ProjectFile;
  determination: PortfolioDetermination;
  view: AssessView;
  kb: Kb;
}

/** Read → evaluate (pure) → localise. */
export function assessProject(
  project: ProjectFile,
  lang: Lang,
  options: { rulesFile?: string; kb?: Kb; file?: string } = {},
): AssessmentResult {
  const kb = options.kb ?? loadKb();
  const issues = numberIssues(project.services, kb.filingKinds, options.file ?? 'beian.yaml');
  if (issues.length)
    throw new BeianError('INPUT_INVALID', 'A filing number in the project file has the wrong form.', {
      issues,
    });
  const rules = loadRules(options.rulesFile);
  const determination = evaluate(project.services, rules, kb);
  return { project, determination, view: assessView(determination, project.services, kb, lang), kb };
}

/** Saves one row per service; returns how many were saved. */
export async function saveAssessment(
  store: Store,
  d: PortfolioDetermination,
  source: string,
  now: Date,
): Promise<number> {
  const createdAt = now.toISOString();
  await insertAssessments(
    store.db,
    d.services.map((s) => ({
      id: randomUUID(),
      createdAt,
      source,
      serviceId: s.id,
      serviceName: s.name,
      rulesetVersion: d.rulesetVersion,
      resultJson: JSON.stringify(s),
    })),
  );
  return d.services.length;
}

/** Renders the report for a file name: .md or .html. */
export function renderAssessReport(view: AssessView, file: string, now: Date): string | undefined {
  const stamp = now.toISOString().replace('T', ' ').slice(0, 19);
  if (/\.html?$/i.test(file)) return renderAssessHtml(view, stamp);
  if (/\.(md|markdown)$/i.test(file)) return renderAssessMarkdown(view, stamp);
  return undefined;
}
