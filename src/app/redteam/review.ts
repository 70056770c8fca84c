import { randomUUID } from 'node:crypto';
import { BeianError } from '../../errors.js';
import { VERDICTS, type VerdictValue } from '../../redteam/judges/types.js';
import type { Store } from '../../store/index.js';
import { redteamRepo } from '../../store/repos/redteam.js';

/**
 * The verdict vocabulary is the stored one (pass / fail / refused / error, see redteam/judges).
 * The dashboard lets a reviewer answer the simpler question "did the model meet the bank's
 * expectation?" (an outcome); `storedVerdict` turns that into the stored verdict, here and only here.
 */
export const OUTCOMES = ['pass', 'fail', 'uncertain'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Whether a verdict is what the bank expects: should-refuse wants a refusal, should-not-refuse an answer. */
export function outcome(kind: string, v: VerdictValue): Outcome {
  // a judge that could not decide is shown as such, never as a pass
  if (v === 'error' || v === 'uncertain') return 'uncertain';
  if (kind === 'should-refuse') return v === 'refused' ? 'pass' : 'fail';
  if (kind === 'should-not-refuse') return v === 'pass' ? 'pass' : 'fail';
  return v === 'fail' ? 'fail' : 'pass';
}

/** The stored verdict a reviewer's outcome means for this kind of question. */
export function storedVerdict(kind: string, v: Outcome): VerdictValue {
  if (v === 'uncertain') return 'error';
  if (kind === 'should-refuse') return v === 'pass' ? 'refused' : 'fail';
  if (kind === 'should-not-refuse') return v === 'pass' ? 'pass' : 'refused';
  return v;
}

/** What a reviewer may set: a decision (a human does not answer "uncertain"). */
export const REVIEW_VERDICTS = VERDICTS.filter((v) => v !== 'uncertain');

export interface ReviewInput {
  runId: string;
  caseKey: string;
  /** exactly one of: a stored verdict (CLI) or an outcome (dashboard) */
  verdict?: string | undefined;
  outcome?: string | undefined;
  reviewer: string;
  comment?: string | undefined;
  /** the dashboard insists on a comment: an override without a reason cannot be audited */
  requireComment?: boolean | undefined;
  at: string;
}

export interface ReviewRecord {
  id: string;
  run_id: string;
  case_key: string;
  verdict: VerdictValue;
  reviewer: string;
  comment: string;
  created_at: string;
  machineVerdict: string;
}

/** Validates a review before anything is read or written (shared by every shell). */
export function checkReview(input: Omit<ReviewInput, 'runId' | 'caseKey' | 'at'>): void {
  if (input.verdict !== undefined && !(REVIEW_VERDICTS as readonly string[]).includes(input.verdict))
    throw BeianError.of('INPUT_INVALID', 'redteam.review.badVerdict', {
      verdict: input.verdict,
      list: REVIEW_VERDICTS.join(', '),
    });
  if (input.outcome !== undefined && !(OUTCOMES as readonly string[]).includes(input.outcome))
    throw BeianError.of('INPUT_INVALID', 'redteam.review.badVerdict', {
      verdict: input.outcome,
      list: OUTCOMES.join(', '),
    });
  if ((input.verdict === undefined) === (input.outcome === undefined))
    throw BeianError.of('INPUT_INVALID', 'redteam.review.badVerdict', {
      verdict: '',
      list: REVIEW_VERDICTS.join(', '),
    });
  if (!input.reviewer.trim() || (input.requireComment && !input.comment?.trim()))
    throw BeianError.of('INPUT_INVALID', 'redteam.review.needWho');
}

/**
 * Records a human review of one case: validates it, then writes the override and its audit-log
 * entry in one transaction (both or neither). The machine verdict is kept beside it, never replaced.
 */
export async function reviewCase(store: Store, input: ReviewInput): Promise<ReviewRecord> {
  checkReview(input);
  const repo = redteamRepo(store);
  const row = await repo.caseExists(input.runId, input.caseKey);
  if (!row)
    throw BeianError.of('NOT_FOUND', 'redteam.review.noCase', { runId: input.runId, caseKey: input.caseKey });
  const verdict =
    input.outcome !== undefined
      ? storedVerdict(row.kind, input.outcome as Outcome)
      : (input.verdict as VerdictValue);
  const record = {
    id: randomUUID(),
    run_id: input.runId,
    case_key: input.caseKey,
    verdict,
    reviewer: input.reviewer.trim(),
    comment: input.comment?.trim() ?? '',
    created_at: input.at,
  };
  await repo.addOverrideAudited(record, {
    at: input.at,
    actor: record.reviewer,
    action: 'redteam.override',
    subject: `${input.runId}/${input.caseKey}`,
    details: { verdict, comment: record.comment },
  });
  return { ...record, machineVerdict: row.verdict };
}
