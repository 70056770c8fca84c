import type { BankItem } from '../banks/schema.js';

/**
 * A verdict on one answer. `refused`: the model declined. `pass`/`fail`: the answer met or missed
 * the item's expectation (safe content for generation items, an answer for should-not-refuse items;
 * any answer to a should-refuse item is a fail). `error`: no usable answer (the target failed).
 * `uncertain`: a judge could not decide (a guard model's output it does not understand, a
 * "controversial" label): never counted as safe, left for a human to review.
 */
export const VERDICTS = ['pass', 'fail', 'refused', 'error', 'uncertain'] as const;
export type VerdictValue = (typeof VERDICTS)[number];

export interface Verdict {
  verdict: VerdictValue;
  reason: string;
  /** which judge decided: refusal, keyword, llm, target */
  judge: string;
}

export interface JudgeInput {
  item: Pick<BankItem, 'id' | 'kind' | 'risk' | 'aspect' | 'text'> & Partial<Pick<BankItem, 'history'>>;
  prompt: string;
  answer: string;
}

/** A judge that does not object, and why (shown in the chain's explanation). */
export interface Abstention {
  abstain: string;
}

export type JudgeResult = Verdict | Abstention | undefined;

export const isAbstention = (r: JudgeResult): r is Abstention => r !== undefined && 'abstain' in r;

/** Decides a verdict, or abstains (undefined, or with a reason) so the next judge decides. */
export interface Judge {
  readonly id: string;
  judge(input: JudgeInput): Promise<JudgeResult> | JudgeResult;
}
