import { randomUUID } from 'node:crypto';
import type { PortfolioDetermination } from '../assess/determination.js';
import { evaluate } from '../assess/evaluate.js';
import { loadRules } from '../assess/load.js';
import { renderAssessHtml, renderAssessMarkdown } from '../assess/report.js';
import { type AssessView, assessView } from '../assess/view.js';
import type { Lang } from '../i18n/index.js';
import type { Kb } from '../kb/index.js';
import type { ProjectFile } from '../project/schema.js';
import type { Store } from '../store/index.js';
import { insertAssessments } from '../store/repos/assessments.js';
import { assertNumbers } from './filings/numbers.js';

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
  options: { rulesFile?: string | undefined; kb: Kb; file?: string | undefined },
): AssessmentResult {
  const { kb } = options;
  assertNumbers(project, kb, options.file ?? 'beian.yaml');
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
