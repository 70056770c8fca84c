import { overview } from '../../app/filings/dashboard.js';
import { deadlinesToIcs } from '../../filings/ics.js';
import { overviewPage } from '../pages/overview.js';
import { pageCtx, type Routes, routes } from './shared.js';

/** The portfolio overview, its JSON and the deadline calendar. */
export const overviewRoutes: Routes = (deps) => {
  const data = () => overview(deps.store, deps.kb, deps.clock());
  return routes()
    .get('/', async (c) => c.html(overviewPage(pageCtx(c, deps), deps.kb, await data(), c.req.query())))
    .get('/api/overview', async (c) => c.json(await data()))
    .get('/api/deadlines', async (c) => c.json({ due: (await data()).due }))
    .get('/deadlines.ics', async (c) => {
      const { due } = await data();
      const t = pageCtx(c, deps).t;
      const ics = deadlinesToIcs(due, {
        stamp: deps.clock().toISOString(),
        title: (d) =>
          `${d.overdue ? `[${t('deadlines.overdue')}] ` : ''}${d.serviceName} · ${t(`deadline.event.${d.event}`)}`,
        description: (d) => `${d.filing} (${d.kind})`,
        approximate: t('deadlines.approximate'),
      });
      return c.body(ics, 200, { 'Content-Type': 'text/calendar; charset=utf-8' });
    });
};
