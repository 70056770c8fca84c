import { z } from 'zod';
import { Answers } from '../assess/questionnaire.js';
import { translator } from '../i18n/index.js';
import { usccCheckChar, usccChecksumOk } from '../pii/checksums.js';
import { SourcesSection } from '../sources/schema.js';
import { customIssue } from '../util/zod-issues.js';
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
const english = translator('en');

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
    /** 统一社会信用代码: 18 characters with the GB 32100 check character (the one `beian pii` checks) */
    uscc: z
      .string()
      .transform((v) => v.trim().toUpperCase())
      .superRefine((v, ctx) => {
        if (usccChecksumOk(v)) return;
        const expected = v.length === 18 ? usccCheckChar(v.slice(0, 17)) : undefined;
        const key = expected ? 'project.usccCheckChar' : 'project.usccShape';
        const params = { value: v, ...(expected ? { expected } : {}) };
        // the catalogue key rides in the issue's params; util/zod-issues.ts hands it to the exit point
        ctx.addIssue({ code: 'custom', message: english(key, params), params: { key, ...params } });
      })
      .optional(),
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
    /** generative-AI registration (登记) of an app that calls a filed model */
    registration: z
      .object({
        /** the province of the local CAC office, e.g. 上海 (Shanghai also asks for the 上线编号 on display) */
        region: z.string().optional(),
        /** the app's own number once registered (上线编号 / 登记编号) */
        number: z.string().optional(),
        /** the signed model-call agreement with the model's provider (file, date) */
        agreement: z.string().optional(),
      })
      .strict()
      .optional(),
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
          ...customIssue('project.dupService', { id: s.id, first }),
          path: ['services', i, 'id'],
        });
      } else seen.set(s.id, i);
    });
  });
export type ProjectFile = z.infer<typeof ProjectFile>;
