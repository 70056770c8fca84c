import { BeianError, type Issue, issueOf } from '../errors.js';
import { validatedInto } from '../util/zod-issues.js';
import { canonicalKindId } from './kinds.js';
import type { Kb } from './query.js';
import {
  AlgorithmTypesFile,
  DutiesFile,
  type FilingKind,
  FilingKindId,
  FilingKindsFile,
  RegulationsFile,
  RisksFile,
  ThresholdsFile,
} from './schema.js';

export { type Kb, meets, regulation, threshold } from './query.js';

/** The raw contents of the data files, by file name without extension. */
export interface KbSources {
  regulations: unknown;
  'algorithm-types': unknown;
  risks: unknown;
  thresholds: unknown;
  'filing-kinds': unknown;
  duties: unknown;
}

/** Validates the data files and checks that every citation points to a known source. Pure. */
export function buildKb(sources: KbSources): Kb {
  const issues: Issue[] = [];
  const regs = validatedInto(RegulationsFile, sources.regulations, 'regulations.yaml', issues);
  const types = validatedInto(AlgorithmTypesFile, sources['algorithm-types'], 'algorithm-types.yaml', issues);
  const risks = validatedInto(RisksFile, sources.risks, 'risks.yaml', issues);
  const thresholds = validatedInto(ThresholdsFile, sources.thresholds, 'thresholds.yaml', issues);
  const kinds = validatedInto(FilingKindsFile, sources['filing-kinds'], 'filing-kinds.yaml', issues);
  const duties = validatedInto(DutiesFile, sources.duties, 'duties.yaml', issues);
  if (!regs || !types || !risks || !thresholds || !kinds || !duties) {
    throw BeianError.of('CONFIG_INVALID', 'kb.invalid', undefined, { issues });
  }
  const known = new Set(regs.regulations.map((r) => r.id));
  const check = (file: string, where: string, cites: readonly { source: string }[]) => {
    for (const c of cites) {
      if (!known.has(c.source))
        issues.push(issueOf({ file, path: where }, 'kb.issue.unknownSource', { source: c.source }));
    }
  };
  for (const t of types.algorithmTypes) check('algorithm-types.yaml', t.id, t.citations);
  for (const c of risks.categories) check('risks.yaml', c.id, c.citations);
  for (const r of risks.risks) check('risks.yaml', r.id, r.citations);
  for (const t of thresholds.thresholds) check('thresholds.yaml', t.id, t.citations);
  for (const k of kinds.filingKinds) {
    const all = [
      ...k.legalBasis,
      ...k.requirements.flatMap((r) => r.citations),
      ...k.steps.flatMap((s) => s.citations),
      ...k.timeline.citations,
      ...k.deadlines.flatMap((d) => d.citations),
      ...k.materials.flatMap((m) => m.citations),
      ...k.dataRequirements.flatMap((d) => d.citations),
      ...k.consequences.flatMap((c) => c.citations),
      ...(k.display?.citations ?? []),
    ];
    check('filing-kinds.yaml', k.id, all);
  }
  for (const d of duties.duties) check('duties.yaml', d.id, d.citations);
  const kindIds = kinds.filingKinds.map((k) => k.id);
  const missingKinds = FilingKindId.options.filter((id) => !kindIds.includes(id));
  if (missingKinds.length)
    issues.push(
      issueOf({ file: 'filing-kinds.yaml', path: 'filingKinds' }, 'kb.issue.missingKinds', {
        kinds: missingKinds.join(', '),
      }),
    );
  const categoryIds = new Set(risks.categories.map((c) => c.id));
  for (const r of risks.risks) {
    if (!categoryIds.has(r.category) || !r.id.startsWith(`${r.category}.`)) {
      issues.push(
        issueOf({ file: 'risks.yaml', path: r.id }, 'kb.issue.wrongCategory', { category: r.category }),
      );
    }
  }
  if (issues.length > 0) throw BeianError.of('CONFIG_INVALID', 'kb.inconsistent', undefined, { issues });
  const version =
    [regs, types, risks, thresholds, kinds, duties]
      .map((f) => f.version)
      .sort()
      .at(-1) ?? '';
  return {
    version,
    regulations: regs.regulations,
    algorithmTypes: types.algorithmTypes,
    riskCategories: risks.categories,
    risks: risks.risks,
    nonRefusalAspects: risks.nonRefusalAspects,
    thresholds: thresholds.thresholds,
    filingKinds: kinds.filingKinds,
    duties: duties.duties,
  };
}

/** The kind with this id, or with the id it replaced (see kinds.ts: "security-assessment"). */
export function filingKind(kb: Kb, id: FilingKindId | string): FilingKind {
  const canonical = canonicalKindId(id);
  const k = kb.filingKinds.find((x) => x.id === canonical);
  if (!k) throw BeianError.of('INTERNAL', 'kb.unknownKind', { id });
  return k;
}
