import { z } from 'zod';
import { VARIANT_STRATEGIES } from '../../redteam/banks/variants.js';
import { TargetConfig } from '../../redteam/targets/config.js';

/**
 * `redteam:` in beian.yaml — what `beian redteam run --config beian.yaml` runs. Bank and keyword
 * paths are relative to the config file. Keys are named by environment variable only.
 */
export const RedteamSection = z
  .object({
    targets: z.array(TargetConfig).min(1),
    banks: z.array(z.string().min(1)).min(1),
    variants: z.array(z.enum(VARIANT_STRATEGIES)).optional(),
    /** original questions per bank, sampled deterministically */
    sample: z.number().int().positive().optional(),
    seed: z.string().optional(),
    /** keyword list for the keyword judge: one term per line, optional TAB category */
    keywords: z.string().optional(),
    /** LLM-as-judge target */
    judge: TargetConfig.optional(),
  })
  .strict();
export type RedteamSection = z.infer<typeof RedteamSection>;
