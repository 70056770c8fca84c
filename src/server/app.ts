import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { isBeianError, localMessage } from '../errors.js';
import { translator } from '../i18n/index.js';
import type { ServerDeps } from './deps.js';
import { STYLES } from './layout.js';
import { assessRoutes } from './routes/assess.js';
import { auditRoutes } from './routes/audit.js';
import { filingRoutes } from './routes/filings.js';
import { guardRoutes } from './routes/guard.js';
import { jobsRoutes } from './routes/jobs.js';
import { kbRoutes } from './routes/kb.js';
import { labelRoutes } from './routes/labels.js';
import { overviewRoutes } from './routes/overview.js';
import { redteamRoutes } from './routes/redteam.js';
import { serviceRoutes } from './routes/services.js';
import { requestLang, STATUS } from './routes/shared.js';
import {
  authenticate,
  type Env,
  jsonApi,
  limitBody,
  refuseCrossOrigin,
  securityHeaders,
} from './security.js';

/** Request body caps (forms and JSON; evidence uploads), overridable through `deps.limits`. */
export const FORM_BYTES = 1 << 20;
export const EVIDENCE_BYTES = 64 << 20;
const EVIDENCE_UPLOAD = /^\/filings\/[^/]+\/evidence$/;

/**
 * The dashboard: an app factory over explicit dependencies (store, KB, clock, auth, sources).
 * Each route module is `(deps) => Hono` and calls use cases; errors leave through the one handler
 * here, translated into the request's language.
 */
export function createApp(deps: ServerDeps): Hono<Env> {
  const secret = deps.secret ?? randomBytes(32).toString('hex');
  const app = new Hono<Env>();

  app.use('*', securityHeaders);
  app.use('*', authenticate({ ...deps, secret }));
  // before any body is read: a refused or oversized request never gets buffered
  app.use('*', refuseCrossOrigin(deps));
  const formLimit = limitBody(deps, deps.limits?.formBytes ?? FORM_BYTES);
  const evidenceLimit = limitBody(deps, deps.limits?.evidenceBytes ?? EVIDENCE_BYTES);
  app.use('*', (c, next) => (EVIDENCE_UPLOAD.test(c.req.path) ? evidenceLimit : formLimit)(c, next));
  app.use('/api/*', jsonApi(deps));
  app.onError((e, c) => {
    const t = translator(requestLang(c, deps.lang));
    if (isBeianError(e))
      return c.json({ error: { code: e.code, message: localMessage(e, t) } }, STATUS[e.code]);
    return c.json({ error: { code: 'INTERNAL', message: t('web.error.internal') } }, 500);
  });
  app.notFound((c) => c.text(translator(requestLang(c, deps.lang))('web.error.notFound'), 404));

  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/static/app.css', (c) =>
    c.body(STYLES, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'max-age=3600' }),
  );

  for (const r of [
    overviewRoutes,
    serviceRoutes,
    filingRoutes,
    assessRoutes,
    kbRoutes,
    jobsRoutes,
    redteamRoutes,
    labelRoutes,
    auditRoutes,
    guardRoutes,
  ])
    app.route('/', r(deps));
  return app;
}
