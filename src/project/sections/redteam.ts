import { z } from 'zod';
import { ATTACKS } from '../../redteam/attacks/types.js';
import { VARIANT_STRATEGIES } from '../../redteam/banks/variants.js';
import { GUARD_FORMATS } from '../../redteam/judges/guard.js';
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
    /** guard-model judge: a safety classifier (Qwen3Guard, Llama Guard, ShieldLM) behind an OpenAI-compatible endpoint */
    guard: z
      .object({ target: TargetConfig, format: z.enum(GUARD_FORMATS).default('auto') })
      .strict()
      .optional(),
    /** attacks driven by an attacker model: Crescendo escalation, PAIR refinement */
    attacks: z
      .object({
        kinds: z.array(z.enum(ATTACKS)).min(1),
        attacker: TargetConfig,
        maxTurns: z.number().int().min(1).max(50).default(5),
        maxCalls: z.number().int().min(2).max(200).default(12),
      })
      .strict()
      .optional(),
    /** category maps for the banks' labels (data/banks/maps format), relative to this file */
    maps: z.array(z.string().min(1)).optional(),
  })
  .strict();
export type RedteamSection = z.infer<typeof RedteamSection>;
