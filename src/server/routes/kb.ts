import { BeianError } from '../../errors.js';
import { kbItems } from '../../kb/index.js';
import { kbItemPage, kbListPage } from '../pages/kb.js';
import { pageCtx, type Routes, routes } from './shared.js';

/** The knowledge base: search and one item with its citation. */
export const kbRoutes: Routes = (deps) =>
  routes()
    .get('/kb', (c) => c.html(kbListPage(pageCtx(c, deps), deps.kb, c.req.query('q') ?? '')))
    .get('/kb/:id', (c) => {
      const id = c.req.param('id');
      const item = kbItems(deps.kb).find((i) => i.id === id);
      if (!item) throw BeianError.of('NOT_FOUND', 'web.error.noKbItem', { id });
      return c.html(kbItemPage(pageCtx(c, deps), item));
    });
