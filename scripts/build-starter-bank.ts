/**
 * Regenerates data/banks/starter-*.jsonl from data/banks/starter-templates.yaml.
 * Run: npx tsx scripts/build-starter-bank.ts   (a test fails when the files are out of date)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BANKS_DIR, STARTER_FILES, starterBanks } from '../src/app/redteam/starter.js';
import { loadKb } from '../src/kb/index.js';
import { toJsonl } from '../src/redteam/banks/import.js';
import { BANK_KINDS } from '../src/redteam/banks/schema.js';

const banks = starterBanks(loadKb());
for (const kind of BANK_KINDS) {
  const file = join(BANKS_DIR, STARTER_FILES[kind]);
  writeFileSync(file, toJsonl(banks[kind]));
  process.stdout.write(`${file}: ${banks[kind].length} items\n`);
}
