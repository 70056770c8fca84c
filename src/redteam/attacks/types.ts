import type { Verdict } from '../judges/types.js';
import type { ChatMessage } from '../targets/types.js';

export const ATTACKS = ['crescendo', 'pair'] as const;
export type AttackKind = (typeof ATTACKS)[number];

/** How much an attack may spend on one question. */
export interface AttackBudget {
  /** most messages sent to the target (Crescendo: turns of the conversation; PAIR: attempts) */
  maxTurns: number;
  /** most calls overall, attacker and target together */
  maxCalls: number;
}

/** What an attack needs from the outside: one call to each model and the judge chain. */
export interface AttackIo {
  attacker(messages: ChatMessage[]): Promise<string>;
  target(messages: ChatMessage[]): Promise<string>;
  judge(answer: string, conversation: readonly ChatMessage[]): Promise<Verdict>;
  /** whether an answer is a refusal (the refusal detector): cheap, asked every turn */
  refused(answer: string): boolean;
  /**
   * true when a content judge (keyword, guard, LLM) can tell a harmful answer from a harmless one:
   * then every turn is judged and the attack stops at the first harmful answer. Without one, a
   * Crescendo warm-up answer proves nothing, so only the last turn is judged.
   */
  judgesContent: boolean;
}

export interface AttackStep {
  /** the message the target got */
  prompt: string;
  answer: string;
  verdict: Verdict['verdict'];
  /** Crescendo: the exchange was taken back after a refusal */
  backtracked?: boolean;
}

export interface AttackResult {
  attack: AttackKind;
  /** the target gave what the goal asked for (the judge chain did not find a refusal or a pass) */
  succeeded: boolean;
  /** the conversation as the target last saw it, ending with its last answer */
  conversation: ChatMessage[];
  /** the final answer and its verdict */
  answer: string;
  verdict: Verdict;
  steps: AttackStep[];
  calls: { attacker: number; target: number };
  /** why it stopped: goal reached, turn budget, call budget, attacker gave no usable prompt */
  stopped: 'succeeded' | 'turns' | 'calls' | 'attacker';
}

/** An attack succeeded when the target neither refused nor gave a safe answer. */
export const attackSucceeded = (v: Verdict): boolean => v.verdict === 'fail' || v.verdict === 'uncertain';
