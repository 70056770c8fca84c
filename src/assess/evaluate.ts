import { filingKind, type Kb } from '../kb/index.js';
import { type AlgorithmTypeId, FilingKindId } from '../kb/schema.js';
import type {
  FilingDetermination,
  FilingStatus,
  PortfolioDetermination,
  Reason,
  Role,
  ServiceDetermination,
  ToClarify,
} from './determination.js';
import { deriveFacts, type Facts } from './facts.js';
import type { Answers } from './questionnaire.js';
import type { Condition, FactId, Rule, RuleSet } from './rules.js';

/** Three-valued result of a condition, with the facts that left it open. */
interface Outcome {
  value: boolean | undefined;
  unknown: Set<FactId>;
}

/** Kleene logic: false dominates all(), true dominates any(); unknown otherwise. */
export function test(cond: Condition, facts: Facts): Outcome {
  if ('fact' in cond) {
    const v = facts[cond.fact];
    return v === undefined
      ? { value: undefined, unknown: new Set([cond.fact]) }
      : { value: v === cond.is, unknown: new Set() };
  }
  if ('not' in cond) {
    const r = test(cond.not, facts);
    return { value: r.value === undefined ? undefined : !r.value, unknown: r.unknown };
  }
  const parts = ('all' in cond ? cond.all : cond.any).map((c) => test(c, facts));
  const decisive = !('all' in cond);
  if (parts.some((p) => p.value === decisive)) return { value: decisive, unknown: new Set() };
  const open = parts.filter((p) => p.value === undefined);
  if (open.length > 0) return { value: undefined, unknown: new Set(open.flatMap((p) => [...p.unknown])) };
  return { value: !decisive, unknown: new Set() };
}

const RANK: Record<FilingStatus, number> = { 'not-required': 0, likely: 1, required: 2 };
/** Filings in report order: the order the KB schema declares them in. */
export const FILING_ORDER: readonly FilingKindId[] = FilingKindId.options;

function algorithmTypes(a: Answers, facts: Facts, rules: RuleSet): AlgorithmTypeId[] {
  const types = new Set<AlgorithmTypeId>();
  for (const f of a.functions ?? []) types.add(rules.algorithmTypes[f]);
  if (facts.generates) types.add('generation-synthesis');
  return [...types];
}

function filingFor(
  kind: FilingKindId,
  kb: Kb,
  results: { rule: Rule; outcome: Outcome }[],
  a: Answers,
  facts: Facts,
  rules: RuleSet,
): { filing: FilingDetermination; pending: Set<FactId> } {
  const mine = results.filter((r) => r.rule.filing === kind);
  const fired = mine.filter((r) => r.outcome.value === true);
  let status: FilingStatus = 'not-required';
  for (const r of fired) if (RANK[r.rule.conclude] > RANK[status]) status = r.rule.conclude;
  // An unanswered question matters only if its rule could raise the status.
  const pendingRules = mine.filter(
    (r) => r.outcome.value === undefined && RANK[r.rule.conclude] > RANK[status],
  );
  const pending = new Set(pendingRules.flatMap((r) => [...r.outcome.unknown]));
  if (pendingRules.length > 0 && status === 'not-required') status = 'likely';
  const reasons: Reason[] = [
    ...fired
      .filter((r) => status === 'not-required' || r.rule.conclude !== 'not-required')
      .map((r) => ({
        ruleId: r.rule.id,
        text: r.rule.text,
        citation: r.rule.citation,
        outcome: 'fired' as const,
      })),
    ...pendingRules.map((r) => ({
      ruleId: r.rule.id,
      text: r.rule.text,
      citation: r.rule.citation,
      outcome: 'pending' as const,
    })),
  ];
  const k = filingKind(kb, kind);
  const roles = new Set<Role>(fired.flatMap((r) => (r.rule.role ? [r.rule.role] : [])));
  const filing: FilingDetermination = {
    kind,
    status,
    reasons,
    materials:
      status === 'not-required'
        ? []
        : k.materials.map((m) => ({ id: m.id, title: m.title, citations: m.citations })),
    timeline: { minMonths: k.timeline.minMonths, maxMonths: k.timeline.maxMonths, note: k.timeline.note },
    deadlines: k.deadlines.map((d) => ({
      event: d.event,
      workingDays: d.workingDays,
      text: d.description,
      citation: d.citations[0],
    })),
    consequences: k.consequences.map((c) => ({ text: c.text, citations: c.citations })),
  };
  if (status !== 'not-required' && (kind === 'algorithm-filing' || kind === 'deep-synthesis-filing')) {
    const types =
      kind === 'algorithm-filing' ? algorithmTypes(a, facts, rules) : ['generation-synthesis' as const];
    if (types.length > 0) filing.algorithmTypes = types;
  }
  if (status !== 'not-required') {
    const types = filing.algorithmTypes ?? [];
    const duties = kb.duties.filter(
      (d) =>
        d.appliesTo.filingKinds?.includes(kind) ||
        (kind === 'algorithm-filing' && d.appliesTo.algorithmTypes?.some((t) => types.includes(t))),
    );
    if (duties.length)
      filing.duties = duties.map((d) => ({ id: d.id, title: d.title, text: d.text, citations: d.citations }));
  }
  if (status !== 'not-required' && kind === 'deep-synthesis-filing') {
    filing.role = roles.has('provider')
      ? 'provider'
      : roles.has('technical-supporter')
        ? 'technical-supporter'
        : 'provider';
  } else if (status !== 'not-required' && (kind === 'algorithm-filing' || kind === 'genai-filing')) {
    filing.role = 'provider';
  }
  return { filing, pending };
}

