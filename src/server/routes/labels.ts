import { labelOverview } from '../../app/label/save.js';
import { labelsPage } from '../pages/labels.js';
import { pageCtx, type Routes, routes } from './shared.js';

/** The latest `beian label check` per service, with its failing files. */
export const labelRoutes: Routes = (deps) =>
  routes().get('/labels', async (c) => c.html(labelsPage(pageCtx(c, deps), await labelOverview(deps.store))));
