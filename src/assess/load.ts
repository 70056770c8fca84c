import { fileURLToPath } from 'node:url';
import { readYamlFile } from '../util/yaml-file.js';
import { parseRuleSet, type RuleSet } from './rules.js';

export const DEFAULT_RULES_FILE = fileURLToPath(
  new URL('../../data/rules/applicability.yaml', import.meta.url),
);

/** Reads and validates the applicability rules (shipped with the package, or a user's own file). */
export function loadRules(file: string = DEFAULT_RULES_FILE): RuleSet {
  return parseRuleSet(readYamlFile(file, 'CONFIG_INVALID', 'assess.cannotReadRules'), file);
}
