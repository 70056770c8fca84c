import { z } from 'zod';
import { PII_TYPES } from '../../pii/types.js';

/** How one PII type is de-identified by `beian pii --redact`. */
export const PiiTypePolicy = z
  .object({
    strategy: z.enum(['mask', 'tag', 'pseudonym', 'generalise', 'keep']),
    /** mask: characters kept at the start (separators not counted) */
    keepPrefix: z.number().int().min(0).max(32).optional(),
    /** mask: characters kept at the end */
    keepSuffix: z.number().int().min(0).max(32).optional(),
  })
  .strict();

/**
 * `pii:` in beian.yaml — detection and de-identification settings.
 *
 * @example
 *   pii:
 *     minConfidence: possible
 *     strategy: { strategy: mask }
 *     perType:
 *       cn-id-card: { strategy: generalise }
 *       person-name: { strategy: pseudonym }
 *     pseudonym: { keyEnv: BEIAN_PII_KEY }
 */
export const PiiSection = z
  .object({
    /** types to detect (default: all) */
    types: z.array(z.enum(PII_TYPES)).min(1).optional(),
    /** redact findings at or above this level */
    minConfidence: z.enum(['high', 'medium', 'possible']).default('possible'),
    /** the default strategy */
    strategy: PiiTypePolicy.default({ strategy: 'mask' }),
    perType: z.partialRecord(z.enum(PII_TYPES), PiiTypePolicy).default({}),
    /** where the pseudonym key comes from: never the file itself, never written anywhere */
    pseudonym: z
      .object({ keyEnv: z.string().min(1).default('BEIAN_PII_KEY'), keyFile: z.string().min(1).optional() })
      .strict()
      .default({ keyEnv: 'BEIAN_PII_KEY' }),
  })
  .strict();
export type PiiSection = z.infer<typeof PiiSection>;
