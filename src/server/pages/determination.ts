import type { ServiceDetermination } from '../../assess/determination.js';
import { pick } from '../../i18n/index.js';
import { canonicalKindId, type Kb } from '../../kb/index.js';
import { h } from '../html.js';
import type { PageCtx } from '../layout.js';

/** One service's determination: each filing with status, reasons and citations, then what to clarify. */
export function determinationView(p: PageCtx, kb: Kb, d: ServiceDetermination) {
  const title = (id: string) => {
    // saved determinations may carry a renamed kind id ("security-assessment")
    const current = canonicalKindId(id);
    const k = kb.filingKinds.find((x) => x.id === current);
    return k ? pick(k.title, p.lang) : id;
  };
  return h`<table id="determination"><thead><tr><th>${p.t('registry.header.kind')}</th><th>${p.t('web.col.state')}</th><th>${p.t('web.col.why')}</th></tr></thead><tbody>${d.filings.map(
    (f) =>
      h`<tr data-kind="${f.kind}" data-status="${f.status}"><td>${title(f.kind)}${f.algorithmTypes?.length ? h`<br><span class="muted">${f.algorithmTypes.join(', ')}</span>` : ''}${f.role ? h`<br><span class="muted">${f.role}</span>` : ''}</td><td>${p.t(`web.status.${f.status}`)}</td><td><ul>${f.reasons.map(
        (r) =>
          h`<li>${pick(r.text, p.lang)} <span class="muted">[${r.citation.source}${r.citation.ref ? ` ${r.citation.ref}` : ''} · ${p.t(`confidence.${r.citation.confidence}`)}]</span></li>`,
      )}</ul></td></tr>`,
  )}</tbody></table>
${d.toClarify.length ? h`<h3>${p.t('web.assess.toClarify')}</h3><ul>${d.toClarify.map((c) => h`<li><code>${c.field}</code> ${pick(c.question, p.lang)}</li>`)}</ul>` : ''}`;
}
