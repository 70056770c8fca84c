import { pick } from '../../i18n/index.js';
import { type Kb, type KbItem, kbItems, searchKb } from '../../kb/index.js';
import { h, seg } from '../html.js';
import { type PageCtx, page } from '../layout.js';

export function kbListPage(p: PageCtx, kb: Kb, query: string): string {
  const items = query ? searchKb(kbItems(kb), query) : kbItems(kb);
  const body = h`<h1>${p.t('web.kb.heading')}</h1>
<form method="get" action="/kb"><input name="q" value="${query}" id="kb-q"> <button type="submit">${p.t('web.kb.search')}</button></form>
<p class="muted">${p.t('kb.count', { n: items.length })} · ${p.t('kb.version', { version: kb.version })}</p>
<table><thead><tr><th>${p.t('kb.header.id')}</th><th>${p.t('kb.header.kind')}</th><th>${p.t('kb.header.title')}</th></tr></thead><tbody>${items.map(
    (i) =>
      h`<tr><td><a href="/kb/${seg(i.id)}">${i.id}</a></td><td>${i.kind}</td><td>${pick(i.title, p.lang)}</td></tr>`,
  )}</tbody></table>`;
  return page(p, p.t('web.kb.heading'), body);
}

export function kbItemPage(p: PageCtx, item: KbItem): string {
  const body = item.body ? pick(item.body, p.lang) : '';
  const facts = Object.entries(item.facts).filter(([, v]) => v !== null);
  const html = h`<h1>${pick(item.title, p.lang)}</h1><p class="muted">${item.id} · ${item.kind}</p>
${body ? h`<pre>${body}</pre>` : ''}
${facts.length ? h`<ul>${facts.map(([k, v]) => h`<li>${k}: ${String(v)}</li>`)}</ul>` : ''}
<h2>${p.t('web.kb.citations')}</h2><ul>${item.citations.map(
    (c) =>
      h`<li>${c.source}${c.ref ? ` ${c.ref}` : ''} · ${p.t(`confidence.${c.confidence}`)}${c.note ? ` · ${c.note}` : ''}</li>`,
  )}</ul>`;
  return page(p, pick(item.title, p.lang), html);
}
