import { guardSummary } from '../../app/guard/records.js';
import { guardPage } from '../pages/guard.js';
import { pageCtx, type Routes, routes } from './shared.js';

/** What `beian guard` intercepted: per day and risk, top keywords, suspended users. */
export const guardRoutes: Routes = (deps) =>
  routes()
    .get('/guard', async (c) =>
      c.html(guardPage(pageCtx(c, deps), await guardSummary(deps.store, deps.clock()))),
    )
    .get('/api/guard', async (c) => c.json(await guardSummary(deps.store, deps.clock())));
