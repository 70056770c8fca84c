import { profileText } from './profile.js';
import type { DetectorRegistry } from './registry.js';
import {
  CONFIDENCE_ORDER,
  type Confidence,
  type Detector,
  type Finding,
  PII_TYPES,
  type PiiType,
} from './types.js';

export interface ScanOptions {
  /** only these types (default: all) */
  types?: readonly PiiType[];
  /** drop findings below this level (default: possible, i.e. keep all) */
  minConfidence?: Confidence;
  /** more detectors run besides the registry's (a user-trained sequence model) */
  extra?: readonly Detector[];
}

/** A scan of one text with the detectors and options fixed once (see planScan). */
export type TextScan = (text: string) => Finding[];

const RANK: Record<PiiType, number> = Object.fromEntries(PII_TYPES.map((t, i) => [t, i])) as Record<
  PiiType,
  number
>;

/**
 * Keeps the winner of every overlap: the higher score, then the longer span, then the earlier type
 * in PII_TYPES (the more specific one), then the earlier start. Returns findings in text order.
 */
function resolveOverlaps(all: Finding[]): Finding[] {
  if (all.length <= 1) return all;
  // the usual case (findings of different detectors far apart) needs no ranking: when no two
  // overlap, the greedy pick below keeps them all; often they are in text order already
  let ordered = true;
  for (let k = 1; k < all.length && ordered; k++) {
    const a = all[k - 1] as Finding;
    const b = all[k] as Finding;
    ordered = a.start <= b.start && a.end <= b.start;
  }
  if (ordered) return all;
  const byStart = all.slice().sort((a, b) => a.start - b.start);
  let overlap = false;
  for (let k = 1; k < byStart.length && !overlap; k++)
    overlap = (byStart[k] as Finding).start < (byStart[k - 1] as Finding).end;
  if (!overlap) return byStart;
  all.sort(
    (a, b) =>
      b.score - a.score ||
      b.end - b.start - (a.end - a.start) ||
      RANK[a.type] - RANK[b.type] ||
      a.start - b.start,
  );
  const kept: Finding[] = [];
  for (const f of all) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Fixes the detectors and options of a scan once, for scanning many texts: the per-text work is one
 * profile pass over the characters (digit runs, @, Han, street characters), then only the
 * detectors whose `applies` accepts that profile, then the overlap resolution of scanText.
 */
export function planScan(detectors: DetectorRegistry, options: ScanOptions = {}): TextScan {
  const types = options.types ?? PII_TYPES;
  const min = CONFIDENCE_ORDER[options.minConfidence ?? 'possible'];
  const gated: Detector[] = types.map((t) => detectors[t]);
  // the user's detectors have no prefilter: they run on every text
  const always: Detector[] = (options.extra ?? []).filter((d) => types.includes(d.type));
  // no closure or array per text: most texts end with no finding at all
  const keep = (all: Finding[] | undefined, found: readonly Finding[]): Finding[] | undefined => {
    let out = all;
    for (let k = 0; k < found.length; k++) {
      const f = found[k] as Finding;
      if (CONFIDENCE_ORDER[f.confidence] < min) continue;
      if (out === undefined) out = [f];
      else out.push(f);
    }
    return out;
  };
  return (text) => {
    if (text.length === 0) return [];
    let all: Finding[] | undefined;
    const profile = profileText(text);
    for (let k = 0; k < gated.length; k++) {
      const d = gated[k] as Detector;
      if (d.applies === undefined || d.applies(profile)) all = keep(all, d.detect(text));
    }
    for (let k = 0; k < always.length; k++) all = keep(all, (always[k] as Detector).detect(text));
    return all === undefined ? [] : resolveOverlaps(all);
  };
}

/**
 * Runs the detectors over one text and resolves overlaps: where two findings overlap, the higher
 * score wins, then the longer span, then the earlier type in PII_TYPES (the more specific one).
 * Returns non-overlapping findings in text order. Pure. For many texts, planScan once.
 */
export function scanText(text: string, detectors: DetectorRegistry, options: ScanOptions = {}): Finding[] {
  return planScan(detectors, options)(text);
}
