import type { Issue } from '../errors.js';
import { normalizeString } from './normalize.js';
import type { LexiconEntry } from './types.js';

const isHan = (s: string): boolean => /^\p{Script=Han}$/u.test(s);

/** Splits an entry origin `file:line` (as rowsToLibrary writes it) into an issue location. */
function locate(origin: string | undefined): Pick<Issue, 'file' | 'line'> {
  const m = origin ? /^(.*):(\d+)$/.exec(origin) : null;
  if (m) return { file: m[1] as string, line: Number(m[2]) };
  return origin ? { file: origin } : {};
}

/**
 * Load-time warnings about keywords that will rarely mean what they say: a keyword that is one
 * character once normalised (日, 性, or 色* after noise removal) is only counted as a whole word,
 * which needs the jieba segmenter and still hits ordinary text; a provider should know which
 * rows these are. Warnings never stop a load.
 */
export function keywordWarnings(
  entries: readonly LexiconEntry[],
  table: Uint16Array,
  /** the entries' keywords normalised with this table, when known (mergeLibraries' keys) */
  keys?: readonly string[],
): Issue[] {
  const out: Issue[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as LexiconEntry;
    const n = keys?.[i] ?? normalizeString(e.keyword, table);
    // one character: one unit, or one surrogate pair (without spreading every keyword into an array)
    if (n.length !== 1 && (n.length !== 2 || (n.charCodeAt(0) & 0xfc00) !== 0xd800)) continue;
    const none = e.boundary === 'none';
    out.push({
      ...locate(e.origin),
      path: 'keyword',
      message: `"${e.keyword}" is one ${isHan(n) ? 'Chinese ' : ''}character once normalised, ${none ? 'matched anywhere (boundary=none)' : 'matched as a whole word only'}`,
      key: none ? 'lexicon.warn.oneCharAnywhere' : 'lexicon.warn.oneChar',
      params: { keyword: e.keyword },
    });
  }
  return out;
}
