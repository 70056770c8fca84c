import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { BeianError, osReason } from '../errors.js';
import { parseRuleSet, type RuleSet } from './rules.js';

export const DEFAULT_RULES_FILE = fileURLToPath(
  new URL('../../data/rules/applicability.yaml', import.meta.url),
);

/** Reads and validates the applicability rules (shipped with the package, or a user's own file). */
export function loadRules(file: string = DEFAULT_RULES_FILE): RuleSet {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw BeianError.of(
      'CONFIG_INVALID',
      'assess.cannotReadRules',
      { file, reason: osReason(cause) },
      { cause },
    );
  }
  return parseRuleSet(raw, file);
}
