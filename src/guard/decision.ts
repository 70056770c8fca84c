import type { Match, Matcher } from '../lexicon/index.js';
import { actionFor, type GuardAction, type GuardPolicy, stronger } from './policy.js';

/** One keyword hit and what the policy makes of it. */
export interface GuardHit {
  keyword: string;
  /** where the keyword comes from (library file:line), the stable id of a library entry */
  keywordId: string;
  risk: string;
  action: GuardAction;
  start: number;
  end: number;
}

export interface Decision {
  /** the strongest action over the hits, or undefined when the text is clean */
  action: GuardAction | undefined;
  hits: GuardHit[];
  /** the text with `mask` hits masked (same length as the input) */
  text: string;
}

export function toHit(m: Match, policy: GuardPolicy, origin: string | undefined): GuardHit {
  return {
    keyword: m.keyword,
    keywordId: origin ?? m.keyword,
    risk: m.category,
    action: actionFor(policy, m.category),
    start: m.start,
    end: m.end,
  };
}

/** Replaces each code unit of [start, end) with the mask character; keeps the text's length. */
export function maskSpans(
  text: string,
  spans: readonly { start: number; end: number }[],
  mask: string,
): string {
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < at) continue;
    out += text.slice(at, s.start) + mask.repeat(s.end - s.start);
    at = s.end;
  }
  return out + text.slice(at);
}

/** Origins by keyword, so hits carry the library entry they came from. */
export function originIndex(matcher: Matcher): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of matcher.entries) if (e.origin && !out.has(e.keyword)) out.set(e.keyword, e.origin);
  return out;
}

/** Checks one whole text (an input message, a non-streamed answer). Pure. */
export function decide(
  matcher: Matcher,
  policy: GuardPolicy,
  text: string,
  origins: ReadonlyMap<string, string> = new Map(),
): Decision {
  const matches = matcher.scan(text);
  if (matches.length === 0) return { action: undefined, hits: [], text };
  const hits = matches.map((m) => toHit(m, policy, origins.get(m.keyword)));
  let action: GuardAction = 'flag';
  for (const h of hits) action = stronger(action, h.action);
  const masked = maskSpans(
    text,
    hits.filter((h) => h.action === 'mask'),
    policy.maskChar,
  );
  return { action, hits, text: masked };
}
