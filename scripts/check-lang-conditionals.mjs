#!/usr/bin/env node
/**
 * Refuses inline language conditionals (`lang === 'zh' ? … : …`) outside src/i18n/: a user-facing
 * string belongs in the catalogues (src/i18n/{zh,en}). Files written before this rule are listed
 * with their current count in scripts/lang-conditionals.allow; a count may only go down.
 * Run by `npm run lint`.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { files, ROOT, readAllowList } from './lint/source-files.mjs';

const PATTERN =
  /(?:\blang|Lang)\s*[!=]==?\s*['"](?:zh|en)['"]|['"](?:zh|en)['"]\s*[!=]==?\s*[\w.]*[lL]ang\b/g;

const allow = readAllowList('scripts/lang-conditionals.allow');

const problems = [];
for (const file of files(join(ROOT, 'src'))) {
  const rel = relative(ROOT, file);
  if (rel.startsWith('src/i18n/')) continue;
  const hits = readFileSync(file, 'utf8').match(PATTERN)?.length ?? 0;
  const allowed = allow.get(rel) ?? 0;
  if (hits > allowed)
    problems.push(
      `${rel}: ${hits} language conditional(s)${allowed ? ` (${allowed} allowed)` : ''}: put the text in src/i18n/{zh,en}`,
    );
}
if (problems.length) {
  console.error(`Language conditionals outside src/i18n/:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('✔ no new language conditionals outside src/i18n/');
