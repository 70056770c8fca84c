import type { Matcher } from './matcher.js';
import { normalizeString } from './normalize.js';
import type { Match } from './types.js';

/**
 * Library-level precision rules applied on the matcher's output (the matcher itself knows only
 * keywords, normalisation and boundaries): an entry with `context` words counts only when each of
 * them also occurs in the record, normalised the same way (konsheng's `香港+港府+病毒` conjunctions,
 * and curation's context rules for words that are ambiguous alone).
 */
export type CountedMatches = (text: string) => Match[];

/** Builds the counting function of a matcher once: `scan` plus the entry rules. */
export function countedMatcher(matcher: Matcher): CountedMatches {
  const norm = matcher.automaton.norm;
  const context = new Map<string, string[]>();
  for (const e of matcher.entries)
    if (e.context?.length)
      context.set(e.keyword, e.context.map((w) => normalizeString(w, norm)).filter(Boolean));
  if (context.size === 0) return (text) => matcher.scan(text);
  return (text) => {
    const matches = matcher.scan(text);
    if (!matches.some((m) => context.has(m.keyword))) return matches;
    const normalized = normalizeString(text, norm);
    return matches.filter((m) => (context.get(m.keyword) ?? []).every((w) => normalized.includes(w)));
  };
}
