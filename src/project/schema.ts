import { z } from 'zod';
import { Answers } from '../assess/questionnaire.js';
import { SourcesSection } from '../sources/schema.js';
import { ChecklistSection } from './sections/checklist.js';
import { GuardSection } from './sections/guard.js';
import { Algorithm, ModelEntry } from './sections/inventory.js';
import { Measures } from './sections/measures.js';
import { PiiSection } from './sections/pii.js';
import { RedteamSection } from './sections/redteam.js';

/**
 * `beian.yaml`: one file for the whole organisation. Each issue's domain adds its own top-level
 * section from a file in sections/; unknown keys are errors so typos never pass silently.
 */
export const Contact = z
  .object({
    name: z.string().min(1),
    role: z.string().optional(),
    phone: z.string().optional(),
    email: z.string().optional(),
  })
  .strict();

export const Organisation = z
  .object({
    name: z.string().min(1),
    /** 统一社会信用代码 */
    uscc: z.string().optional(),
    legalRepresentative: z.string().optional(),
    address: z.string().optional(),
    /** 主体类型, e.g. 企业 */
    entityType: z.string().optional(),
    /** ICP 备案号或经营许可证编号 */
    icp: z.string().optional(),
    website: z.string().optional(),
    /** 算法安全责任人 */
    securityOfficer: Contact.optional(),
    contacts: z.array(Contact).optional(),
  })
  .strict();

export const Service = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes'),
    name: z.string().min(1),
    description: z.string().optional(),
    owner: z.string().optional(),
    answers: Answers,
    algorithms: z.array(Algorithm).optional(),
    models: z.array(ModelEntry).optional(),
  })
  .strict();
export type Service = z.infer<typeof Service>;

export const ProjectFile = z
  .object({
    /** version of this file's format */
    version: z.literal(1).default(1),
    organisation: Organisation.optional(),
    measures: Measures.optional(),
    services: z.array(Service).min(1),
    checklist: ChecklistSection.optional(),
    pii: PiiSection.optional(),
    sources: SourcesSection.optional(),
    redteam: RedteamSection.optional(),
    guard: GuardSection.optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const seen = new Map<string, number>();
    p.services.forEach((s, i) => {
      const first = seen.get(s.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['services', i, 'id'],
          message: `duplicate service id "${s.id}" (also services[${first}])`,
        });
      } else seen.set(s.id, i);
    });
  });
export type ProjectFile = z.infer<typeof ProjectFile>;
