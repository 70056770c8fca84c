/**
 * What the guard does with a keyword hit, per risk of the standard. `block` answers with a canned
 * safe reply (代答) instead of the model, `mask` replaces the keyword's characters and lets the
 * text through, `flag` only records the hit.
 */
export const GUARD_ACTIONS = ['block', 'mask', 'flag'] as const;
export type GuardAction = (typeof GUARD_ACTIONS)[number];

export type Direction = 'input' | 'output';

export interface GuardPolicy {
  /** the action for risks not listed in `risks` */
  default: GuardAction;
  /** risk id (e.g. A.1.6) → action */
  risks: Readonly<Record<string, GuardAction>>;
  /** the character a masked keyword's characters become */
  maskChar: string;
}

export const DEFAULT_POLICY: GuardPolicy = { default: 'block', risks: {}, maskChar: '*' };

const RANK: Record<GuardAction, number> = { flag: 0, mask: 1, block: 2 };

/** The action for a risk: its own entry, else its category's (A.1.6 → A.1), else the default. */
export function actionFor(policy: GuardPolicy, risk: string): GuardAction {
  const own = policy.risks[risk];
  if (own) return own;
  const dot = risk.lastIndexOf('.');
  const category = dot > 1 ? policy.risks[risk.slice(0, dot)] : undefined;
  return category ?? policy.default;
}

/** The most specific entry of a table keyed by risk id, category or `default`. */
export function bySpecificity<T>(table: Readonly<Record<string, T>>, risk: string): T | undefined {
  const dot = risk.lastIndexOf('.');
  return table[risk] ?? (dot > 1 ? table[risk.slice(0, dot)] : undefined) ?? table.default;
}

/** The stronger of two actions: block over mask over flag. */
export const stronger = (a: GuardAction, b: GuardAction): GuardAction => (RANK[a] >= RANK[b] ? a : b);

/** Risk ids in a policy that the knowledge base does not define (the caller reports them). */
export function unknownRisks(policy: Pick<GuardPolicy, 'risks'>, riskIds: ReadonlySet<string>): string[] {
  return Object.keys(policy.risks).filter((r) => !riskIds.has(r));
}
