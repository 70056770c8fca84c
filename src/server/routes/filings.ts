import type { Context } from 'hono';
import { downloadEvidence, filingDetail, moveFiling, uploadEvidence } from '../../app/filings/dashboard.js';
import { BeianError, isBeianError, localMessage } from '../../errors.js';
import { filingPage } from '../pages/filing.js';
import { type Env, requireEditor } from '../security.js';
import { editorForm, pageCtx, type Routes, routes, STATUS } from './shared.js';

/** A filing's page and JSON, its lifecycle transitions and its evidence (upload, download). */
export const filingRoutes: Routes = (deps) => {
  const render = async (
    c: Context<Env>,
    id: string,
    flash?: { ok?: string; error?: string },
    status: 200 | 400 | 404 | 409 = 200,
  ) => {
    const { filing, transitions, evidence } = await filingDetail(deps.store, id);
    const ev = evidence.map((e) => ({ ...e, size: Number(e.size) }));
    return c.html(filingPage(pageCtx(c, deps), deps.kb, filing, transitions, ev, flash), status);
  };
  const move = (id: string, body: Record<string, unknown>) =>
    moveFiling(deps.store, deps.kb, id, body, deps.clock());

  return (
    routes()
      .get('/filings/:id', async (c) => {
        const p = pageCtx(c, deps);
        const [from, to] = c.req.query('moved')?.split(',') ?? [];
        const ok =
          from && to
            ? p.t('web.filing.moved', {
                from: p.t(`state.${from}` as 'state.filed'),
                to: p.t(`state.${to}` as 'state.filed'),
              })
            : undefined;
        return render(c, c.req.param('id'), ok ? { ok } : undefined);
      })
      .get('/api/filings/:id', async (c) => c.json(await filingDetail(deps.store, c.req.param('id'))))
      .post('/filings/:id/transition', async (c) => {
        const form = await editorForm(c);
        if (form instanceof Response) return form;
        const id = c.req.param('id');
        try {
          const { before, after } = await move(id, form);
          return c.redirect(`/filings/${encodeURIComponent(id)}?moved=${before.state},${after.state}`, 303);
        } catch (e) {
          if (!isBeianError(e) || e.code === 'NOT_FOUND') throw e;
          const p = pageCtx(c, deps);
          return render(
            c,
            id,
            { error: p.t('web.filing.error', { message: localMessage(e, p.t) }) },
            STATUS[e.code] === 409 ? 409 : 400,
          );
        }
      })
      // JSON API for scripts: bearer token in a header, which a cross-site form cannot send, so no CSRF token.
      .post('/api/filings/:id/transition', async (c) => {
        const denied = requireEditor(c);
        if (denied) return denied;
        // media type, Origin and bearer token are checked for every /api route (security.ts jsonApi)
        const { after } = await move(c.req.param('id'), await c.req.json());
        return c.json({ filing: after });
      })
      .post('/filings/:id/evidence', async (c) => {
        const form = await editorForm(c);
        if (form instanceof Response) return form;
        const file = form.file;
        if (!(file instanceof File)) throw BeianError.of('INPUT_INVALID', 'web.error.noFile');
        const by = typeof form.by === 'string' && form.by.trim() ? form.by.trim() : c.get('role');
        await uploadEvidence(deps.store, {
          bytes: new Uint8Array(await file.arrayBuffer()),
          name: file.name || 'upload',
          mediaType: file.type || 'application/octet-stream',
          filingId: c.req.param('id'),
          actor: by,
          ...(typeof form.note === 'string' && form.note ? { note: form.note } : {}),
          now: deps.clock().toISOString(),
        });
        return c.redirect(`/filings/${encodeURIComponent(c.req.param('id'))}`, 303);
      })
      .get('/evidence/:sha', async (c) => {
        const { meta, bytes } = await downloadEvidence(deps.store, c.req.param('sha'));
        // Always a download, never rendered: uploaded HTML must not run in our origin.
        return c.body(new Uint8Array(bytes), 200, {
          'Content-Type': 'application/octet-stream',
          'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(meta.name)}`,
        });
      })
  );
};
