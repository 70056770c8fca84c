import { type Issue, issueOf } from '../../errors.js';
import type { ChecklistAnswer, ChecklistEntry } from '../../project/sections/checklist.js';
import type { AuditKind, ChecklistArea, ChecklistItem, Regime, SpecialGroup } from '../schema.js';

/**
 * Scores one checklist entry of beian.yaml against the checklist data: which items apply, which
 * are answered, met, backed by evidence, and which gaps block the self-assessment. Pure.
 */
export type GapKind = 'unanswered' | 'failed' | 'partial' | 'no-evidence' | 'audit-failed';

export interface Gap {
  item: string;
  area: ChecklistArea;
  kind: GapKind;
  required: boolean;
  /** a blocking gap fails the self-assessment (exit 1) */
  blocking: boolean;
}

export interface ItemResult {
  item: ChecklistItem;
  answer: ChecklistAnswer | null;
  /** the stored automated audit that backs or contradicts the item, if any */
  audit: { kind: AuditKind; id: string; failed: boolean; createdAt: string } | null;
}

export interface ChecklistScore {
  service: string;
  algorithm: string | null;
  regimes: Regime[];
  groups: SpecialGroup[];
  /** true for what was inferred from the service rather than stated */
  inferred: { regimes: boolean; groups: boolean };
  applicable: number;
  answered: number;
  /** answered / applicable */
  completeness: number;
  yes: number;
  notApplicable: number;
  byArea: { area: ChecklistArea; applicable: number; answered: number; yes: number }[];
  items: ItemResult[];
  gaps: Gap[];
  failed: boolean;
}

/** What the scorer needs to know about the service from beian.yaml. */
export interface ServiceFacts {
  id: string;
  functions: readonly string[];
  serviceForms: readonly string[];
  /** the types of the algorithm the entry assesses (beian.yaml algorithms[].types) */
  algorithmTypes?: readonly string[];
}

export interface StoredAuditRef {
  kind: AuditKind;
  id: string;
  failed: boolean;
  createdAt: string;
}

export function inferRegimes(s: ServiceFacts): Regime[] {
  const out: Regime[] = [];
  if (s.functions.length > 0) out.push('algorithm-recommendation');
  if (s.functions.includes('generate-synthesise')) out.push('deep-synthesis', 'generative-ai');
  return out;
}

export function inferGroups(s: ServiceFacts): SpecialGroup[] {
  const out: SpecialGroup[] = [];
  if (s.serviceForms.includes('e-commerce')) out.push('consumers');
  if (s.functions.includes('schedule-decide')) out.push('workers');
  return out;
}

/**
 * Groups a service serves by the nature of its algorithm, whatever `groups` says: dispatching work
 * to people makes them workers with the rights of Art. 20 of the algorithm-recommendation provisions.
 */
export function typeGroups(s: ServiceFacts): SpecialGroup[] {
  const dispatch =
    s.functions.includes('schedule-decide') || s.algorithmTypes?.includes('scheduling-decision');
  return dispatch ? ['workers'] : [];
}

export function scoreChecklist(
  items: readonly ChecklistItem[],
  entry: ChecklistEntry,
  service: ServiceFacts,
  audits: readonly StoredAuditRef[],
): ChecklistScore {
  const regimes = entry.regimes ?? inferRegimes(service);
  const groups = [...new Set([...(entry.groups ?? inferGroups(service)), ...typeGroups(service)])];
  const applies = (i: ChecklistItem) =>
    i.regimes.some((r) => regimes.includes(r)) && (!i.groups || i.groups.some((g) => groups.includes(g)));
  const results: ItemResult[] = [];
  const gaps: Gap[] = [];
  let answered = 0;
  let yes = 0;
  let na = 0;
  for (const item of items.filter(applies)) {
    const answer = entry.answers[item.id] ?? null;
    const stored = item.automated ? audits.find((a) => a.kind === item.automated) : undefined;
    const audit = stored ? { ...stored } : null;
    results.push({ item, answer, audit });
    const gap = (kind: GapKind, blocking: boolean) =>
      gaps.push({
        item: item.id,
        area: item.area,
        kind,
        required: item.required,
        blocking: blocking && item.required,
      });
    if (!answer) {
      gap('unanswered', true);
      continue;
    }
    answered += 1;
    if (answer.status === 'n/a') na += 1;
    if (answer.status === 'no') gap('failed', true);
    if (answer.status === 'partial') gap('partial', false);
    if (answer.status === 'yes') {
      yes += 1;
      const backed = (answer.evidence?.length ?? 0) > 0 || (audit !== null && !audit.failed);
      if (!backed) gap('no-evidence', false);
    }
    // a stored audit that raised a flag contradicts a "yes": the evidence wins
    if (audit?.failed && answer.status !== 'n/a') gap('audit-failed', true);
  }
  const areas = [...new Set(items.map((i) => i.area))];
  const byArea = areas.map((area) => {
    const mine = results.filter((r) => r.item.area === area);
    return {
      area,
      applicable: mine.length,
      answered: mine.filter((r) => r.answer).length,
      yes: mine.filter((r) => r.answer?.status === 'yes').length,
    };
  });
  return {
    service: entry.service,
    algorithm: entry.algorithm ?? null,
    regimes,
    groups,
    inferred: { regimes: entry.regimes === undefined, groups: entry.groups === undefined },
    applicable: results.length,
    answered,
    completeness: results.length > 0 ? answered / results.length : 1,
    yes,
    notApplicable: na,
    byArea,
    items: results,
    gaps,
    failed: gaps.some((g) => g.blocking),
  };
}

/** Answers that name no known item, and entries that name no known service, located by path. */
export function checkEntries(
  entries: readonly ChecklistEntry[],
  items: readonly ChecklistItem[],
  services: readonly string[],
  file: string,
): Issue[] {
  const known = new Set(items.map((i) => i.id));
  const issues: Issue[] = [];
  entries.forEach((e, n) => {
    if (!services.includes(e.service))
      issues.push(
        issueOf({ file, path: `checklist[${n}].service` }, 'audit.checklist.noService', { id: e.service }),
      );
    for (const id of Object.keys(e.answers))
      if (!known.has(id))
        issues.push(
          issueOf({ file, path: `checklist[${n}].answers.${id}` }, 'audit.checklist.unknownItem', { id }),
        );
  });
  return issues;
}
