import type { Lang } from '../i18n/index.js';
import { bySpecificity } from './policy.js';

/** Canned replies (代答) as data: data/guard/replies.yaml, or a project's own file. */
export interface Replies {
  version: string;
  source: string;
  /** risk id, category or `default` → text per language */
  replies: Readonly<Record<string, Readonly<Record<Lang, string>>>>;
  suspended: Readonly<Record<Lang, string>>;
  label: Readonly<Record<Lang, string>>;
}

/** The reply for a risk in a language: the most specific key wins, then `default`. */
export function replyFor(replies: Replies, risk: string, lang: Lang): string {
  const r = bySpecificity(replies.replies, risk);
  return r?.[lang] ?? r?.zh ?? '';
}
