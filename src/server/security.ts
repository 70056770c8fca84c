import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { ServerDeps } from './deps.js';

export type Role = 'viewer' | 'editor';

export interface Env {
  Variables: { role: Role; csrf: string };
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
    if (!editorToken && !viewerToken) role = 'editor';
    else {
      const auth = c.req.header('authorization');
      const query = c.req.query('token');
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
