import { LANGS, type Lang, type Translate } from '../i18n/index.js';
import { h, type SafeHtml } from './html.js';
import type { Role } from './security.js';

/** What every page needs to render: language, translator, role, CSRF token, current path. */
export interface PageCtx {
  lang: Lang;
  t: Translate;
  role: Role;
  csrf: string;
  path: string;
}

export const csrfField = (p: PageCtx) => h`<input type="hidden" name="_csrf" value="${p.csrf}">`;

export function page(p: PageCtx, title: string, body: SafeHtml): string {
  const other = LANGS.find((l) => l !== p.lang) ?? p.lang;
  const nav = (
    [
      ['/', 'web.nav.overview'],
      ['/assess', 'web.nav.assess'],
      ['/kb', 'web.nav.kb'],
      ['/redteam', 'web.nav.redteam'],
      ['/guard', 'web.nav.guard'],
      ['/labels', 'web.labels.nav'],
      ['/audit', 'web.nav.audit'],
    ] as const
  ).map(
    ([href, key]) => h`<a href="${href}"${p.path === href ? h` aria-current="page"` : ''}>${p.t(key)}</a>`,
  );
  return h`<!doctype html>
<html lang="${p.t('web.html.lang')}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<title>${title} · ${p.t('web.title')}</title><link rel="stylesheet" href="/static/app.css"></head>
<body><header><strong>${p.t('web.title')}</strong><nav>${nav}</nav>
<span class="right">${p.t('web.role', { role: p.role })} · <a href="?lang=${other}" id="lang-switch">${p.t('web.lang.switch')}</a></span></header>
<main>${body}</main></body></html>`.__html;
}

export const STYLES = `
:root{--red:#c0392b;--muted:#666;--line:#ddd;--bg:#fafafa}
body{font:14px/1.5 system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#222;background:var(--bg)}
header{display:flex;gap:1.5em;align-items:center;padding:.6em 1.2em;background:#1f3a5f;color:#fff}
header a{color:#dfe8f5;margin-right:1em;text-decoration:none}header a[aria-current]{color:#fff;font-weight:600}
header .right{margin-left:auto;font-size:.9em}
main{padding:1em 1.5em;max-width:1400px}
table{border-collapse:collapse;width:100%;background:#fff;margin:.5em 0 1.5em}
th,td{border:1px solid var(--line);padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#eef2f7}
.overdue{color:var(--red);font-weight:600}
tr.overdue td{background:#fdecea}
.chip{display:inline-block;padding:0 .4em;margin:0 .2em .2em 0;border-radius:3px;background:#e8eef7;font-size:.9em}
.chip.filed,.chip.published,.chip.updated{background:#dff3e4}
.chip.rejected,.chip.change-pending{background:#fdecea}
.chip.cancelled{background:#eee;color:var(--muted)}
.muted{color:var(--muted)}
.notice{padding:.5em 1em;background:#fff8e1;border:1px solid #f0d98c;margin:.5em 0}
.error{padding:.5em 1em;background:#fdecea;border:1px solid var(--red);margin:.5em 0}
form.inline{display:inline}
fieldset{border:1px solid var(--line);background:#fff;margin:0 0 1em}
label{margin-right:1em;display:inline-block}
#readiness{margin:0 0 1em}#readiness svg,#readiness-total{max-width:100%;height:auto}
.legend{margin-right:1em;font-size:.9em}
.filters{background:#fff;border:1px solid var(--line);padding:.5em;margin:.5em 0}
.pager{margin:.5em 0}.pager a{margin:0 .5em}
td.status{white-space:nowrap}td.status.required{color:var(--red);font-weight:600}
pre{white-space:pre-wrap;word-break:break-word;background:#fff;border:1px solid var(--line);padding:.5em}
.answer{white-space:pre-wrap;word-break:break-word;max-width:40em}
svg text{font-size:11px}
`;
