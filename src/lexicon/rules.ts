import type { Matcher } from './matcher.js';
import { normalizeString } from './normalize.js';
import type { Match } from './types.js';

/**
 * Library-level precision rules applied on the matcher's output (the matcher itself knows only
 * keywords, normalisation and boundaries): an entry with `context` words counts only when each of
 * them also occurs in the record, normalised the same way (konsheng's `香港+港府+病毒` conjunctions,
 * and curation's context rules for words that are ambiguous alone).
 */
export type CountedMatches = (
  text: string,
  /** the text's raw hits, when a line walk found them (Matcher.scan) */
  hits?: Int32Array,
) => Match[];

/**
 * Rules of the library layer beyond each entry's own (data/lexicons/context.yaml): a hit that comes
 * right after a reporting cue (打击, 非法, 谨防 … within `window` characters, same clause) is text
 * about the harm, not the harm, and is not counted.
 */
export interface LibraryRules {
  reportingCues?: { window: number; words: readonly string[] };
}

/** Clause boundaries (。！？!?；;，,\n): a cue does not reach across them. */
const CLAUSE_END = new Set([0x3002, 0xff01, 0xff1f, 0x21, 0x3f, 0xff1b, 0x3b, 0xff0c, 0x2c, 0x0a]);

/** Builds the counting function of a matcher once: `scan` plus the entry and library rules. */
export function countedMatcher(matcher: Matcher, rules: LibraryRules = {}): CountedMatches {
  const norm = matcher.automaton.norm;
  const cues = rules.reportingCues;
  const longest = Math.max(0, ...(cues?.words ?? []).map((w) => w.length));
  // the first unit of every cue (none when a cue is empty: it is found everywhere)
  const words = cues?.words ?? [];
  const firsts = words.every((w) => w.length > 0) ? new Set(words.map((w) => w.charCodeAt(0))) : undefined;
  const afterCue = (text: string, m: Match): boolean => {
    if (!cues) return false;
    // from the last clause end before the hit (within reach), read by code unit
    const from = Math.max(0, m.start - cues.window - longest);
    let k = m.start - 1;
    while (k >= from && !CLAUSE_END.has(text.charCodeAt(k))) k--;
    // no cue starts in reach: the common case, without a search per cue word
    let starts = firsts === undefined;
    for (let j = k + 1; j < m.start && !starts; j++) starts = firsts?.has(text.charCodeAt(j)) === true;
    if (!starts) return false;
    const before = text.slice(k + 1, m.start);
    // the cue must end at most `window` characters before the hit
    return cues.words.some((w) => {
      const at = before.lastIndexOf(w);
      return at >= 0 && before.length - (at + w.length) <= cues.window;
    });
  };
  const withCues = (text: string, ms: Match[]): Match[] => (cues ? ms.filter((m) => !afterCue(text, m)) : ms);
  const context = new Map<string, string[]>();
  const withContext = matcher.withContext ?? matcher.entries.map((_, i) => i);
  for (const i of withContext) {
    const e = matcher.entries[i];
    if (e?.context?.length)
      context.set(e.keyword, e.context.map((w) => normalizeString(w, norm)).filter(Boolean));
  }
  if (context.size === 0) return (text, hits) => withCues(text, matcher.scan(text, hits));
  return (text, hits) => {
    const matches = withCues(text, matcher.scan(text, hits));
    if (!matches.some((m) => context.has(m.keyword))) return matches;
    const normalized = normalizeString(text, norm);
    return matches.filter((m) => (context.get(m.keyword) ?? []).every((w) => normalized.includes(w)));
  };
}
