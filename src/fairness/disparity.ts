import { holm, Moments, newcombe, ratioInterval, twoProportionP, welchP, wilson, zFor } from './stats.js';
import type { Flag } from './types.js';

/**
 * Outcome disparity by protected attribute: selection rates (statistical parity difference,
 * disparate-impact ratio), true-positive rates when labels exist (equal opportunity), and exposure
 * for rankings (1/log2(1+rank), Singh & Joachims 2018). Streaming counts per attribute × group.
 */
export interface DisparityParams {
  diMin: number;
  alpha: number;
  minGroup: number;
  eodMaxAbs: number;
  exposureMin: number;
  ciLevel: number;
}

interface GroupCounts {
  n: number;
  /** rows with an outcome */
  decided: number;
  positive: number;
  /** rows whose label is positive (qualified), and of those, the positive outcomes */
  labelled: number;
  truePositive: number;
  exposure: Moments;
}

const counts = (): GroupCounts => ({
  n: 0,
  decided: 0,
  positive: 0,
  labelled: 0,
  truePositive: 0,
  exposure: new Moments(),
});

/** Position-bias weight of a 1-based rank (the DCG discount). */
export const exposureOf = (rank: number): number => 1 / Math.log2(1 + rank);

export class DisparityAccumulator {
  readonly byAttribute: Map<string, GroupCounts>[];
  rows = 0;

  constructor(readonly attributes: readonly string[]) {
    this.byAttribute = attributes.map(() => new Map());
  }

  /** values[i] is the row's value of attributes[i]; outcome/label/rank undefined when not mapped. */
  add(values: readonly string[], outcome?: boolean, label?: boolean, rank?: number): void {
    this.rows += 1;
    for (let i = 0; i < values.length; i++) {
      const map = this.byAttribute[i]!;
      const key = values[i] ?? '';
      let c = map.get(key);
      if (!c) {
        c = counts();
        map.set(key, c);
      }
      c.n += 1;
      if (outcome !== undefined) {
        c.decided += 1;
        if (outcome) c.positive += 1;
        if (label) {
          c.labelled += 1;
          if (outcome) c.truePositive += 1;
        }
      }
      if (rank !== undefined) c.exposure.add(exposureOf(rank));
    }
  }
}

export interface GroupSummary {
  group: string;
  n: number;
  rate: number | null;
  rateCi: [number, number] | null;
  tpr: number | null;
  exposureMean: number | null;
  /** this group's share of all exposure, and its share of ranked rows */
  exposureShare: number | null;
  rowShare: number;
  /** too small to compare (< minGroup rows): reported, never flagged */
  small: boolean;
}

export interface Comparison {
  metric: 'statistical-parity' | 'disparate-impact' | 'equal-opportunity' | 'exposure';
  group: string;
  reference: string;
  value: number;
  ci: [number, number];
  pValue: number;
  /** the effect passes its bound (e.g. DI < 0.8); a flag also needs significance after Holm */
  material: boolean;
  flagged: boolean;
}

export interface AttributeAnalysis {
  attribute: string;
  reference: string | null;
  exposureReference: string | null;
  groups: GroupSummary[];
  comparisons: Comparison[];
}

export interface DisparityAnalysis {
  attributes: AttributeAnalysis[];
  flags: Flag[];
}

