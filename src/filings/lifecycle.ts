import { BeianError } from '../errors.js';
import type { Bilingual, FilingKind, FilingKindId } from '../kb/schema.js';
import { validateFilingNumber } from './filing-number.js';

/**
 * The filing lifecycle. States are the same for every filing kind; which of them a kind can reach,
 * and the KB process step each one stands for, come from that kind's `steps` in filing-kinds.yaml
 * (a kind without an expert-review step never enters `expert-review`).
 */
export const FILING_STATES = [
  'assessing',
  'preparing',
  'submitted',
  'under-review',
  'expert-review',
  'rejected',
  'resubmitted',
  'filed',
  'published',
  'change-pending',
  'updated',
  'cancelled',
] as const;
export type FilingState = (typeof FILING_STATES)[number];

export const isFilingState = (s: string): s is FilingState =>
  (FILING_STATES as readonly string[]).includes(s);

/** Every allowed move; `expert-review` is filtered per kind below. */
const EDGES: Record<FilingState, readonly FilingState[]> = {
  assessing: ['preparing', 'cancelled'],
  preparing: ['submitted', 'assessing', 'cancelled'],
  submitted: ['under-review', 'expert-review', 'filed', 'rejected', 'cancelled'],
  resubmitted: ['under-review', 'expert-review', 'filed', 'rejected', 'cancelled'],
  'under-review': ['expert-review', 'filed', 'rejected', 'cancelled'],
  'expert-review': ['filed', 'rejected', 'cancelled'],
  rejected: ['resubmitted', 'preparing', 'cancelled'],
  filed: ['published', 'change-pending', 'cancelled'],
  published: ['change-pending', 'cancelled'],
  'change-pending': ['updated', 'cancelled'],
  updated: ['change-pending', 'cancelled'],
  cancelled: [],
};

/** KB step ids each state corresponds to, in preference order (kinds name their steps differently). */
const STEP_CANDIDATES: Record<FilingState, readonly string[]> = {
  assessing: ['self-assessment', 'technical-evaluation', 'check-base-model'],
  preparing: ['materials', 'security-testing', 'security-assessment', 'report'],
  submitted: ['submission', 'local-submission', 'local-registration', 'report'],
  resubmitted: ['submission', 'local-submission', 'local-registration', 'report'],
  'under-review': ['review', 'local-submission', 'local-registration'],
  'expert-review': ['expert-review'],
  rejected: ['review', 'expert-review', 'local-submission', 'local-registration'],
  filed: ['review', 'publication', 'local-registration', 'report'],
  published: ['publication', 'local-registration'],
  'change-pending': ['supervision'],
  updated: ['supervision'],
  cancelled: ['supervision'],
};

/** The KB step a state stands for in this kind, if the kind has one. */
export function stepFor(kind: FilingKind, state: FilingState): { id: string; title: Bilingual } | undefined {
  for (const id of STEP_CANDIDATES[state]) {
    const step = kind.steps.find((s) => s.id === id);
    if (step) return { id: step.id, title: step.title };
  }
  return undefined;
}

/** The states a filing of this kind may move to from `from`. */
export function nextStates(kind: FilingKind, from: FilingState): FilingState[] {
  const hasExpert = kind.steps.some((s) => s.id === 'expert-review');
  return EDGES[from].filter((to) => to !== 'expert-review' || hasExpert);
}

export interface TransitionRequest {
  kind: FilingKind;
  from: FilingState;
  to: string;
  /** who moves it (a person or "system"); required for the audit trail */
  actor: string;
  /** why; required for rejections, cancellations and changes so the trail explains itself */
  reason?: string | undefined;
  filingNumber?: string | undefined;
}

const NEEDS_REASON: readonly FilingState[] = ['rejected', 'cancelled', 'change-pending'];

/**
 * Checks a transition and returns the validated target state and filing number. Refuses with a
 * CONFLICT (exit 2) naming the allowed moves, or INPUT_INVALID for a missing reason or bad number.
 */
export function checkTransition(req: TransitionRequest): { to: FilingState; filingNumber?: string } {
  const { kind, from, to } = req;
  if (!isFilingState(to)) {
    throw BeianError.of('INPUT_INVALID', 'filings.unknownState', {
      state: to,
      states: FILING_STATES.join(', '),
    });
  }
  const allowed = nextStates(kind, from);
  if (!allowed.includes(to)) {
    throw allowed.length
      ? BeianError.of('CONFLICT', 'filings.badMove', { kind: kind.id, from, to, allowed: allowed.join(', ') })
      : BeianError.of('CONFLICT', 'filings.badMoveTerminal', { kind: kind.id, from, to });
  }
  if (!req.actor.trim()) throw BeianError.of('INPUT_INVALID', 'filings.needActor');
  if (NEEDS_REASON.includes(to) && !req.reason?.trim()) {
    throw BeianError.of('INPUT_INVALID', 'filings.needReason', { to });
  }
  if (to === 'filed' && kind.numberFormat) {
    if (!req.filingNumber) {
      throw BeianError.of('INPUT_INVALID', 'filings.needNumber', { example: kind.numberFormat.example });
    }
    const check = validateFilingNumber(kind, req.filingNumber);
    if (!check.ok)
      throw BeianError.of('INPUT_INVALID', 'filings.numberWrongForm', {
        value: req.filingNumber,
        kind: kind.id,
        example: kind.numberFormat.example,
      });
    return { to, filingNumber: check.normalised };
  }
  return req.filingNumber ? { to, filingNumber: req.filingNumber.trim() } : { to };
}

/** States where the legal launch deadline still applies (nothing has been submitted yet). */
export const PRE_SUBMISSION: readonly FilingState[] = ['assessing', 'preparing', 'rejected'];

export type { FilingKindId };
