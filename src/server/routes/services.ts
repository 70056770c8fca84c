import { serviceDetail } from '../../app/filings/dashboard.js';
import { Answers } from '../../assess/questionnaire.js';
import { BeianError } from '../../errors.js';
import { servicePage } from '../pages/service.js';
import { pageCtx, type Routes, routes } from './shared.js';

/** One service: its filings, deadlines, determination, red-team runs and scans. */
export const serviceRoutes: Routes = (deps) =>
  routes().get('/services/:id', async (c) => {
    const id = c.req.param('id');
    const detail = await serviceDetail(deps.store, deps.kb, id, deps.clock());
    if (!detail) throw BeianError.of('NOT_FOUND', 'web.error.noService', { id });
    const answers = Answers.safeParse(JSON.parse(detail.service.answersJson));
    const determination =
      deps.assess && answers.success
        ? deps.assess({ id, name: detail.service.name, answers: answers.data })
        : undefined;
    const [runs, scans] = await Promise.all([
      deps.redteam?.listRuns(id) ?? [],
      deps.scans?.listScans(id) ?? [],
    ]);
    return c.html(servicePage(pageCtx(c, deps), deps.kb, { ...detail, determination, runs, scans }));
  });
