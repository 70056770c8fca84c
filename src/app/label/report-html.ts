import { randomBytes } from 'node:crypto';
import { type FileHandle, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { MessageKey, Translate } from '../../i18n/index.js';
import type { LabelIssue } from '../../label/aigc.js';
import { escapeHtml } from '../../util/html.js';
import type { CheckSummary, FileCheck } from './run.js';

export const issueText = (t: Translate, i: LabelIssue): string =>
  t(`label.issue.${i.code}` as MessageKey, { field: i.field ?? '', detail: i.detail ?? '' });

export const explicitMark = (t: Translate, s: FileCheck['explicit']) =>
  s === 'ok'
    ? t('label.explicit.ok')
    : s === 'missing'
      ? t('label.explicit.missing')
      : t('label.explicit.na');

/**
 * The HTML report, streamed row by row to a temporary file and renamed into place, so a check of
 * 100,000 files needs no more memory than one of ten. Every file name and value is escaped.
 */
export async function openHtmlReport(dest: string, t: Translate, platform: boolean) {
  const tmp = join(dirname(dest), `.${basename(dest)}.${randomBytes(6).toString('hex')}.beian-tmp`);
  const fh: FileHandle = await open(tmp, 'w');
  const head = [
    t('label.header.file'),
    t('label.header.format'),
    t('label.header.implicit'),
    t('label.header.explicit'),
    ...(platform ? [t('label.header.class')] : []),
    t('label.header.problems'),
  ];
  await fh.write(
    `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>${escapeHtml(t('label.html.title'))}</title>` +
      '<style>body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}.fail{background:#fff0f0}.ok{color:#070}.bad{color:#b00}</style></head><body>' +
      `<h1>${escapeHtml(t('label.html.title'))}</h1><table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>\n`,
  );
  return {
    async row(r: FileCheck) {
      const problems = r.implicit.issues.map(
        (i) => `${i.severity === 'error' ? '✗' : '!'} ${issueText(t, i)}`,
      );
      if (r.explicit === 'missing') problems.push(`✗ ${t('label.issue.explicit-missing')}`);
      const cells = [
        escapeHtml(r.file),
        escapeHtml(r.format ?? '—'),
        r.implicit.ok ? '<span class="ok">✓</span>' : '<span class="bad">✗</span>',
        escapeHtml(explicitMark(t, r.explicit)),
        ...(platform ? [escapeHtml(r.platformClass ?? '—')] : []),
        problems.map((p) => escapeHtml(p)).join('<br>'),
      ];
      await fh.write(
        `<tr class="${r.ok ? '' : 'fail'}">${cells.map((c) => `<td>${c}</td>`).join('')}</tr>\n`,
      );
    },
    async finish(s: CheckSummary, time: string) {
      await fh.write(
        `</tbody></table><p>${escapeHtml(t('label.summary', { total: s.total, passed: s.passed, failed: s.failed }))}</p><p>${escapeHtml(t('label.html.generated', { time }))}</p></body></html>\n`,
      );
      await fh.close();
      await rename(tmp, dest);
    },
    async abort() {
      await fh.close().catch(() => {});
      await unlink(tmp).catch(() => {});
    },
  };
}
