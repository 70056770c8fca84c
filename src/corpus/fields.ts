/** Reads a dotted path (`data.content`, `messages.0.text`) from a parsed JSON value. */
export function getPath(value: unknown, path: string): unknown {
  let cur: unknown = value;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/**
 * The text of a field value: strings as they are, numbers and booleans printed, arrays of those
 * joined by newlines (e.g. a list of paragraphs). Objects are not text: undefined.
 */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const parts = value.map(textOf);
    return parts.every((p) => p !== undefined) ? parts.join('\n') : undefined;
  }
  return undefined;
}
