import { meets } from '../kb/kb.js';
import type { Bilingual, Citation, Duty, Threshold } from '../kb/schema.js';
import type { SourceEntry, SourceType } from './schema.js';
import { SOURCE_TYPES } from './schema.js';

/** Stable codes of ledger problems; `error` flags fail `beian sources check`, `warning` ones inform. */
export const FLAG_CODES = [
  'missing-licence',
  'missing-authorisation',
  'crawl-without-basis',
  'pi-without-consent',
  'pi-undeclared',
  'foreign-not-reviewed',
  'illegal-rate-exceeded',
  'not-scanned',
] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

export const FLAG_SEVERITY: Record<FlagCode, 'error' | 'warning'> = {
  'missing-licence': 'error',
  'missing-authorisation': 'error',
  'crawl-without-basis': 'error',
  'pi-without-consent': 'error',
  'pi-undeclared': 'error',
  'foreign-not-reviewed': 'error',
  'illegal-rate-exceeded': 'error',
  'not-scanned': 'warning',
};

export interface SourceFlag {
  source: string;
  code: FlagCode;
  severity: 'error' | 'warning';
  /** values the message needs (rate, threshold, PII count) */
  data?: Record<string, number | string>;
}

export interface Share {
  sources: number;
  /** share of sources, 0..1 */
  sourceShare: number;
  records: number;
  /** share of records where volumes are given, 0..1 (0 when no volumes are known) */
  recordShare: number;
}

export interface SourcesCheck {
  sources: number;
  flagged: number;
  flags: SourceFlag[];
  mix: {
    byType: Record<SourceType, Share>;
    byOrigin: { domestic: Share; foreign: Share };
    /** records without a stated volume are counted as sources only */
    recordsKnown: number;
  };
  threshold: { id: string; comparator: string; value: number };
  /** what applies to sources from abroad (KB duties `foreign-data/*`), stated whenever there are any */
  foreign: { sources: number; duties: { id: string; text: Bilingual; citations: readonly Citation[] }[] };
  ok: boolean;
}

const piiTotal = (s: SourceEntry): number =>
  Object.values(s.lastScan?.pii ?? {}).reduce((a, b) => a + (b ?? 0), 0);

/** Flags one source. Pure. */
export function flagSource(s: SourceEntry, illegalMax: Threshold): SourceFlag[] {
  const out: SourceFlag[] = [];
  const flag = (code: FlagCode, data?: SourceFlag['data']) =>
    out.push(
      data
        ? { source: s.id, code, severity: FLAG_SEVERITY[code], data }
        : { source: s.id, code, severity: FLAG_SEVERITY[code] },
    );
  if (s.type === 'open-source' && !s.licence) flag('missing-licence');
  if (s.type !== 'open-source' && !s.authorisation) flag('missing-authorisation');
  if (s.collection === 'crawler' && !s.robotsTermsBasis) flag('crawl-without-basis');
  const found = piiTotal(s);
  if ((s.containsPersonalInfo || found > 0) && !s.consentBasis) flag('pi-without-consent', { pii: found });
  if (s.containsPersonalInfo === false && found > 0) flag('pi-undeclared', { pii: found });
  // Data coming INTO China is not a data export: no 数据出境 assessment. What applies is a lawful
  // source and a licence or authorisation (checked above for every source) and a content review
  // before use, which for a foreign source is not optional.
  const rate = s.lastScan?.illegalRate;
  if (rate === undefined) flag(s.fromAbroad ? 'foreign-not-reviewed' : 'not-scanned');
  else if (!meets(illegalMax, rate)) flag('illegal-rate-exceeded', { rate, max: illegalMax.value });
  return out;
}

function share(list: readonly SourceEntry[], all: readonly SourceEntry[], recordsKnown: number): Share {
  const records = list.reduce((a, s) => a + (s.volume?.records ?? 0), 0);
  return {
    sources: list.length,
    sourceShare: all.length ? list.length / all.length : 0,
    records,
    recordShare: recordsKnown ? records / recordsKnown : 0,
  };
}

/**
 * Checks a ledger: every flag per source, and the source mix the standard asks to report (share by
 * type and domestic/foreign, by number of sources and by records). Pure; the threshold comes from
 * the KB (`source.illegal-rate.max`).
 */
export function checkSources(
  ledger: readonly SourceEntry[],
  illegalMax: Threshold,
  duties: readonly Duty[] = [],
): SourcesCheck {
  const flags = ledger.flatMap((s) => flagSource(s, illegalMax));
  const recordsKnown = ledger.reduce((a, s) => a + (s.volume?.records ?? 0), 0);
  const byType = Object.fromEntries(
    SOURCE_TYPES.map((t) => [
      t,
      share(
        ledger.filter((s) => s.type === t),
        ledger,
        recordsKnown,
      ),
    ]),
  ) as Record<SourceType, Share>;
  const errors = flags.filter((f) => f.severity === 'error');
  return {
    sources: ledger.length,
    flagged: new Set(errors.map((f) => f.source)).size,
    flags,
    mix: {
      byType,
      byOrigin: {
        domestic: share(
          ledger.filter((s) => !s.fromAbroad),
          ledger,
          recordsKnown,
        ),
        foreign: share(
          ledger.filter((s) => s.fromAbroad),
          ledger,
          recordsKnown,
        ),
      },
      recordsKnown,
    },
    threshold: { id: illegalMax.id, comparator: illegalMax.comparator, value: illegalMax.value },
    foreign: {
      sources: ledger.filter((s) => s.fromAbroad).length,
      duties: duties
        .filter((d) => d.id.startsWith('foreign-data/'))
        .map((d) => ({ id: d.id, text: d.text, citations: d.citations })),
    },
    ok: errors.length === 0,
  };
}
