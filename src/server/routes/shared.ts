import { type Context, Hono } from 'hono';
import type { BeianErrorCode } from '../../errors.js';
import { translator } from '../../i18n/index.js';
import type { ServerDeps } from '../deps.js';
import { requestLang } from '../lang.js';
import type { PageCtx } from '../layout.js';
import { checkCsrf, type Env, requireEditor } from '../security.js';

/** BeianError codes → HTTP statuses, in exactly one place (the CLI has its own map to exit codes). */
export const STATUS: Record<BeianErrorCode, 400 | 401 | 404 | 409 | 500 | 503> = {
  USAGE: 400,
  INPUT_INVALID: 400,
  CONFIG_INVALID: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNAUTHORIZED: 401,
  ENVIRONMENT: 503,
  TARGET_FAILED: 503,
  INTEGRITY: 409,
  INTERNAL: 500,
};

/** A route module: a function of the dependencies returning a Hono app, joined with `app.route()`. */
export type Routes = (deps: ServerDeps) => Hono<Env>;

export const routes = () => new Hono<Env>();

/** The request's language: `?lang=` (remembered in a cookie), else the cookie, else the server default. */

export function pageCtx(c: Context<Env>, deps: Pick<ServerDeps, 'lang'>): PageCtx {
  const lang = requestLang(c, deps.lang);
  return { lang, t: translator(lang), role: c.get('role'), csrf: c.get('csrf'), path: c.req.path };
}

/** An editor's form post with a valid CSRF token, or the refusal to send back. */
export async function editorForm(c: Context<Env>) {
  const denied = requireEditor(c);
  if (denied) return denied;
  const form = await c.req.parseBody();
  return checkCsrf(c, form) ?? form;
}

export { requestLang };
