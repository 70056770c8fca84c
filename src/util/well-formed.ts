const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The string with every lone surrogate replaced by U+FFFD. A model answer can carry one (a JSON
 * `"\ud800"` escape, a cut stream); written as is, it becomes invalid UTF-8 in the database.
 */
export function wellFormed(s: string): string {
  return s.replace(LONE_SURROGATE, '\uFFFD');
}

/** A copy of a row with every string field well-formed. */
export function wellFormedRow<T extends object>(row: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = typeof v === 'string' ? wellFormed(v) : v;
  return out as T;
}
