import { type Lang, pick, translator } from '../i18n/index.js';
import type { SourceFlag, SourcesCheck } from './check.js';
import { COLLECTION_LABELS, FLAG_LABELS, SOURCE_TYPE_LABELS } from './labels.js';
import type { SourceEntry } from './schema.js';

export interface Table {
  title: string;
  headers: string[];
  rows: string[][];
}

const MIX_HEADERS = {
  zh: ['类别', '来源数', '来源占比', '数据量占比'],
  en: ['Kind', 'Sources', 'Share of sources', 'Share of records'],
};
const HEADERS = {
  zh: ['来源', '类型', '许可证/授权', '采集方式', '含个人信息', '境外', '违法不良率', '问题'],
  en: [
    'Source',
    'Type',
    'Licence/authorisation',
    'Collection',
    'Personal info',
    'Abroad',
    'Illegal rate',
    'Problems',
  ],
};

export const percent = (x: number): string => `${(x * 100).toFixed(x > 0 && x < 0.01 ? 2 : 1)}%`;

export function flagText(f: SourceFlag, lang: Lang): string {
  const data = f.data ?? {};
  return pick(FLAG_LABELS[f.code], lang).replace(/\{(\w+)\}/g, (whole, k: string) => {
    const v = data[k];
    if (v === undefined) return whole;
    return typeof v === 'number' && (k === 'rate' || k === 'max') ? percent(v) : String(v);
  });
}

/**
 * The training-data source table of the filing materials (语料来源情况), plus the source mix:
 * a pure function the materials generator and the CLI both render.
 */
export function sourcesTable(ledger: readonly SourceEntry[], check: SourcesCheck, lang: Lang): Table {
  const t = translator(lang);
  const yes = t('sources.table.yes');
  const no = t('sources.table.no');
  const unknown = t('sources.table.unstated');
  const rows = ledger.map((s) => {
    const flags = check.flags.filter((f) => f.source === s.id && f.severity === 'error');
    return [
      s.name,
      pick(SOURCE_TYPE_LABELS[s.type], lang),
      [s.licence, s.authorisation].filter(Boolean).join(' / ') || '—',
      pick(COLLECTION_LABELS[s.collection] ?? { zh: s.collection, en: s.collection }, lang),
      s.containsPersonalInfo === undefined ? unknown : s.containsPersonalInfo ? yes : no,
      s.fromAbroad ? yes : no,
      s.lastScan?.illegalRate === undefined ? '—' : percent(s.lastScan.illegalRate),
      flags.map((f) => flagText(f, lang)).join('；') || '—',
    ];
  });
  return { title: t('sources.table.title'), headers: HEADERS[lang], rows };
}

/** The source mix as a table: share of sources and of records per type and origin. */
export function sourceMixTable(check: SourcesCheck, lang: Lang): Table {
  const rows: string[][] = [];
  for (const [type, sh] of Object.entries(check.mix.byType)) {
    rows.push([
      pick(SOURCE_TYPE_LABELS[type as keyof typeof SOURCE_TYPE_LABELS], lang),
      String(sh.sources),
      percent(sh.sourceShare),
      check.mix.recordsKnown ? percent(sh.recordShare) : '—',
    ]);
  }
  for (const origin of ['domestic', 'foreign'] as const) {
    const sh = check.mix.byOrigin[origin];
    const label = translator(lang)(
      origin === 'domestic' ? 'sources.table.domestic' : 'sources.table.foreign',
    );
    rows.push([
      label,
      String(sh.sources),
      percent(sh.sourceShare),
      check.mix.recordsKnown ? percent(sh.recordShare) : '—',
    ]);
  }
  return {
    title: translator(lang)('sources.table.mixTitle'),
    headers: MIX_HEADERS[lang],
    rows,
  };
}
