import { z } from 'zod';
import { AlgorithmTypeId } from '../../kb/schema.js';

/** An algorithm a service runs: the fields of the algorithm filing form (materials, registry). */
export const Algorithm = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes'),
    name: z.string().min(1),
    types: z.array(AlgorithmTypeId).optional(),
    role: z.enum(['provider', 'technical-supporter']).optional(),
    principle: z.string().optional(),
    mechanism: z.string().optional(),
    purpose: z.string().optional(),
    scenarios: z.string().optional(),
    dataSources: z.string().optional(),
    filingNumber: z.string().optional(),
  })
  .strict();
export type Algorithm = z.infer<typeof Algorithm>;

/** A model a service runs or calls: the fields of the generative-AI filing form. */
export const ModelEntry = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes'),
    name: z.string().min(1),
    parametersBillions: z.number().nonnegative().optional(),
    baseModel: z.string().optional(),
    functions: z.array(z.string()).optional(),
    domain: z.string().optional(),
    serviceForms: z.array(z.enum(['app', 'web', 'api', 'mini-program', 'other'])).optional(),
    filingNumber: z.string().optional(),
  })
  .strict();
export type ModelEntry = z.infer<typeof ModelEntry>;
