import { randomBytes } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { isoDay as day, deadlinesFor } from '../app/registry/registry.js';
import { Answers } from '../assess/questionnaire.js';
import { BeianError, type BeianErrorCode, isBeianError } from '../errors.js';
import { isLang, type Lang, translator } from '../i18n/index.js';
import { kbItems } from '../kb/index.js';
import { deadlinesToIcs } from '../registry/ics.js';
import {
  appendAudit,
  attachEvidence,
  countAudit,
  getFiling,
  listEvidence,
  listFilings,
  listServices,
  listTransitions,
  readAudit,
  readEvidence,
  transitionFiling,
  verifyAudit,
} from '../store/registry/index.js';
import type { ServerDeps, Verdict } from './deps.js';
import { type PageCtx, STYLES } from './layout.js';
import { answersFromForm, assessPage } from './pages/assess.js';
import { auditPage } from './pages/audit.js';
import { filingPage } from './pages/filing.js';
import { kbItemPage, kbListPage } from './pages/kb.js';
import { overviewPage } from './pages/overview.js';
import { redteamListPage, redteamRunPage } from './pages/redteam.js';
import { servicePage } from './pages/service.js';
import { authenticate, checkCsrf, type Env, requireEditor, securityHeaders } from './security.js';

/** BeianError codes → HTTP statuses, in exactly one place (the CLI has its own map to exit codes). */
const STATUS: Record<BeianErrorCode, 400 | 401 | 404 | 409 | 500 | 503> = {
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

/** The dashboard: an app factory over explicit dependencies (store, KB, clock, auth, sources). */
export function createApp(deps: ServerDeps): Hono<Env> {
  const secret = deps.secret ?? randomBytes(32).toString('hex');
  const app = new Hono<Env>();
  const db = deps.store.db;

  const pageCtx = (c: Context<Env>): PageCtx => {
    const q = c.req.query('lang');
    const cookie = getCookie(c, 'beian_lang');
    let lang: Lang = deps.lang;
    if (isLang(q)) {
      lang = q;
      setCookie(c, 'beian_lang', q, { sameSite: 'Strict', path: '/' });
    } else if (isLang(cookie)) lang = cookie;
    return { lang, t: translator(lang), role: c.get('role'), csrf: c.get('csrf'), path: c.req.path };
  };

  /** An editor's form post with a valid CSRF token, or the refusal to send back. */
  const editorForm = async (c: Context<Env>) => {
    const denied = requireEditor(c);
    if (denied) return denied;
    const form = await c.req.parseBody();
    return checkCsrf(c, form) ?? form;
  };

  app.use('*', securityHeaders);
  app.use('*', authenticate({ ...deps, secret }));
  app.onError((e, c) => {
    if (isBeianError(e)) return c.json({ error: { code: e.code, message: e.message } }, STATUS[e.code]);
    return c.json({ error: { code: 'INTERNAL', message: 'internal error' } }, 500);
  });
  app.notFound((c) => c.text('Not found', 404));

  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/static/app.css', (c) =>
    c.body(STYLES, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'max-age=3600' }),
  );

  const overviewData = async () => {
    const [services, filings] = await Promise.all([listServices(db), listFilings(db)]);
    return { services, filings, due: deadlinesFor(filings, deps.kb, day(deps.clock())) };
  };

  app.get('/', async (c) => c.html(overviewPage(pageCtx(c), deps.kb, await overviewData())));
  app.get('/api/overview', async (c) => c.json(await overviewData()));
  app.get('/api/deadlines', async (c) => c.json({ due: (await overviewData()).due }));
  app.get('/deadlines.ics', async (c) => {
    const { due } = await overviewData();
    const t = pageCtx(c).t;
    const ics = deadlinesToIcs(due, {
      stamp: deps.clock().toISOString(),
      title: (d) =>
        `${d.overdue ? `[${t('deadlines.overdue')}] ` : ''}${d.serviceName} · ${t(`deadline.event.${d.event}`)}`,
      description: (d) => `${d.filing} (${d.kind})`,
      approximate: t('deadlines.approximate'),
    });
    return c.body(ics, 200, { 'Content-Type': 'text/calendar; charset=utf-8' });
  });

  app.get('/services/:id', async (c) => {
    const p = pageCtx(c);
    const id = c.req.param('id');
    const service = (await listServices(db, { includeInactive: true })).find((s) => s.id === id);
    if (!service) throw new BeianError('NOT_FOUND', `No service "${id}"`);
    const filings = await listFilings(db, { service: id });
    const withTs = await Promise.all(
      filings.map(async (f) => ({ filing: f, transitions: await listTransitions(db, f.id) })),
    );
    const answers = Answers.safeParse(JSON.parse(service.answersJson));
    const determination =
      deps.assess && answers.success
        ? deps.assess({ id, name: service.name, answers: answers.data })
        : undefined;
    const [runs, scans] = await Promise.all([
      deps.redteam?.listRuns(id) ?? [],
      deps.scans?.listScans(id) ?? [],
    ]);
    return c.html(
      servicePage(p, deps.kb, {
        service,
        filings: withTs,
        due: deadlinesFor(filings, deps.kb, day(deps.clock())),
        determination,
        runs,
        scans,
      }),
    );
  });

  const renderFiling = async (
    c: Context<Env>,
    id: string,
    flash?: { ok?: string; error?: string },
    status: 200 | 400 | 404 | 409 = 200,
  ) => {
    const f = await getFiling(db, id);
    const [ts, ev] = await Promise.all([listTransitions(db, id), listEvidence(db, id)]);
    return c.html(
      filingPage(
        pageCtx(c),
        deps.kb,
        f,
        ts,
        ev.map((e) => ({ ...e, size: Number(e.size) })),
        flash,
      ),
      status,
    );
  };

  app.get('/filings/:id', async (c) => {
    const p = pageCtx(c);
    const moved = c.req.query('moved');
    const [from, to] = moved?.split(',') ?? [];
    const ok =
      from && to
        ? p.t('web.filing.moved', {
            from: p.t(`state.${from}` as 'state.filed'),
            to: p.t(`state.${to}` as 'state.filed'),
          })
        : undefined;
    return renderFiling(c, c.req.param('id'), ok ? { ok } : undefined);
  });
  app.get('/api/filings/:id', async (c) => {
    const id = c.req.param('id');
    return c.json({
      filing: await getFiling(db, id),
      transitions: await listTransitions(db, id),
      evidence: await listEvidence(db, id),
    });
  });

  const doTransition = async (id: string, body: Record<string, unknown>) => {
    const str = (k: string) =>
      typeof body[k] === 'string' && (body[k] as string).trim() !== ''
        ? (body[k] as string).trim()
        : undefined;
    const before = await getFiling(db, id);
    const version = str('version');
    const after = await transitionFiling(db, deps.kb, {
      filingId: id,
      to: str('to') ?? '',
      actor: str('by') ?? '',
      reason: str('reason'),
      filingNumber: str('number'),
      evidence: Array.isArray(body.evidence) ? (body.evidence as string[]) : undefined,
      expectedVersion: version === undefined ? undefined : Number(version),
      now: deps.clock().toISOString(),
    });
    return { before, after };
  };

  app.post('/filings/:id/transition', async (c) => {
    const form = await editorForm(c);
    if (form instanceof Response) return form;
    const id = c.req.param('id');
    try {
      const { before, after } = await doTransition(id, form);
      return c.redirect(`/filings/${encodeURIComponent(id)}?moved=${before.state},${after.state}`, 303);
    } catch (e) {
      if (!isBeianError(e) || e.code === 'NOT_FOUND') throw e;
      return renderFiling(
        c,
        id,
        { error: pageCtx(c).t('web.filing.error', { message: e.message }) },
        STATUS[e.code] === 409 ? 409 : 400,
      );
    }
  });

  // JSON API for scripts: bearer token in a header, which a cross-site form cannot send, so no CSRF token.
  app.post('/api/filings/:id/transition', async (c) => {
    const denied = requireEditor(c);
    if (denied) return denied;
    if (!c.req.header('content-type')?.includes('application/json'))
      throw new BeianError('USAGE', 'Send application/json');
    const { after } = await doTransition(c.req.param('id'), await c.req.json());
    return c.json({ filing: after });
  });

  app.post('/filings/:id/evidence', async (c) => {
    const form = await editorForm(c);
    if (form instanceof Response) return form;
    const file = form.file;
    if (!(file instanceof File)) throw new BeianError('INPUT_INVALID', 'No file uploaded');
    const by = typeof form.by === 'string' && form.by.trim() ? form.by.trim() : c.get('role');
    await attachEvidence(db, {
      bytes: new Uint8Array(await file.arrayBuffer()),
      name: file.name || 'upload',
      mediaType: file.type || 'application/octet-stream',
      filingId: c.req.param('id'),
      actor: by,
      ...(typeof form.note === 'string' && form.note ? { note: form.note } : {}),
      now: deps.clock().toISOString(),
    });
    return c.redirect(`/filings/${encodeURIComponent(c.req.param('id'))}`, 303);
  });

  app.get('/evidence/:sha', async (c) => {
    const { meta, bytes } = await readEvidence(db, c.req.param('sha'));
    // Always a download, never rendered: uploaded HTML must not run in our origin.
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(meta.name)}`,
    });
  });

  app.get('/assess', (c) => c.html(assessPage(pageCtx(c), deps.kb)));
  app.post('/assess', async (c) => {
    const form = await c.req.parseBody({ all: true });
    const bad = checkCsrf(c, form as Record<string, unknown>);
    if (bad) return bad;
    const p = pageCtx(c);
    const r = answersFromForm(form);
    if (!r.answers) return c.html(assessPage(p, deps.kb, { id: r.id, name: r.name, issues: r.issues }), 400);
    const determination = deps.assess?.({ id: r.id, name: r.name, answers: r.answers });
    return c.html(
      assessPage(p, deps.kb, {
        id: r.id,
        name: r.name,
        answers: r.answers,
        ...(determination ? { determination } : { engineMissing: true }),
      }),
    );
  });

  app.get('/kb', (c) => c.html(kbListPage(pageCtx(c), deps.kb, c.req.query('q') ?? '')));
  app.get('/kb/:id', (c) => {
    const item = kbItems(deps.kb).find((i) => i.id === c.req.param('id'));
    if (!item) throw new BeianError('NOT_FOUND', `No KB item "${c.req.param('id')}"`);
    return c.html(kbItemPage(pageCtx(c), item));
  });

  app.get('/redteam', async (c) =>
    c.html(redteamListPage(pageCtx(c), (await deps.redteam?.listRuns()) ?? [])),
  );
  app.get('/redteam/:run', async (c) => {
    const r = await deps.redteam?.getRun(c.req.param('run'));
    if (!r) throw new BeianError('NOT_FOUND', `No red-team run "${c.req.param('run')}"`);
    return c.html(redteamRunPage(pageCtx(c), r.run, r.results));
  });
  app.post('/redteam/:run/results/:result/override', async (c) => {
    const form = await editorForm(c);
    if (form instanceof Response) return form;
    if (!deps.redteam) throw new BeianError('NOT_FOUND', 'No red-team source');
    const verdict = String(form.verdict ?? '');
    const comment = String(form.comment ?? '').trim();
    const actor = String(form.by ?? '').trim();
    if (!['pass', 'fail', 'uncertain'].includes(verdict))
      throw new BeianError('INPUT_INVALID', `Unknown verdict "${verdict}"`);
    if (!comment || !actor)
      throw new BeianError('INPUT_INVALID', 'An override needs a comment and who makes it');
    const at = deps.clock().toISOString();
    const run = c.req.param('run');
    const result = c.req.param('result');
    await deps.redteam.overrideVerdict(run, result, { verdict: verdict as Verdict, comment, actor, at });
    await db.transaction().execute((trx) =>
      appendAudit(trx, {
        at,
        actor,
        action: 'redteam.override',
        subject: `${run}/${result}`,
        details: { verdict, comment },
      }),
    );
    return c.redirect(`/redteam/${encodeURIComponent(run)}`, 303);
  });

  app.get('/audit', async (c) => {
    const v = await verifyAudit(db);
    const total = await countAudit(db);
    const entries = await readAudit(db, { limit: 500, offset: Math.max(0, total - 500) });
    return c.html(auditPage(pageCtx(c), entries.reverse(), v.problems, total));
  });
  app.get('/api/audit/verify', async (c) => c.json(await verifyAudit(db)));

  return app;
}
