// Copies of malformed entries, apart from malformed.ts: the scan workers' audit needs only these,
// and malformed.ts brings the message catalogues (~10 ms of CPU per worker to load).
import type { MalformedEntry } from './types.js';

/** The key and params of an entry, when it has them. */
export const refOf = (m: MalformedEntry) => ({
  ...(m.key ? { key: m.key } : {}),
  ...(m.params ? { params: m.params } : {}),
});

/** A copy of the entry without the stream's `kind` (what reports hold). */
export const entryOf = (m: MalformedEntry): MalformedEntry => ({
  file: m.file,
  line: m.line,
  reason: m.reason,
  ...refOf(m),
});
