import { type Lang, translator } from '../i18n/index.js';
import { type Kb, regulation } from './kb.js';
import type { Citation } from './schema.js';

/** "《互联网信息服务算法推荐管理规定》第二十四条 [已核实]" — the one way a citation is written. */
export function formatCitation(kb: Kb, c: Citation, lang: Lang): string {
  const t = translator(lang);
  const reg = regulation(kb, c.source);
  const name = reg ? t('cite.title', { title: reg.title[lang] }) : c.source;
  const ref = c.ref ? t('cite.ref', { ref: c.ref }) : '';
  const note = c.note ? ` (${c.note})` : '';
  return `${name}${ref} [${t(`confidence.${c.confidence}`)}]${note}`;
}
