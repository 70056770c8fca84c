import { userInfo } from 'node:os';
import type { CliContext } from './context.js';

/** Who is acting, for the audit trail: --by, then BEIAN_USER, then the system user name. */
export function actorFrom(ctx: CliContext, by: string | undefined): string {
  if (by?.trim()) return by.trim();
  if (ctx.env.BEIAN_USER?.trim()) return ctx.env.BEIAN_USER.trim();
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}
