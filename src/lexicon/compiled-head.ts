/**
 * The start of a compiled library (serialize.ts): its magic, and what its header says of its size,
 * read from the first bytes without loading the library (a scan decides what its threads load
 * ahead before the library is read).
 */
export const COMPILED_MAGICS = ['BEIANLX3', 'BEIANLX2', 'BEIANLX1'] as const;

/** Bytes before the header: the magic (8) and the header's length (u32, little-endian). */
export const COMPILED_PREFIX = 12;

/** The header's length when `prefix` (the first COMPILED_PREFIX bytes) starts a compiled library. */
export function compiledHeaderLength(prefix: Uint8Array): number | undefined {
  if (prefix.length < COMPILED_PREFIX) return undefined;
  const magic = String.fromCharCode(...prefix.subarray(0, 8));
  if (!(COMPILED_MAGICS as readonly string[]).includes(magic)) return undefined;
  return new DataView(prefix.buffer, prefix.byteOffset, COMPILED_PREFIX).getUint32(8, true);
}

/**
 * The keywords a compiled library lists, from its header's JSON: the count stored when it was
 * compiled, else (older files) its entries, variants included; undefined when the header says neither.
 */
export function compiledKeywords(header: string): number | undefined {
  try {
    const h = JSON.parse(header) as {
      library?: { keywords?: unknown };
      lengths?: { entryCategory?: unknown };
      entries?: unknown;
    };
    const stored = h.library?.keywords;
    if (typeof stored === 'number' && Number.isInteger(stored)) return stored;
    const n = h.lengths?.entryCategory;
    if (typeof n === 'number' && Number.isInteger(n)) return n;
    return Array.isArray(h.entries) ? h.entries.length : undefined;
  } catch {
    return undefined;
  }
}
