import { BeianError } from '../../errors.js';
import { type Routes, routes } from './shared.js';

/**
 * A queued run's batches by state as JSON, for scripts and monitoring; the run page shows the same
 * counts. Without `--queue` the dashboard runs without Redis and this answers 404.
 */
export const jobsRoutes: Routes = (deps) =>
  routes().get('/redteam/:run/jobs', async (c) => {
    const id = c.req.param('run');
    if (!deps.jobs) throw BeianError.of('NOT_FOUND', 'server.jobs.off');
    const jobs = await deps.jobs.runJobs(id);
    if (!jobs) throw BeianError.of('NOT_FOUND', 'server.jobs.none');
    return c.json({ runId: id, jobs });
  });
