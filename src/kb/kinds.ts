import { FilingKindId } from './schema.js';

/**
 * Filing-kind ids that were renamed. "security-assessment" once mixed the public-opinion security
 * assessment with the data-export assessment; projects, stored registries and saved determinations
 * written before the split still carry it, and it meant the public-opinion assessment in every rule
 * that fired for a service without data exports.
 */
export const LEGACY_KIND_IDS: Readonly<Record<string, FilingKindId>> = {
  'security-assessment': 'public-opinion-assessment',
};

/** The current id for a kind id read from storage or a file; undefined when it names no kind. */
export function canonicalKindId(id: string): FilingKindId | undefined {
  const parsed = FilingKindId.safeParse(id);
  if (parsed.success) return parsed.data;
  return LEGACY_KIND_IDS[id];
}

/** Filing ids end in the kind (`service:subject:kind`): the current id for a stored one. */
export function canonicalFilingId(id: string): string {
  const at = id.lastIndexOf(':');
  if (at < 0) return id;
  const kind = id.slice(at + 1);
  const current = LEGACY_KIND_IDS[kind];
  return current ? `${id.slice(0, at + 1)}${current}` : id;
}

/** The ids a filing with this current id may be stored under (itself first). */
export function storedFilingIds(id: string): string[] {
  const at = id.lastIndexOf(':');
  const kind = id.slice(at + 1);
  const old = Object.entries(LEGACY_KIND_IDS)
    .filter(([, now]) => now === kind)
    .map(([legacy]) => `${id.slice(0, at + 1)}${legacy}`);
  return at < 0 ? [id] : [id, ...old];
}
