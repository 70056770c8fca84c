import { z } from 'zod';
import { canonicalKindId } from '../kb/kinds.js';
import { AlgorithmTypeId, Bilingual, Citation, FilingKindId } from '../kb/schema.js';
import { customIssue, validated } from '../util/zod-issues.js';
import { FUNCTIONS, SERVICE_FORMS } from './questionnaire.js';

/** Boolean facts the rules can test; derived from the answers in facts.ts. */
export const FACT_IDS = [
  'publicMainland',
  'publicOpinion',
  'hasAlgorithm',
  'generates',
  'faceVoice',
  'ownModel',
  'callsFiledModel',
  'callsUnfiledModel',
  'technicalSupport',
  'trainingFromAbroad',
  'exportsAbroad',
  'ciio',
  'importantDataExported',
  'exportVolumeOverAssessment',
] as const;
export const FactId = z.enum(FACT_IDS);
export type FactId = z.infer<typeof FactId>;

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { fact: FactId; is: boolean };

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(Condition).min(1) }).strict(),
    z.object({ any: z.array(Condition).min(1) }).strict(),
    z.object({ not: Condition }).strict(),
    z.object({ fact: FactId, is: z.boolean() }).strict(),
  ]),
);

export const Rule = z
  .object({
    id: z.string().regex(/^[A-Z0-9-]+$/),
    /** a renamed kind id (e.g. "security-assessment") still reads as its successor */
    filing: z.preprocess((v) => (typeof v === 'string' ? (canonicalKindId(v) ?? v) : v), FilingKindId),
    conclude: z.enum(['required', 'likely', 'not-required']),
    role: z.enum(['provider', 'technical-supporter']).optional(),
    when: Condition,
    text: Bilingual,
    citation: Citation,
  })
  .strict();
export type Rule = z.infer<typeof Rule>;

export const RuleSet = z
  .object({
    version: z.string(),
    facts: z.record(FactId, z.object({ field: z.string(), question: Bilingual }).strict()),
    algorithmTypes: z.record(z.enum(FUNCTIONS), AlgorithmTypeId),
    publicOpinionForms: z.array(z.enum(SERVICE_FORMS)),
    rules: z.array(Rule).min(1),
  })
  .strict()
  .superRefine((set, ctx) => {
    const ids = new Set<string>();
    set.rules.forEach((r, i) => {
      if (ids.has(r.id))
        ctx.addIssue({ ...customIssue('assess.rules.dupId', { id: r.id }), path: ['rules', i, 'id'] });
      ids.add(r.id);
    });
    for (const f of FACT_IDS) {
      if (!set.facts[f]) ctx.addIssue({ ...customIssue('assess.rules.noQuestion'), path: ['facts', f] });
    }
  });
export type RuleSet = z.infer<typeof RuleSet>;

/** Validates a parsed rules file. Pure. */
export function parseRuleSet(value: unknown, file = 'applicability.yaml'): RuleSet {
  return validated(RuleSet, value, file, 'CONFIG_INVALID', 'assess.rulesInvalid');
}
