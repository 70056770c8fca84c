import type { JobCounts } from '../deps.js';
import { h, type SafeHtml } from '../html.js';
import type { PageCtx } from '../layout.js';

const STATES = ['waiting', 'active', 'completed', 'failed', 'lost'] as const;

/** A queued run's batches by state; a note when the run has none or no queue is configured. */
export function jobsPanel(p: PageCtx, jobs: JobCounts | 'off' | undefined): SafeHtml {
  const title = h`<h2>${p.t('server.jobs.title')}</h2>`;
  if (jobs === 'off')
    return h`<section id="queue-jobs">${title}<p class="muted">${p.t('server.jobs.off')}</p></section>`;
  if (!jobs)
    return h`<section id="queue-jobs">${title}<p class="muted">${p.t('server.jobs.none')}</p></section>`;
  return h`<section id="queue-jobs">${title}<table><tbody>${STATES.map(
    (s) =>
      h`<tr data-state="${s}"><th>${p.t(`server.jobs.${s}`)}</th><td${s === 'failed' && jobs.failed ? h` class="rejected"` : ''}>${String(jobs[s])}</td></tr>`,
  )}</tbody></table></section>`;
}
