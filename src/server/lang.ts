import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { isLang, type Lang } from '../i18n/index.js';

/** The request's language: `?lang=` (remembered in a cookie), the cookie, else the server's default. */
export function requestLang(c: Context, fallback: Lang): Lang {
  const q = c.req.query('lang');
  if (isLang(q)) {
    setCookie(c, 'beian_lang', q, { sameSite: 'Strict', path: '/' });
    return q;
  }
  const cookie = getCookie(c, 'beian_lang');
  return isLang(cookie) ? cookie : fallback;
}
