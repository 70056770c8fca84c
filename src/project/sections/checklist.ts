import { z } from 'zod';

/**
 * `checklist:` in beian.yaml — the algorithm self-assessment answers, one entry per service (or per
 * algorithm of a service). Item ids come from data/kb/checklist.yaml; `beian audit checklist`
 * reports unknown ids with their path.
 */
export const ChecklistAnswer = z
  .object({
    status: z.enum(['yes', 'no', 'partial', 'n/a']),
    /** references to the evidence: file paths, URLs, document numbers, ticket ids */
    evidence: z.array(z.string().min(1)).optional(),
    note: z.string().optional(),
  })
  .strict();
export type ChecklistAnswer = z.infer<typeof ChecklistAnswer>;

export const ChecklistEntry = z
  .object({
    service: z.string().min(1),
    algorithm: z.string().optional(),
    /** which rules apply; inferred from the service's answers when absent */
    regimes: z.array(z.enum(['algorithm-recommendation', 'deep-synthesis', 'generative-ai'])).optional(),
    /** special groups the service serves; inferred (e-commerce → consumers, dispatch → workers) when absent */
    groups: z.array(z.enum(['minors', 'elderly', 'workers', 'consumers'])).optional(),
    answers: z.record(z.string(), ChecklistAnswer).default({}),
  })
  .strict();
export type ChecklistEntry = z.infer<typeof ChecklistEntry>;

export const ChecklistSection = z.array(ChecklistEntry);
