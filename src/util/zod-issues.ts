import type { z } from 'zod';
import type { Issue } from '../errors.js';

/** Converts zod issues into located issues with a dotted field path (`services[2].answers.model`). */
export function zodIssues(error: z.ZodError, file?: string): Issue[] {
  return error.issues.map((i) => {
    const path = i.path
      .map((p, n) => (typeof p === 'number' ? `[${p}]` : `${n === 0 ? '' : '.'}${String(p)}`))
      .join('');
    return { ...(file === undefined ? {} : { file }), path, message: i.message };
  });
}
