/**
 * Appends every item of `items` to `target`. `target.push(...items)` passes each item as an
 * argument and overflows the stack past ~100k items (a lexicon of rejected rows, a corpus of
 * malformed lines); this does not.
 */
export function appendAll<T>(target: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) target.push(items[i] as T);
  return target;
}
