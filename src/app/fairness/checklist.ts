import { BeianError, issueOf } from '../../errors.js';
import { type ChecklistScore, checkEntries, scoreChecklist } from '../../fairness/checklist/score.js';
import type { FairnessData } from '../../fairness/data.js';
import type { Store } from '../../store/index.js';
import { latestAudits, saveAudit } from '../../store/repos/fairness.js';
import { readProjectFile } from '../project-file.js';

export interface ChecklistReport {
  file: string;
  dataVersion: string;
  results: ChecklistScore[];
  failed: boolean;
}

/** Reads beian.yaml, scores every checklist entry (or one service's) with the stored audit evidence. */
export async function runChecklist(input: {
  file: string;
  service?: string;
  data: FairnessData;
  store?: Store;
  /** the project file as the user named it, for the message when it has no checklist */
  shownAs: string;
}): Promise<ChecklistReport> {
  const project = await readProjectFile(input.file);
  const entries = (project.checklist ?? []).filter(
    (e) => input.service === undefined || e.service === input.service,
  );
  if (entries.length === 0)
    throw BeianError.of(
      'INPUT_INVALID',
      'audit.checklist.noConfig',
      { file: input.shownAs },
      {
        issues: [issueOf({ file: input.file, path: 'checklist' }, 'audit.checklist.noConfigIssue')],
      },
    );
  const issues = checkEntries(
    entries,
    input.data.checklist,
    project.services.map((s) => s.id),
    input.file,
  );
  if (issues.length > 0)
    throw BeianError.of('INPUT_INVALID', 'audit.checklist.invalid', { file: input.file }, { issues });
  const results: ChecklistScore[] = [];
  for (const entry of entries) {
    const service = project.services.find((s) => s.id === entry.service)!;
    const audits = input.store ? await latestAudits(input.store, service.id) : [];
    results.push(
      scoreChecklist(
        input.data.checklist,
        entry,
        {
          id: service.id,
          functions: service.answers.functions ?? [],
          serviceForms: service.answers.serviceForms ?? [],
          algorithmTypes: service.algorithms?.find((a) => a.id === entry.algorithm)?.types ?? [],
        },
        audits
          .filter((a) => a.kind !== 'checklist')
          .map((a) => ({
            kind: a.kind as 'price' | 'disparity' | 'optout',
            id: a.id,
            failed: a.failed,
            createdAt: a.createdAt,
          })),
      ),
    );
  }
  return {
    file: input.file,
    dataVersion: input.data.version,
    results,
    failed: results.some((r) => r.failed),
  };
}

/** Stores one evidence row per scored checklist entry (what the materials generator cites). */
export async function saveChecklist(store: Store, report: ChecklistReport, subject: string, now: Date) {
  for (const r of report.results)
    await saveAudit(
      store,
      {
        kind: 'checklist',
        subject,
        serviceId: r.service,
        failed: r.failed,
        flagCount: r.gaps.filter((g) => g.blocking).length,
        dataVersion: report.dataVersion,
        result: r,
      },
      now,
    );
}
