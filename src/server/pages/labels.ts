import type { MessageKey } from '../../i18n/index.js';
import { h } from '../html.js';
import { type PageCtx, page } from '../layout.js';

/** What the labels page shows: the latest `label check` run per service and its failing files. */
export interface LabelRunView {
  run: {
    id: string;
    createdAt: string;
    service: string | null;
    platform: boolean;
    total: number;
    passed: number;
    failed: number;
    byFormat: Record<string, { total: number; failed: number }>;
    byClass?: Record<string, number> | undefined;
  };
  failures: Array<{
    file: string;
    format: string | null;
    implicitOk: boolean;
    explicit: string;
    issues: Array<{ severity: string; code: string; field?: string }>;
  }>;
}

const mark = (ok: boolean) => (ok ? '✓' : '✗');

export function labelsPage(p: PageCtx, views: readonly LabelRunView[]): string {
  const issue = (i: { code: string; field?: string }) =>
    p.t(`label.issue.${i.code}` as MessageKey, { field: i.field ?? '', detail: '' });
  const body = h`<h1>${p.t('web.labels.heading')}</h1>
<p class="muted">${p.t('web.labels.intro')}</p>
${
  views.length === 0
    ? h`<p id="labels-empty">${p.t('web.labels.none')}</p>`
    : views.map(
        (v) => h`<section class="label-run" data-service="${v.run.service ?? ''}">
<h2>${v.run.service ?? p.t('web.labels.noService')}</h2>
<p>${p.t('label.summary', { total: v.run.total, passed: v.run.passed, failed: v.run.failed })} · ${v.run.createdAt}</p>
<table><thead><tr><th>${p.t('label.header.format')}</th><th>${p.t('web.labels.files')}</th><th>${p.t('web.labels.failed')}</th></tr></thead><tbody>${Object.entries(
          v.run.byFormat,
        ).map(([f, n]) => h`<tr><td>${f}</td><td>${n.total}</td><td>${n.failed}</td></tr>`)}</tbody></table>
${
  v.failures.length
    ? h`<h3>${p.t('web.labels.failing')}</h3><table class="label-failures"><thead><tr><th>${p.t('label.header.file')}</th><th>${p.t('label.header.format')}</th><th>${p.t('label.header.implicit')}</th><th>${p.t('label.header.explicit')}</th><th>${p.t('label.header.problems')}</th></tr></thead><tbody>${v.failures.map(
        (f) =>
          h`<tr><td>${f.file}</td><td>${f.format ?? '—'}</td><td>${mark(f.implicitOk)}</td><td>${f.explicit === 'missing' ? '✗' : f.explicit === 'ok' ? '✓' : '—'}</td><td>${f.issues
            .filter((i) => i.severity === 'error')
            .map((i) => issue(i))
            .join('；')}</td></tr>`,
      )}</tbody></table>`
    : ''
}
</section>`,
      )
}`;
  return page(p, p.t('web.labels.heading'), body);
}
