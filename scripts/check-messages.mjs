#!/usr/bin/env node
/**
 * Keeps every user-facing message in the catalogues (src/i18n/{zh,en}):
 *  1. no `new BeianError(` outside src/errors.ts: throw `BeianError.of(code, key, params)`, which the
 *     CLI and the server translate at their exit point. Files written before this rule are listed in
 *     scripts/beian-error-literals.allow with their count; a count may only go down.
 *  2. every catalogue key named in code (`t('…')`, `BeianError.of(code, '…')`, `issueOf(…, '…')`,
 *     `key: '…'`) exists in both catalogues, and every key of one catalogue is in the other;
 *  3. a key's zh and en texts have the same `{placeholders}`, except `{message}`: the English text of
 *     a library (zod, commander, Node, yaml), which a text that is only `{message}` shows as is;
 *  4. why a line or row of input was not read (corpus `MalformedEntry`, PII training issues, decision
 *     log `Malformed`) is a catalogue key too: no `kind: 'malformed'` literal outside
 *     src/corpus/malformed.ts (build it with `malformedItem`/`malformedEntry`), and in the bad-row
 *     readers (BAD_ROW_DIRS) no `reason:`/`message:` string literal and no entry pushed by hand.
 * Run by `npm run lint`.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { files, isSource, ROOT, readAllowList } from './lint/source-files.mjs';

/** `'key': 'text'` entries of one catalogue folder (two-space indented, one key a line; text may wrap). */
function catalogue(lang) {
  const out = new Map();
  for (const file of files(join(ROOT, 'src/i18n', lang), isSource)) {
    if (file.endsWith('index.ts')) continue;
    const text = readFileSync(file, 'utf8');
    const entry =
      /^ {2}(['"])([^'"]+)\1:\s*((?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`)(?:\s*\+\s*(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"))*)/gms;
    for (const m of text.matchAll(entry)) out.set(m[2], { text: m[3], file: relative(ROOT, file) });
  }
  return out;
}

const placeholders = (text) =>
  new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).filter((n) => n !== 'message'));

const problems = [];
const zh = catalogue('zh');
const en = catalogue('en');

// 3. same placeholders; 2b. same key sets
for (const [key, z] of zh) {
  const e = en.get(key);
  if (!e) {
    problems.push(`${z.file}: "${key}" has no English text in src/i18n/en/`);
    continue;
  }
  // a text that is only `{message}` shows the library's own wording, with its values inside
  if (/^['"`]\{message\}['"`]$/.test(z.text) || /^['"`]\{message\}['"`]$/.test(e.text)) continue;
  const a = [...placeholders(z.text)].sort().join(',');
  const b = [...placeholders(e.text)].sort().join(',');
  if (a !== b) problems.push(`${z.file}: "${key}" has placeholders {${a}} in zh but {${b}} in en`);
}
for (const [key, e] of en)
  if (!zh.has(key)) problems.push(`${e.file}: "${key}" has no Chinese text in src/i18n/zh/`);

// 4. the bad-row readers: every reason a key with params (they cross worker threads as data)
const BAD_ROW_DIRS = [
  'src/corpus/',
  'src/pii/',
  'src/app/pii/',
  'src/fairness/',
  'src/app/fairness/',
  'src/util/csv.ts',
  'src/app/scan',
];
const BAD_ROW_LITERALS = [
  [/\b(?:reason|message)\s*:\s*['"`]/g, 'a literal reason'],
  [/\.(?:malformed|issues)\.push\(\s*\{[^{}]*\breason\b/g, 'an entry built by hand'],
  [/\bbad\.add\(\s*\{[^{}]*\bmessage\s*:/g, 'a row message built by hand'],
];
function badRowProblems(rel, text) {
  const out = [];
  const at = (index) => text.slice(0, index).split('\n').length;
  if (rel !== 'src/corpus/malformed.ts')
    for (const m of text.matchAll(/\bkind:\s*'malformed'\s*,/g))
      out.push(
        `${rel}:${at(m.index)}: a malformed entry built by hand: use malformedItem(file, line, key, params)`,
      );
  if (BAD_ROW_DIRS.some((d) => rel.startsWith(d)))
    for (const [re, what] of BAD_ROW_LITERALS)
      for (const m of text.matchAll(re))
        out.push(
          `${rel}:${at(m.index)}: ${what}: a bad row's reason is a catalogue key (malformedEntry(file, line, key, params) or messageOf(key, params), texts in src/i18n/{zh,en}/malformed.ts)`,
        );
  return out;
}

// 1. no literal errors; 2a. keys named in code exist
const allow = readAllowList('scripts/beian-error-literals.allow');
const namespaces = new Set([...zh.keys(), ...en.keys()].map((k) => k.split('.')[0]));
const KEY_USE =
  /(?:\bt\(\s*|BeianError\.of\(\s*'[A-Z_]+',\s*|\bkey:\s*|issueOf\(\s*\{[^{}]*\},\s*)'([a-z][\w-]*(?:\.[\w-]+)+)'/g;
for (const file of files(join(ROOT, 'src'), isSource)) {
  const rel = relative(ROOT, file);
  if (rel.startsWith('src/i18n/')) continue;
  const text = readFileSync(file, 'utf8');
  problems.push(...badRowProblems(rel, text));
  if (rel !== 'src/errors.ts') {
    const hits = text.match(/new BeianError\(/g)?.length ?? 0;
    const allowed = allow.get(rel) ?? 0;
    if (hits > allowed)
      problems.push(
        `${rel}: ${hits} \`new BeianError(\`${allowed ? ` (${allowed} allowed)` : ''}: throw BeianError.of(code, key, params) with the text in src/i18n/{zh,en}`,
      );
  }
  for (const m of text.matchAll(KEY_USE)) {
    const key = m[1];
    // a local `t(id)` may look up something else (a KB threshold): only catalogue namespaces count
    if (!namespaces.has(key.split('.')[0])) continue;
    const line = text.slice(0, m.index).split('\n').length;
    if (!zh.has(key) || !en.has(key))
      problems.push(`${rel}:${line}: message key "${key}" is missing from ${zh.has(key) ? 'en' : 'zh'}`);
  }
}

if (problems.length) {
  console.error(`Messages outside the catalogues:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `✔ messages: ${zh.size} keys in zh and en with the same placeholders; no literal BeianError or bad-row reason`,
);
