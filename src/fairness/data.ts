import { BeianError, type Issue, issueOf } from '../errors.js';
import { DEFAULT_KB_DIR, type Kb } from '../kb/index.js';
import { readYamlFile } from '../util/yaml-file.js';
import { validatedInto } from '../util/zod-issues.js';
import {
  ChecklistFile,
  type ChecklistItem,
  type FairnessCitation,
  FairnessFile,
  PARAMETER_IDS,
  type Parameter,
  type ParameterId,
} from './schema.js';

/** The validated fairness data: parameters by id, references, and the checklist. Immutable. */
export interface FairnessData {
  readonly version: string;
  readonly parameters: Readonly<Record<ParameterId, Parameter>>;
  readonly references: readonly { id: string; title: { zh: string; en: string } }[];
  readonly checklist: readonly ChecklistItem[];
}

/** Validates the two files and cross-checks citations against the KB and the references. Pure. */
export function buildFairnessData(fairness: unknown, checklist: unknown, kb: Kb): FairnessData {
  const issues: Issue[] = [];
  const f = validatedInto(FairnessFile, fairness, 'fairness.yaml', issues);
  const c = validatedInto(ChecklistFile, checklist, 'checklist.yaml', issues);
  if (!f || !c) throw BeianError.of('CONFIG_INVALID', 'audit.data.invalid', undefined, { issues });
  const known = new Set([...kb.regulations.map((r) => r.id), ...f.references.map((r) => r.id)]);
  const check = (file: string, where: string, cites: readonly FairnessCitation[]) => {
    for (const x of cites)
      if (!known.has(x.source))
        issues.push(issueOf({ file, path: where }, 'kb.issue.unknownSource', { source: x.source }));
  };
  const parameters = {} as Record<ParameterId, Parameter>;
  for (const p of f.parameters) {
    if (parameters[p.id])
      issues.push(issueOf({ file: 'fairness.yaml', path: p.id }, 'audit.data.dupParameter'));
    parameters[p.id] = p;
    check('fairness.yaml', p.id, p.citations);
  }
  for (const id of PARAMETER_IDS)
    if (!parameters[id])
      issues.push(issueOf({ file: 'fairness.yaml', path: id }, 'audit.data.missingParameter'));
  const ids = new Set<string>();
  for (const item of c.items) {
    if (ids.has(item.id))
      issues.push(issueOf({ file: 'checklist.yaml', path: item.id }, 'audit.data.dupItem'));
    ids.add(item.id);
    if (!item.id.startsWith(`${item.area}.`))
      issues.push(
        issueOf({ file: 'checklist.yaml', path: item.id }, 'audit.data.idPrefix', {
          prefix: `${item.area}.`,
        }),
      );
    check('checklist.yaml', item.id, item.citations);
  }
  if (issues.length > 0)
    throw BeianError.of('CONFIG_INVALID', 'audit.data.inconsistent', undefined, { issues });
  return {
    version: [f.version, c.version].sort().at(-1) ?? '',
    parameters,
    references: f.references,
    checklist: c.items,
  };
}

/** Reads data/kb/fairness.yaml and data/kb/checklist.yaml (a reader: the only I/O here). */
export function loadFairnessData(kb: Kb, dir: string = DEFAULT_KB_DIR): FairnessData {
  const read = (name: string): unknown =>
    readYamlFile(`${dir.replace(/\/$/, '')}/${name}`, 'CONFIG_INVALID', 'file.cannotRead');
  return buildFairnessData(read('fairness.yaml'), read('checklist.yaml'), kb);
}

/** The value of a statistical parameter. */
export const param = (data: FairnessData, id: ParameterId): number => data.parameters[id].value;
