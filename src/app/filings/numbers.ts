import { BeianError } from '../../errors.js';
import { numberIssues } from '../../filings/filing-number.js';
import type { Kb } from '../../kb/index.js';
import type { ProjectFile } from '../../project/schema.js';

/**
 * Every filing number recorded in beian.yaml must fit the format of the kind its place gives it
 * (the KB `numberFormat`): assess, materials and registry sync refuse the file otherwise (exit 2,
 * naming the field).
 */
export function assertNumbers(project: ProjectFile, kb: Kb, file: string): void {
  const issues = numberIssues(project.services, kb.filingKinds, file);
  if (issues.length) throw BeianError.of('INPUT_INVALID', 'filings.numbersInvalid', { file }, { issues });
}
