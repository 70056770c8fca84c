import type { BeianErrorCode } from '../errors.js';
import type { ExitCode } from './context.js';

/**
 * The one mapping from outcomes to exit codes.
 * 0 ok · 1 a compliance threshold failed / a required filing is missing · 2 bad usage or bad input ·
 * 3 the environment or a remote target failed · 70 an internal error (a bug).
 */
export const EXIT = { ok: 0, complianceFailed: 1, badInput: 2, environment: 3, internal: 70 } as const;

export const exitCodeFor: Record<BeianErrorCode, ExitCode> = {
  USAGE: EXIT.badInput,
  INPUT_INVALID: EXIT.badInput,
  CONFIG_INVALID: EXIT.badInput,
  NOT_FOUND: EXIT.badInput,
  CONFLICT: EXIT.badInput,
  UNAUTHORIZED: EXIT.badInput,
  ENVIRONMENT: EXIT.environment,
  TARGET_FAILED: EXIT.environment,
  INTEGRITY: EXIT.complianceFailed,
  INTERNAL: EXIT.internal,
};
