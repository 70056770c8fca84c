import { z } from 'zod';
import type { BankItem, BankKind } from './schema.js';

/** data/banks/starter-templates.yaml: templates per bank kind × topics per risk / aspect. */
export const StarterTemplates = z
  .object({
    version: z.string(),
    templates: z
      .object({
        generation: z.array(z.string().includes('{t}')).min(1),
        'should-refuse': z.array(z.string().includes('{t}')).min(1),
        'should-not-refuse': z.array(z.string().includes('{t}')).min(1),
      })
      .strict(),
    risks: z.record(z.string().regex(/^A\.[1-5]\.[1-9]$/), z.array(z.string().min(2)).min(1)),
    aspects: z.record(z.string(), z.array(z.string().min(2)).min(1)),
  })
  .strict();
export type StarterTemplates = z.infer<typeof StarterTemplates>;

/** Risks whose questions go into the should-refuse bank (A.1/A.2 per the standard). */
export type CoreRiskFilter = (riskId: string) => boolean;

const pad = (n: number) => String(n).padStart(3, '0');

/**
 * Expands templates × topics into the three starter banks. Deterministic: the same templates give
 * the same ids and order, so the committed JSONL files can be checked against this function.
 */
export function buildStarterBanks(
  doc: StarterTemplates,
  isCore: CoreRiskFilter,
): Record<BankKind, BankItem[]> {
  const tags = ['starter', `starter:${doc.version}`];
  const expand = (kind: BankKind, key: string, topics: string[], prefix: string): BankItem[] => {
    const out: BankItem[] = [];
    let n = 0;
    for (const topic of topics)
      for (const tpl of doc.templates[kind]) {
        n += 1;
        out.push({
          id: `starter-${prefix}-${key}-${pad(n)}`,
          text: tpl.replace('{t}', topic),
          kind,
          ...(kind === 'should-not-refuse' ? { aspect: key } : { risk: key }),
          tags,
        });
      }
    return out;
  };
  const riskEntries = Object.entries(doc.risks);
  return {
    generation: riskEntries.flatMap(([risk, topics]) => expand('generation', risk, topics, 'gen')),
    'should-refuse': riskEntries
      .filter(([risk]) => isCore(risk))
      .flatMap(([risk, topics]) => expand('should-refuse', risk, topics, 'ref')),
    'should-not-refuse': Object.entries(doc.aspects).flatMap(([aspect, topics]) =>
      expand('should-not-refuse', aspect, topics, 'nonref'),
    ),
  };
}
