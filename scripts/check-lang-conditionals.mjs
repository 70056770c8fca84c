#!/usr/bin/env node
/**
 * Refuses inline language conditionals (`lang === 'zh' ? … : …`) outside src/i18n/: a user-facing
 * string belongs in the catalogues (src/i18n/{zh,en}). Files written before this rule are listed
 * with their current count in scripts/lang-conditionals.allow; a count may only go down.
 * Run by `npm run lint`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const PATTERN =
  /(?:\blang|Lang)\s*[!=]==?\s*['"](?:zh|en)['"]|['"](?:zh|en)['"]\s*[!=]==?\s*[\w.]*[lL]ang\b/g;

function* files(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (p.endsWith('.ts') && !p.endsWith('.test.ts')) yield p;
  }
}

const allow = new Map(
  readFileSync(join(ROOT, 'scripts/lang-conditionals.allow'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [file, n] = l.split(/\s+/);
      return [file, Number(n)];
    }),
);

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
