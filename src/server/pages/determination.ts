import type { ServiceDetermination } from '../../assess/determination.js';
import { pick } from '../../i18n/index.js';
import { canonicalKindId, formatCitation, type Kb } from '../../kb/index.js';
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
  // The same labels as the CLI and the documents: KB titles, the questionnaire's catalogue words,
  // and citations written the one way formatCitation writes them.
  const typeTitle = (id: string) => {
    const t = kb.algorithmTypes.find((x) => x.id === id);
    return t ? pick(t.title, p.lang) : id;
  };
  return h`<table id="determination"><thead><tr><th>${p.t('registry.header.kind')}</th><th>${p.t('web.col.state')}</th><th>${p.t('web.col.why')}</th></tr></thead><tbody>${d.filings.map(
    (f) =>
      h`<tr data-kind="${f.kind}" data-status="${f.status}"><td>${title(f.kind)}${f.algorithmTypes?.length ? h`<br><span class="muted">${f.algorithmTypes.map(typeTitle).join(p.t('list.sep'))}</span>` : ''}${f.role ? h`<br><span class="muted">${p.t(`assess.role.${f.role}`)}</span>` : ''}</td><td class="status ${f.status}">${p.t(`assess.status.${f.status}`)}</td><td><ul>${f.reasons.map(
        (r) =>
          h`<li>${pick(r.text, p.lang)} <span class="muted">${formatCitation(kb, r.citation, p.lang)}</span></li>`,
      )}</ul></td></tr>`,
  )}</tbody></table>
${d.toClarify.length ? h`<h3>${p.t('web.assess.toClarify')}</h3><ul>${d.toClarify.map((c) => h`<li><code>${c.field}</code> ${pick(c.question, p.lang)}</li>`)}</ul>` : ''}`;
}
