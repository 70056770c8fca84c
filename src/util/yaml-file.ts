import { readFileSync } from 'node:fs';
import { BeianError, type BeianErrorCode, osReason } from '../errors.js';
import type { MessageKey } from '../i18n/index.js';
import { yaml } from './yaml-lib.js';

/**
 * The parsed YAML of `file`, or `BeianError.of(code, key, { file, reason })`: why it could not be
 * read or parsed, as a message in the user's language (`osReason`).
 */
export function readYamlFile(file: string, code: BeianErrorCode, key: MessageKey): unknown {
  try {
    return yaml().parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw BeianError.of(code, key, { file, reason: osReason(cause) }, { cause });
  }
}
