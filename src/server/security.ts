import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie } from 'hono/cookie';
import { type MessageKey, translator } from '../i18n/index.js';
import type { ServerDeps } from './deps.js';
import { requestLang } from './lang.js';

export type Role = 'viewer' | 'editor';

/** How the request proved who it is: a bearer header, the browser's cookie, or nothing (no token set). */
export type Credential = 'bearer' | 'cookie' | 'none';

export interface Env {
  Variables: { role: Role; csrf: string; credential: Credential };
}

/** Strict CSP: no scripts at all, styles only from our own stylesheet, no framing, forms post home. */
export const CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('Content-Security-Policy', CSP);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('X-Frame-Options', 'DENY');
  // same-origin, not no-referrer: with no-referrer Chromium sends `Origin: null` on form posts,
  // which the CSRF origin check must refuse.
  c.header('Referrer-Policy', 'same-origin');
  c.header('Cross-Origin-Opener-Policy', 'same-origin');
  c.header('Cache-Control', 'no-store');
};

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function hostname(hostHeader: string | undefined): string {
  if (!hostHeader) return '';
  if (hostHeader.startsWith('[')) return hostHeader.slice(0, hostHeader.indexOf(']') + 1);
  return hostHeader.split(':')[0] ?? '';
}

/**
 * Authentication on every request (except /healthz, which reveals nothing): a bearer token, or the
 * HttpOnly SameSite=Strict cookie set when a browser first opens `/?token=…`. With no token
 * configured (loopback only, enforced by `beian serve`) the single local user is an editor.
 */
export function authenticate(deps: ServerDeps): MiddlewareHandler<Env> {
  const { editorToken, viewerToken } = deps.auth;
  const secret = deps.secret ?? '';
  return async (c, next) => {
    if (deps.loopbackOnly && !LOOPBACK_HOSTS.has(hostname(c.req.header('host')))) {
      return c.text('Forbidden host', 403);
    }
    if (c.req.path === '/healthz') return next();
    let role: Role | undefined;
    let credential: Credential = 'none';
    if (!editorToken && !viewerToken) role = 'editor';
    else {
      const auth = c.req.header('authorization');
      const query = c.req.query('token');
      credential = auth?.startsWith('Bearer ') ? 'bearer' : 'cookie';
      const presented = auth?.startsWith('Bearer ') ? auth.slice(7) : (query ?? getCookie(c, 'beian_token'));
      if (presented && editorToken && same(presented, editorToken)) role = 'editor';
      else if (presented && viewerToken && same(presented, viewerToken)) role = 'viewer';
      if (role && query) {
        // Move the token from the URL into a cookie and drop it from the address bar and history.
        setCookie(c, 'beian_token', query, { httpOnly: true, sameSite: 'Strict', path: '/' });
        const url = new URL(c.req.url);
        url.searchParams.delete('token');
        return c.redirect(`${url.pathname}${url.search}`, 303);
      }
    }
    if (!role)
      return c.text(
        'Unauthorized: pass the token as Authorization: Bearer <token> or open /?token=<token>',
        401,
      );
    c.set('role', role);
    c.set('credential', credential);
    c.set('csrf', createHmac('sha256', secret).update(`csrf:${role}`).digest('hex'));
    return next();
  };
}

export function requireEditor(c: Context<Env>): Response | undefined {
  if (c.get('role') !== 'editor') return c.text('Forbidden: this token is read-only (viewer)', 403);
  return undefined;
}

/**
 * CSRF on every form POST: the hidden token must match (an attacker's page cannot read it), and
 * a browser's Origin, when sent, must be this server.
 */
export function checkCsrf(c: Context<Env>, form: Record<string, unknown>): Response | undefined {
  const origin = c.req.header('origin');
  if (origin && origin !== 'null') {
    try {
      if (new URL(origin).host !== c.req.header('host')) return c.text('Forbidden: cross-origin form', 403);
    } catch {
      return c.text('Forbidden: bad origin', 403);
    }
  } else if (origin === 'null') return c.text('Forbidden: opaque origin', 403);
  const token = typeof form._csrf === 'string' ? form._csrf : '';
  if (!same(token, c.get('csrf'))) return c.text('Forbidden: missing or invalid CSRF token', 403);
  return undefined;
}

/** The media type of a Content-Type header, without parameters: `text/plain; charset=x` → `text/plain`. */
export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** A refusal in the request's language, as text for pages and as the API's JSON error shape. */
function refuse(
  c: Context<Env>,
  deps: Pick<ServerDeps, 'lang'>,
  status: 401 | 403 | 413 | 415,
  key: MessageKey,
) {
  const message = translator(requestLang(c, deps.lang))(key);
  return c.req.path.startsWith('/api/')
    ? c.json({ error: { code: status === 401 ? 'UNAUTHORIZED' : 'USAGE', message } }, status)
    : c.text(message, status);
}

/** A browser's Origin, when sent, must be this server; `null` (sandboxed or opaque) never is. */
function crossOrigin(c: Context<Env>): boolean {
  const origin = c.req.header('origin');
  if (origin === undefined) return false;
  try {
    return origin === 'null' || new URL(origin).host !== c.req.header('host');
  } catch {
    return true;
  }
}

const reads = (method: string): boolean => method === 'GET' || method === 'HEAD' || method === 'OPTIONS';

/**
 * Every state-changing request, before its body is read: a cross-site page can post forms and
 * "simple" fetches (text/plain, no-cors) but cannot forge Origin. Checked first, so a refused
 * request never gets to upload anything.
 */
export function refuseCrossOrigin(deps: Pick<ServerDeps, 'lang'>): MiddlewareHandler<Env> {
  return async (c, next) => {
    if (reads(c.req.method) || !crossOrigin(c)) return next();
    return refuse(c, deps, 403, 'web.error.crossOrigin');
  };
}

/**
 * The JSON API: exactly `application/json` (which a cross-site page can only send after a CORS
 * preflight this server never grants), and, when tokens are configured, the bearer header: the
 * browser's cookie is sent along on cross-site requests from the same host, a header is not.
 */
export function jsonApi(deps: Pick<ServerDeps, 'lang' | 'auth'>): MiddlewareHandler<Env> {
  const tokens = Boolean(deps.auth.editorToken || deps.auth.viewerToken);
  return async (c, next) => {
    if (reads(c.req.method)) return next();
    if (mediaType(c.req.header('content-type')) !== 'application/json')
      return refuse(c, deps, 415, 'web.error.needJson');
    if (tokens && c.get('credential') !== 'bearer') return refuse(c, deps, 401, 'web.error.bearerOnly');
    return next();
  };
}

/** Caps a request body before it is buffered (Content-Length, or counted while streaming). */
export function limitBody(deps: Pick<ServerDeps, 'lang'>, maxBytes: number): MiddlewareHandler<Env> {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: (c) => refuse(c as Context<Env>, deps, 413, 'web.error.tooLarge'),
  });
  return (c, next) => (reads(c.req.method) ? next() : limit(c, next));
}
