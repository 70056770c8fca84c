import { checkReview } from '../../app/redteam/review.js';
import { BeianError } from '../../errors.js';
import type { Verdict } from '../deps.js';
import { redteamListPage, redteamRunPage } from '../pages/redteam.js';
import { editorForm, pageCtx, type Routes, routes } from './shared.js';

/** Results per page of a run: a run of thousands of cases renders one page, never all of it. */
export const PAGE_SIZE = 50;

/** Red-team runs and the human override of a verdict (the review use case, as `beian redteam review`). */
export const redteamRoutes: Routes = (deps) =>
  routes()
    .get('/redteam', async (c) =>
      c.html(redteamListPage(pageCtx(c, deps), (await deps.redteam?.listRuns()) ?? [])),
    )
    .get('/redteam/:run', async (c) => {
      const id = c.req.param('run');
      const pageNo = Math.max(1, Math.floor(Number(c.req.query('page') ?? '1')) || 1);
      const query = {
        verdict: c.req.query('verdict') || undefined,
        risk: c.req.query('risk') || undefined,
        offset: (pageNo - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
      };
      const r = await deps.redteam?.getRun(id, query);
      if (!r) throw BeianError.of('NOT_FOUND', 'web.error.noRun', { id });
      const jobs = deps.jobs ? await deps.jobs.runJobs(id) : 'off';
      return c.html(
        redteamRunPage(pageCtx(c, deps), r.run, r.results, {
          ...query,
          page: pageNo,
          total: r.total,
          facets: r.facets,
          jobs,
        }),
      );
    })
    .post('/redteam/:run/results/:result/override', async (c) => {
      const form = await editorForm(c);
      if (form instanceof Response) return form;
      if (!deps.redteam) throw BeianError.of('NOT_FOUND', 'web.error.noRedteam');
      const review = {
        outcome: String(form.verdict ?? ''),
        comment: String(form.comment ?? '').trim(),
        reviewer: String(form.by ?? '').trim(),
        requireComment: true,
      };
      checkReview(review);
      const run = c.req.param('run');
      await deps.redteam.overrideVerdict(run, c.req.param('result'), {
        verdict: review.outcome as Verdict,
        comment: review.comment,
        actor: review.reviewer,
        at: deps.clock().toISOString(),
      });
      // back to the page the reviewer was on (same filter and page)
      const back = new URL(c.req.header('referer') ?? '/', 'http://x');
      const keep = back.pathname === `/redteam/${encodeURIComponent(run)}` ? back.search : '';
      return c.redirect(`/redteam/${encodeURIComponent(run)}${keep}`, 303);
    });
