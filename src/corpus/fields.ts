/** Reads a dotted path (`data.content`, `messages.0.text`) from a parsed JSON value. */
export function getPath(value: unknown, path: string): unknown {
  // the usual path is one key (`text`, `source`): no split, no array per call
  if (!path.includes('.'))
    return value === null || typeof value !== 'object' ? undefined : (value as Record<string, unknown>)[path];
  let cur: unknown = value;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

const MAX_DEPTH = 16;

/**
 * The text of a field value: strings as they are, numbers and booleans printed, arrays of those
 * joined by newlines (e.g. a list of paragraphs). Objects are not text: undefined.
 */
export function textOf(value: unknown, depth = 0): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // Nested lists of paragraphs are text; 200,000 nested brackets are not (and would overflow the stack).
  if (Array.isArray(value) && depth < MAX_DEPTH) {
    const parts = value.map((v) => textOf(v, depth + 1));
    return parts.every((p) => p !== undefined) ? parts.join('\n') : undefined;
  }
  return undefined;
}
