import { type Issue, localMessage, messageOf } from '../errors.js';
import type { MessageKey, MessageParams, Translate } from '../i18n/index.js';
import { entryOf, refOf } from './malformed-entry.js';
import type { CorpusItem, MalformedEntry } from './types.js';

export { entryOf };

/** A malformed entry whose reason is a catalogue message (its English text kept in `reason`). */
export function malformedEntry(
  file: string,
  line: number,
  key: MessageKey,
  params?: MessageParams,
): MalformedEntry {
  const { message, ...ref } = messageOf(key, params);
  return { file, line, reason: message, ...ref };
}

/** The same, as an item of the corpus stream. */
export const malformedItem = (
  file: string,
  line: number,
  key: MessageKey,
  params?: MessageParams,
): CorpusItem => ({
  kind: 'malformed',
  ...malformedEntry(file, line, key, params),
});

/** The entry as a located issue, so the shells print it as `file:line: reason` in the user's language. */
export const malformedIssue = (m: MalformedEntry): Issue => ({
  file: m.file,
  line: m.line,
  message: m.reason,
  ...refOf(m),
});

/** The entry's reason in the user's language (the English `reason` when it has no key). */
export const malformedReason = (m: MalformedEntry, t: Translate): string =>
  localMessage({ message: m.reason, key: m.key, params: m.params }, t);
