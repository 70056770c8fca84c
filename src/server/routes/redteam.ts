import { checkReview } from '../../app/redteam/review.js';
import { BeianError } from '../../errors.js';
import type { Verdict } from '../deps.js';
import { redteamListPage, redteamRunPage } from '../pages/redteam.js';
import { editorForm, pageCtx, type Routes, routes } from './shared.js';

/** Red-team runs and the human override of a verdict (the review use case, as `beian redteam review`). */
export const redteamRoutes: Routes = (deps) =>
  routes()
    .get('/redteam', async (c) =>
      c.html(redteamListPage(pageCtx(c, deps), (await deps.redteam?.listRuns()) ?? [])),
    )
    .get('/redteam/:run', async (c) => {
      const id = c.req.param('run');
      const r = await deps.redteam?.getRun(id);
      if (!r) throw BeianError.of('NOT_FOUND', 'web.error.noRun', { id });
      return c.html(redteamRunPage(pageCtx(c, deps), r.run, r.results));
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
      return c.redirect(`/redteam/${encodeURIComponent(run)}`, 303);
    });