function analyseAttribute(
  attribute: string,
  map: Map<string, GroupCounts>,
  params: DisparityParams,
  reference: string | undefined,
): AttributeAnalysis {
  const z = zFor(params.ciLevel);
  const total = [...map.values()].reduce((a, c) => a + c.n, 0);
  const totalExposure = [...map.values()].reduce((a, c) => a + c.exposure.mean * c.exposure.n, 0);
  const entries = [...map.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  const groups: GroupSummary[] = entries.map(([group, c]) => ({
    group,
    n: c.n,
    rate: c.decided > 0 ? c.positive / c.decided : null,
    rateCi: c.decided > 0 ? wilson(c.positive, c.decided, z) : null,
    tpr: c.labelled > 0 ? c.truePositive / c.labelled : null,
    exposureMean: c.exposure.n > 0 ? c.exposure.mean : null,
    exposureShare:
      c.exposure.n > 0 && totalExposure > 0 ? (c.exposure.mean * c.exposure.n) / totalExposure : null,
    rowShare: total > 0 ? c.n / total : 0,
    small: c.n < params.minGroup,
  }));
  const eligible = entries.filter(([, c]) => c.n >= params.minGroup);
  const pickRef = (score: (c: GroupCounts) => number | null): string | null => {
    if (reference !== undefined) return map.has(reference) ? reference : null;
    let best: string | null = null;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const [g, c] of eligible) {
      const s = score(c);
      if (s !== null && s > bestScore) {
        best = g;
        bestScore = s;
      }
    }
    return best;
  };
  // the four-fifths rule compares each group with the most favoured one
  const ref = pickRef((c) => (c.decided > 0 ? c.positive / c.decided : null));
  const expRef = pickRef((c) => (c.exposure.n > 0 ? c.exposure.mean : null));
  const comparisons: Comparison[] = [];
  const r = ref === null ? undefined : map.get(ref);
  const e = expRef === null ? undefined : map.get(expRef);
  for (const [group, c] of eligible) {
    if (r && group !== ref && c.decided > 0 && r.decided > 0) {
      const p = twoProportionP(c.positive, c.decided, r.positive, r.decided);
      const rate = c.positive / c.decided;
      const refRate = r.positive / r.decided;
      comparisons.push({
        metric: 'statistical-parity',
        group,
        reference: ref!,
        value: rate - refRate,
        ci: newcombe(c.positive, c.decided, r.positive, r.decided, z),
        pValue: p,
        material: false,
        flagged: false,
      });
      if (refRate > 0) {
        const di = rate / refRate;
        comparisons.push({
          metric: 'disparate-impact',
          group,
          reference: ref!,
          value: di,
          ci: ratioInterval(c.positive, c.decided, r.positive, r.decided, z),
          pValue: p,
          material: di < params.diMin,
          flagged: false,
        });
      }
      if (c.labelled > 0 && r.labelled > 0) {
        const eod = c.truePositive / c.labelled - r.truePositive / r.labelled;
        const pe = twoProportionP(c.truePositive, c.labelled, r.truePositive, r.labelled);
        comparisons.push({
          metric: 'equal-opportunity',
          group,
          reference: ref!,
          value: eod,
          ci: newcombe(c.truePositive, c.labelled, r.truePositive, r.labelled, z),
          pValue: pe,
          material: Math.abs(eod) > params.eodMaxAbs,
          flagged: false,
        });
      }
    }
    if (e && group !== expRef && c.exposure.n > 1 && e.exposure.n > 1 && e.exposure.mean > 0) {
      const ratio = c.exposure.mean / e.exposure.mean;
      // delta method on the log of the ratio of two means
      const se = Math.sqrt(
        c.exposure.variance / (c.exposure.n * c.exposure.mean ** 2) +
          e.exposure.variance / (e.exposure.n * e.exposure.mean ** 2),
      );
      const p = welchP(c.exposure, e.exposure);
      comparisons.push({
        metric: 'exposure',
        group,
        reference: expRef!,
        value: ratio,
        ci: [ratio * Math.exp(-z * se), ratio * Math.exp(z * se)],
        pValue: p,
        material: ratio < params.exposureMin,
        flagged: false,
      });
    }
  }
  return { attribute, reference: ref, exposureReference: expRef, groups, comparisons };
}

/** Analyses every attribute; flags are the flagged comparisons. Pure. */
export function analyseDisparity(
  acc: DisparityAccumulator,
  params: DisparityParams,
  options: { reference?: string } = {},
): DisparityAnalysis {
  const attributes = acc.attributes.map((a, i) =>
    analyseAttribute(a, acc.byAttribute[i]!, params, options.reference),
  );
  // Holm over every test that could raise a flag, across attributes, groups and metrics: many
  // groups (regions) and several metrics must not turn chance into flags
  const tests = attributes.flatMap((a) => a.comparisons.filter((c) => c.metric !== 'statistical-parity'));
  const rejected = holm(
    tests.map((c) => c.pValue),
    params.alpha,
  );
  tests.forEach((c, i) => {
    c.flagged = c.material && rejected[i]!;
  });
  const flags: Flag[] = [];
  for (const a of attributes)
    for (const c of a.comparisons)
      if (c.flagged && c.metric !== 'statistical-parity')
        flags.push({
          metric: c.metric,
          attribute: a.attribute,
          group: c.group,
          reference: c.reference,
          value: c.value,
          ci: c.ci,
          pValue: c.pValue,
        });
  return { attributes, flags };
}
