import { answersFromForm, assessPage } from '../pages/assess.js';
import { checkCsrf } from '../security.js';
import { pageCtx, type Routes, routes } from './shared.js';

/** The applicability questionnaire and its determination (the same engine as `beian assess`). */
export const assessRoutes: Routes = (deps) =>
  routes()
    .get('/assess', (c) => c.html(assessPage(pageCtx(c, deps), deps.kb)))
    .post('/assess', async (c) => {
      const form = await c.req.parseBody({ all: true });
      const bad = checkCsrf(c, form as Record<string, unknown>);
      if (bad) return bad;
      const p = pageCtx(c, deps);
      const r = answersFromForm(form);
      if (!r.answers)
        return c.html(assessPage(p, deps.kb, { id: r.id, name: r.name, issues: r.issues }), 400);
      const determination = deps.assess?.({ id: r.id, name: r.name, answers: r.answers });
      return c.html(
        assessPage(p, deps.kb, {
          id: r.id,
          name: r.name,
          answers: r.answers,
          ...(determination ? { determination } : { engineMissing: true }),
        }),
      );
    });
