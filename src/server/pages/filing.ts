import type { FilingRow, TransitionRow } from '../../app/filings/index.js';
import { nextStates, stepFor } from '../../filings/lifecycle.js';
import { pick } from '../../i18n/index.js';
import type { Kb } from '../../kb/index.js';
import { h, seg } from '../html.js';
import { csrfField, type PageCtx, page } from '../layout.js';

export interface EvidenceView {
  sha256: string;
  name: string;
  size: number;
  actor: string;
  at: string;
  note: string | null;
}

export function transitionsTable(p: PageCtx, ts: readonly TransitionRow[]) {
  return h`<table class="timeline"><thead><tr><th>${p.t('web.col.when')}</th><th>${p.t('web.col.state')}</th><th>${p.t('web.col.who')}</th><th>${p.t('web.col.why')}</th></tr></thead><tbody>${ts.map(
    (t) =>
      h`<tr><td>${t.at.replace('T', ' ').slice(0, 19)}</td><td>${p.t(`state.${t.from}` as 'state.filed')} → ${p.t(`state.${t.to}` as 'state.filed')}${t.filingNumber ? h` <code>${t.filingNumber}</code>` : ''}</td><td>${t.actor}</td><td>${t.reason ?? ''}${t.evidence.map((e) => h` <a href="/evidence/${e}"><code>${e.slice(0, 10)}</code></a>`)}</td></tr>`,
  )}</tbody></table>`;
}

export function filingPage(
  p: PageCtx,
  kb: Kb,
  f: FilingRow,
  ts: readonly TransitionRow[],
  evidence: readonly EvidenceView[],
  flash?: { ok?: string; error?: string },
): string {
  const kind = kb.filingKinds.find((k) => k.id === f.kind);
  const next = kind ? nextStates(kind, f.state) : [];
  const step = kind ? stepFor(kind, f.state) : undefined;
  const editor = p.role === 'editor';
  const form = !editor
    ? h`<p class="muted">${p.t('web.filing.readOnly')}</p>`
    : next.length === 0
      ? h`<p class="muted">${p.t('web.filing.terminal')}</p>`
      : h`<form method="post" action="/filings/${seg(f.id)}/transition" id="transition-form"><fieldset>
${csrfField(p)}<input type="hidden" name="version" value="${f.version}">
<label>${p.t('web.filing.move')} <select name="to" id="to">${next.map((s) => h`<option value="${s}">${p.t(`state.${s}` as 'state.filed')}</option>`)}</select></label>
<label>${p.t('web.filing.by')} <input name="by" id="by" required></label>
<label>${p.t('web.filing.reason')} <input name="reason" id="reason" size="30"></label>
<label>${p.t('web.filing.number')} <input name="number" id="number" size="34" placeholder="${kind?.numberFormat?.example ?? ''}"></label>
<button type="submit">${p.t('web.filing.submit')}</button></fieldset></form>`;
  const upload = editor
    ? h`<form method="post" action="/filings/${seg(f.id)}/evidence" enctype="multipart/form-data"><fieldset><legend>${p.t('web.filing.attach')}</legend>${csrfField(p)}
<label>${p.t('web.filing.by')} <input name="by" required></label><input type="file" name="file" required> <input name="note" placeholder="${p.t('web.filing.reason')}"> <button type="submit">${p.t('web.filing.upload')}</button></fieldset></form>`
    : '';
  const body = h`<h1>${p.t('web.filing.heading', { id: f.id })}</h1>
${flash?.ok ? h`<p class="notice" id="flash">${flash.ok}</p>` : ''}${flash?.error ? h`<p class="error" id="flash">${flash.error}</p>` : ''}
<p><a href="/services/${seg(f.serviceId)}">${f.serviceName}</a> · ${f.subjectName} · ${kind ? pick(kind.title, p.lang) : f.kind}</p>
<p>${p.t('web.col.state')}: <span class="chip ${f.state}" id="state">${p.t(`state.${f.state}` as 'state.filed')}</span>
${step ? h`<span class="muted">(${pick(step.title, p.lang)})</span>` : ''} ${f.filingNumber ? h` · <code id="number-value">${f.filingNumber}</code>` : ''}</p>
${kind?.display && f.filingNumber ? h`<p class="notice">${pick(kind.display.text, p.lang)}</p>` : ''}
${form}
<h2>${p.t('registry.transitions')}</h2>${transitionsTable(p, ts)}
<h2>${p.t('registry.evidenceList')}</h2><ul>${evidence.map((e) => h`<li><a href="/evidence/${e.sha256}">${e.name}</a> <code>${e.sha256.slice(0, 16)}</code> ${e.size} B · ${e.actor} ${e.note ?? ''}</li>`)}</ul>
${upload}`;
  return page(p, f.id, body);
}
