import type { Match, RecordScore } from './types.js';

/**
 * Characters within which weak hits add up. A spam title or a sentence is shorter than this; in a
 * long article, weak words paragraphs apart (an official's name here, 政府 there) are not evidence
 * together, so they are not summed across the whole record.
 */
export const DEFAULT_SCORE_WINDOW = 120;

export interface ScoreOptions {
  /** the flag bar: Σ severity of distinct keywords inside one window (default 3) */
  flagScore?: number;
  /** window length in UTF-16 code units (default DEFAULT_SCORE_WINDOW) */
  window?: number;
}

/**
 * Record-level scoring: a record is flagged when, inside some window of `window` characters, the
 * severities of the distinct keywords that start there add up to `flagScore` (default 3: one
 * high-severity keyword, or several weaker ones close together) — a reason a reviewer can check.
 * Repeating one keyword does not raise the score. `score` is the best window's sum.
 */
export function scoreRecord(
  text: string,
  matches: readonly Match[],
  options: number | ScoreOptions = {},
): RecordScore {
  const o = typeof options === 'number' ? { flagScore: options } : options;
  const flagScore = o.flagScore ?? 3;
  const window = o.window ?? DEFAULT_SCORE_WINDOW;
  const sorted = [...matches].sort((a, b) => a.start - b.start);
  const inWindow = new Map<string, number>();
  let sum = 0;
  let best = 0;
  let from = 0;
  for (const m of sorted) {
    const n = inWindow.get(m.keyword) ?? 0;
    if (n === 0) sum += m.severity;
    inWindow.set(m.keyword, n + 1);
    for (; (sorted[from] as Match).start <= m.start - window; from++) {
      const old = sorted[from] as Match;
      const left = (inWindow.get(old.keyword) ?? 1) - 1;
      inWindow.set(old.keyword, left);
      if (left === 0) sum -= old.severity;
    }
    if (sum > best) best = sum;
  }
  const flagged = best >= flagScore;
  const categories = new Set<string>();
  const keywords = new Set<string>();
  for (const m of matches) {
    keywords.add(m.keyword);
    categories.add(m.category);
  }
  return {
    score: best,
    flagged,
    categories: [...categories].sort(),
    keywords: [...keywords],
    density: text.length ? (matches.length * 1000) / text.length : 0,
  };
}
