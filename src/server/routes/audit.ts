import { auditTrail, verifyTrail } from '../../app/filings/dashboard.js';
import { auditPage } from '../pages/audit.js';
import { pageCtx, type Routes, routes } from './shared.js';

/** The tamper-evident audit log and its verification. */
export const auditRoutes: Routes = (deps) =>
  routes()
    .get('/audit', async (c) => {
      const { entries, problems, total } = await auditTrail(deps.store);
      return c.html(auditPage(pageCtx(c, deps), entries, problems, total));
    })
    .get('/api/audit/verify', async (c) => c.json(await verifyTrail(deps.store)));
