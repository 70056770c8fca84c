import type { z } from 'zod';
import { BeianError, type BeianErrorCode, type Issue } from '../errors.js';
import { type MessageKey, type MessageParams, translator } from '../i18n/index.js';

const english = translator('en');

/** A custom zod issue whose text is in the catalogues: `ctx.addIssue({ ...customIssue(key, params), path })`. */
export function customIssue(key: MessageKey, params: Record<string, string | number> = {}) {
  return { code: 'custom' as const, message: english(key, params), params: { key, ...params } };
}

const list = (xs: readonly unknown[]) => xs.map((x) => JSON.stringify(x)).join(', ');

/** The catalogue key and params of a zod issue; zod's English message stays as `message`. */
function keyOf(i: z.core.$ZodIssue): { key: MessageKey; params: MessageParams } {
  switch (i.code) {
    case 'unrecognized_keys':
      return { key: 'zod.unrecognized_keys', params: { keys: list(i.keys) } };
    case 'invalid_type':
      return /received undefined$/.test(i.message)
        ? { key: 'zod.required', params: {} }
        : { key: 'zod.invalid_type', params: { expected: i.expected } };
    case 'invalid_value':
      return { key: 'zod.invalid_value', params: { values: list(i.values) } };
    case 'too_small':
      return { key: 'zod.too_small', params: { minimum: String(i.minimum) } };
    case 'too_big':
      return { key: 'zod.too_big', params: { maximum: String(i.maximum) } };
    case 'invalid_format':
      return { key: 'zod.invalid_format', params: { format: i.format } };
    case 'custom': {
      // a schema may name its own catalogue message: { params: { key, ...params } }
      const own = (i as { params?: Record<string, unknown> }).params;
      if (typeof own?.key === 'string') {
        const { key, ...rest } = own;
        return {
          key: key as MessageKey,
          params: Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, String(v)])),
        };
      }
      return { key: 'zod.custom', params: {} };
    }
    default:
      return { key: 'zod.other', params: {} };
  }
}

/** Converts zod issues into located issues with a dotted field path (`services[2].answers.model`). */
export function zodIssues(error: z.ZodError, file?: string): Issue[] {
  return error.issues.map((i) => {
    const path = i.path
      .map((p, n) => (typeof p === 'number' ? `[${p}]` : `${n === 0 ? '' : '.'}${String(p)}`))
      .join('');
    return { ...(file === undefined ? {} : { file }), path, message: i.message, ...keyOf(i) };
  });
}

/**
 * `value` validated by `schema`, or a `BeianError.of(code, key, { file })` whose issues name every
 * field zod refused, located in `file`.
 */
export function validated<S extends z.ZodType>(
  schema: S,
  value: unknown,
  file: string,
  code: BeianErrorCode,
  key: MessageKey,
): z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw BeianError.of(code, key, { file }, { issues: zodIssues(r.error, file) });
}

/** `value` validated by `schema`, or undefined with its issues added to `issues` (readers that report every bad file together). */
export function validatedInto<S extends z.ZodType>(
  schema: S,
  value: unknown,
  file: string,
  issues: Issue[],
): z.infer<S> | undefined {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  issues.push(...zodIssues(r.error, file));
  return undefined;
}
