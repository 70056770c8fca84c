import { z } from 'zod';

const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dot, dash, underscore');
const EnvName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'the NAME of an environment variable, not the key itself');

/** Limits shared by every target type. */
const Limits = {
  concurrency: z.number().int().min(1).max(1024).default(8),
  rpm: z.number().positive().optional(),
  timeoutMs: z.number().int().positive().default(60_000),
  retries: z.number().int().min(0).max(20).default(4),
  maxResponseBytes: z
    .number()
    .int()
    .positive()
    .default(8 * 1024 * 1024),
};

/** Model parameters that change the answer: part of the cache key. */
const Params = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({});

/**
 * A target as written in beian.yaml (`redteam.targets`) or built from CLI flags. Keys are read
 * from the environment variable NAMED here at run time; config files, logs, the database and
 * reports never hold the key itself.
 */
export const OpenAiTargetConfig = z
  .object({
    type: z.literal('openai'),
    id: Id.optional(),
    baseUrl: z.url(),
    model: z.string().min(1),
    apiKeyEnv: EnvName.optional(),
    system: z.string().optional(),
    params: Params,
    ...Limits,
  })
  .strict();

export const HttpTargetConfig = z
  .object({
    type: z.literal('http'),
    id: Id.optional(),
    url: z.url(),
    method: z.enum(['POST', 'PUT', 'GET']).default('POST'),
    /** header values may contain {{env.NAME}}, filled from the environment at run time */
    headers: z.record(z.string(), z.string()).default({}),
    /** JSON body; strings may contain {{prompt}}; a string equal to "{{messages}}" becomes the message list */
    body: z.unknown(),
    /** where the answer is in the JSON reply, e.g. `data.answer` or `choices[0].message.content` */
    responsePath: z.string().min(1),
    model: z.string().default('http'),
    params: Params,
    ...Limits,
  })
  .strict();

export const ScriptTargetConfig = z
  .object({
    type: z.literal('script'),
    id: Id.optional(),
    /** the program; it receives {"prompt","messages"} as JSON on stdin and prints the answer on stdout */
    command: z.string().min(1),
    args: z.array(z.string()).default([]),
    model: z.string().default('script'),
    params: Params,
    ...Limits,
  })
  .strict();

export const TargetConfig = z.discriminatedUnion('type', [
  OpenAiTargetConfig,
  HttpTargetConfig,
  ScriptTargetConfig,
]);
export type TargetConfig = z.infer<typeof TargetConfig>;
export type OpenAiTargetConfig = z.infer<typeof OpenAiTargetConfig>;
export type HttpTargetConfig = z.infer<typeof HttpTargetConfig>;
export type ScriptTargetConfig = z.infer<typeof ScriptTargetConfig>;

/** A stable id for a target when the config gives none. */
export function targetId(c: TargetConfig): string {
  if (c.id) return c.id;
  if (c.type === 'openai') return `openai:${c.model}`;
  return `${c.type}:${c.model}`;
}
