import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { BeianError } from '../../errors.js';
import type { Kb } from '../../kb/index.js';
import type { BankItem, BankKind } from '../../redteam/banks/schema.js';
import { buildStarterBanks, StarterTemplates } from '../../redteam/banks/starter.js';
import { zodIssues } from '../../util/zod-issues.js';

export const BANKS_DIR = fileURLToPath(new URL('../../../data/banks/', import.meta.url));
export const STARTER_FILES: Record<BankKind, string> = {
  generation: 'starter-generation.jsonl',
  'should-refuse': 'starter-should-refuse.jsonl',
  'should-not-refuse': 'starter-should-not-refuse.jsonl',
};

/** Reads data/banks/starter-templates.yaml and expands it (the JSONL files are its output). */
export function starterBanks(kb: Kb, dir = BANKS_DIR): Record<BankKind, BankItem[]> {
  const file = join(dir, 'starter-templates.yaml');
  const parsed = StarterTemplates.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw BeianError.of('CONFIG_INVALID', 'redteam.starter.invalid', undefined, {
      issues: zodIssues(parsed.error, file),
    });
  const core = new Set(kb.riskCategories.filter((c) => c.core).map((c) => c.id));
  return buildStarterBanks(parsed.data, (id) => core.has(id.split('.').slice(0, 2).join('.')));
}

export const starterPaths = (dir = BANKS_DIR): string[] =>
  Object.values(STARTER_FILES).map((f) => join(dir, f));