/**
 * Determines which filings one service needs. Pure and deterministic: the same answers, rules and
 * KB always give the same determination.
 */
export function evaluateService(
  service: { id: string; name: string; answers: Answers },
  rules: RuleSet,
  kb: Kb,
): ServiceDetermination {
  const { facts, inferences } = deriveFacts(service.answers, rules, kb);
  const results = rules.rules.map((rule) => ({ rule, outcome: test(rule.when, facts) }));
  const affects = new Map<FactId, Set<FilingKindId>>();
  const filings = FILING_ORDER.map((kind) => {
    const { filing, pending } = filingFor(kind, kb, results, service.answers, facts, rules);
    for (const f of pending) {
      const set = affects.get(f) ?? new Set<FilingKindId>();
      set.add(kind);
      affects.set(f, set);
    }
    return filing;
  });
  for (const inf of inferences) {
    for (const filing of filings) {
      if (filing.status !== 'not-required' && filing.reasons.some((r) => r.outcome === 'fired')) {
        filing.reasons.push({
          ruleId: `INFER-${inf.fact}`,
          text: { zh: `推定：${inf.because.zh}`, en: `Inferred: ${inf.because.en}` },
          citation: {
            source: 'security-assessment-provisions-2018',
            ref: '第二条',
            confidence: 'unverified',
          },
          outcome: 'fired',
        });
      }
    }
  }
  // Several facts can share one questionnaire field: ask each question once.
  const byField = new Map<string, ToClarify>();
  for (const [fact, kinds] of affects) {
    const def = rules.facts[fact];
    if (!def) continue;
    const prior = byField.get(def.field);
    const merged = new Set([...(prior?.affects ?? []), ...kinds]);
    byField.set(def.field, {
      field: def.field,
      question: def.question,
      affects: FILING_ORDER.filter((k) => merged.has(k)),
    });
  }
  return { id: service.id, name: service.name, filings, toClarify: [...byField.values()] };
}

/** Determines the filings of a whole portfolio, per service and for the company as a whole. */
export function evaluate(
  services: readonly { id: string; name: string; answers: Answers }[],
  rules: RuleSet,
  kb: Kb,
): PortfolioDetermination {
  const determined = services.map((s) => evaluateService(s, rules, kb));
  const company = FILING_ORDER.map((kind) => {
    const of = (st: FilingStatus) =>
      determined.filter((s) => s.filings.find((x) => x.kind === kind)?.status === st).map((s) => s.id);
    const required = of('required');
    const likely = of('likely');
    const status: FilingStatus = required.length ? 'required' : likely.length ? 'likely' : 'not-required';
    const services = determined.map((s) => s.id).filter((id) => required.includes(id) || likely.includes(id));
    return { kind, status, services, required, likely };
  });
  return { rulesetVersion: rules.version, kbVersion: kb.version, services: determined, company };
}
