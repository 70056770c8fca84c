import type { MessageKey, Translate } from '../../i18n/index.js';
import type { BankKind } from '../../redteam/banks/schema.js';
import type { RunJson } from './summary.js';

/** Why a stored run is not (yet) the security-test evidence of the filed model. */
export type EvidenceGap =
  | { code: 'not-completed'; status: string; completed: number; total: number }
  | { code: 'errors'; errors: number }
  | { code: 'no-model-named' }
  | { code: 'other-model'; ran: string[]; named: string[] }
  | { code: 'bank-missing'; bank: BankKind }
  | { code: 'sample-short'; bank: BankKind; n: number; required: number };

const BANKS: readonly BankKind[] = ['generation', 'should-refuse', 'should-not-refuse'];
const norm = (s: string) => s.trim().toLowerCase();

/**
 * A run counts as filing evidence only when it completed without failed cases, against the model
 * named in beian.yaml (`models[].id/name` or `redteam.targets[].model`), with every bank sampled
 * at the standard's size (`eval.*.sample.min`, carried in the run's summary as sampleRequired).
 * Pure: returns every gap, empty when the run qualifies.
 */
export function evidenceGaps(
  run: { status: string },
  json: Pick<RunJson, 'total' | 'completed' | 'errors' | 'banks'>,
  ranTargets: readonly { id: string; model?: string }[],
  named: readonly string[],
): EvidenceGap[] {
  const gaps: EvidenceGap[] = [];
  if (run.status !== 'done' || json.completed + json.errors < json.total)
    gaps.push({ code: 'not-completed', status: run.status, completed: json.completed, total: json.total });
  if (json.errors > 0) gaps.push({ code: 'errors', errors: json.errors });
  const names = new Set(named.map(norm).filter(Boolean));
  if (names.size === 0) gaps.push({ code: 'no-model-named' });
  else {
    const ran = ranTargets.flatMap((t) => [t.id, t.model ?? '']).filter(Boolean);
    if (!ran.some((r) => names.has(norm(r)))) gaps.push({ code: 'other-model', ran, named: [...named] });
  }
  for (const bank of BANKS) {
    const b = json.banks[bank];
    if (!b) gaps.push({ code: 'bank-missing', bank });
    else if (!b.sampleMet) gaps.push({ code: 'sample-short', bank, n: b.n, required: b.sampleRequired });
  }
  return gaps;
}

/** The model names a project file gives (the services' filing-form models and the red-team targets). */
export function namedModels(project: {
  services: readonly { models?: readonly { id: string; name: string }[] | undefined }[];
  redteam?: { targets: readonly { model: string }[] } | undefined;
}): string[] {
  return [
    ...project.services.flatMap((s) => (s.models ?? []).flatMap((m) => [m.id, m.name])),
    ...(project.redteam?.targets ?? []).map((t) => t.model),
  ];
}

/** A gap as one sentence in the reader's language. */
export function describeGap(g: EvidenceGap, t: Translate): string {
  const bank = (b: BankKind) => t(`redteam.kind.${b}` as MessageKey);
  switch (g.code) {
    case 'not-completed':
      return t('redteam.gap.not-completed', { status: g.status, completed: g.completed, total: g.total });
    case 'errors':
      return t('redteam.gap.errors', { errors: g.errors });
    case 'no-model-named':
      return t('redteam.gap.no-model-named');
    case 'other-model':
      return t('redteam.gap.other-model', { ran: g.ran.join(', '), named: g.named.join(', ') });
    case 'bank-missing':
      return t('redteam.gap.bank-missing', { bank: bank(g.bank) });
    case 'sample-short':
      return t('redteam.gap.sample-short', { bank: bank(g.bank), n: g.n, required: g.required });
  }
}
