/**
 * Builds the default keyword library (data/lexicons/default/) reproducibly:
 *   1. the public lists (konsheng/Sensitive-lexicon, MIT; houbb/sensitive-word, Apache-2.0) through
 *      the same importers as `--lexicon <folder>` (category maps in data/lexicons/maps/);
 *   2. filters (length), refiling under the finer risks of Appendix A (data/lexicons/build.yaml);
 *   3. our own entries (data/lexicons/sources/*.yaml and the starter library, provenance `beian`),
 *      templates expanded;
 *   4. curation on the TUNING split of clean text (chinese-poetry, CLUENER, Weibo; the hold-out split
 *      is never read here) and on the jieba dictionary's word frequencies: generic words dropped,
 *      words seen in clean text tried as whole words (boundary `word`), else demoted to severity 1;
 *   5. one CSV per risk, plus build-report.json (counts only, no corpus text).
 *
 *   npx tsx scripts/build-lexicon.ts [--data ../shared/data/lexicons] [--check]
 *
 * `--check` builds in memory and exits 1 when the files on disk differ (CI: the library is current).
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { loadKb } from '../src/kb/index.js';
import {
  buildNormTable,
  compileLexicon,
  countedMatcher,
  DEFAULT_LEXICON_DIR,
  DEFAULT_NORMALIZE,
  type LexiconEntry,
  lexiconStats,
  libraryVersion,
  loadFolder,
  loadHoubb,
  loadLibraryRules,
  loadStarterLibraries,
  normalizeString,
  type Severity,
} from '../src/lexicon/index.js';
import { loadCleanCorpora, SHARED_DATA } from './lexicon/clean-corpora.js';

const ROOT = join(dirname(new URL(import.meta.url).pathname), '..');
const LEX = join(ROOT, 'data', 'lexicons');
const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const DATA = arg('--data') ?? join(SHARED_DATA, 'lexicons');
const CHECK = args.includes('--check');

const config = z
  .object({
    sources: z.array(
      z.object({
        id: z.string(),
        path: z.string(),
        map: z.string(),
        exclude: z.array(z.string()).optional(),
      }),
    ),
    rules: z.array(
      z.object({
        category: z.string(),
        match: z.string(),
        severity: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
      }),
    ),
    filters: z.object({
      'min-length': z.number(),
      'min-ascii-length': z.number(),
      'max-length': z.number(),
      placeholder: z.string(),
      'two-char-boundary': z.enum(['auto', 'word', 'none']),
    }),
    curation: z.object({
      'drop-rate': z.number(),
      'demote-hits': z.number(),
      'jieba-demote-freq': z.number(),
      'jieba-drop-freq': z.number(),
      'jieba-generic-pos': z.array(z.string()),
    }),
  })
  .parse(parseYaml(readFileSync(join(LEX, 'build.yaml'), 'utf8')));

const ownFile = z.object({
  category: z.string(),
  severity: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  words: z.array(z.union([z.string(), z.number()])).optional(),
  templates: z
    .array(z.object({ pattern: z.string(), groups: z.array(z.string()), predicates: z.array(z.string()) }))
    .optional(),
});

const kb = loadKb();
const riskIds = new Set(kb.risks.map((r) => r.id));
const table = buildNormTable(DEFAULT_NORMALIZE);
const norm = (s: string): string => normalizeString(s, table);

// 1. our own entries first: on a duplicate the first entry is kept, and ours carry finer categories
const own: LexiconEntry[] = [];
const sourcesDir = join(LEX, 'sources');
for (const f of readdirSync(sourcesDir)
  .filter((x) => x.endsWith('.yaml'))
  .sort()) {
  const o = ownFile.parse(parseYaml(readFileSync(join(sourcesDir, f), 'utf8')));
  if (!riskIds.has(o.category)) throw new Error(`${f}: unknown category ${o.category}`);
  const words = (o.words ?? []).map(String);
  for (const t of o.templates ?? [])
    for (const g of t.groups)
      for (const p of t.predicates) words.push(t.pattern.replace('{g}', g).replace('{p}', p));
  for (const w of words)
    own.push({
      keyword: w,
      category: o.category,
      severity: o.severity as Severity,
      source: 'beian',
      note: f,
    });
}

// the hand-written starter library (ours too: it also covers A.3 and A.4)
for (const lib of await loadStarterLibraries(riskIds))
  for (const e of lib.entries)
    own.push({ ...e, source: 'beian', note: `starter/${basename((e.origin ?? '').replace(/:\d+$/, ''))}` });

// 2. the public lists, through the product's importers
const rules = config.rules.map((r) => ({ ...r, re: new RegExp(r.match, 'i') }));
const placeholder = new RegExp(config.filters.placeholder);
const dropped: Record<string, Record<string, number>> = {};
const drop = (source: string, reason: string): void => {
  const d = dropped[source] ?? {};
  dropped[source] = d;
  d[reason] = (d[reason] ?? 0) + 1;
};
const listed: LexiconEntry[] = [];
/** source keywords that contain a risk-specific morpheme (a refiling rule matched): worth keeping weak */
const specific = new Set<string>();
for (const s of config.sources) {
  const path = join(DATA, s.path);
  const mapFile = join(LEX, s.map);
  const lib = s.map.includes('houbb')
    ? loadHoubb(path, riskIds, { categoryMap: mapFile })
    : loadFolder(path, riskIds, { categoryMap: mapFile });
  for (const e of lib.entries) {
    const file = basename((e.origin ?? '').replace(/:\d+$/, ''));
    if (s.exclude?.includes(file)) {
      drop(s.id, `excluded list ${file}`);
      continue;
    }
    const n = norm(e.keyword);
    const ascii = /^[\x20-\x7e]+$/.test(n);
    if (placeholder.test(e.keyword)) drop(s.id, 'censored placeholder');
    else if ([...n].length < config.filters['min-length']) drop(s.id, 'too short');
    else if (ascii && n.length < config.filters['min-ascii-length']) drop(s.id, 'short ASCII');
    else if (/^[\p{N}\p{P}\p{S}\s_]+$/u.test(n)) drop(s.id, 'digits or symbols only');
    else if ([...n].length > config.filters['max-length']) drop(s.id, 'too long');
    else {
      const rule = rules.find((r) => r.re.test(n));
      if (rule) specific.add(e.keyword);
      const severity = Math.max(e.severity, rule?.severity ?? 0) as Severity;
      const twoChar = [...n].length === 2 && !ascii;
      listed.push({
        ...e,
        severity,
        source: s.id,
        ...(rule ? { category: rule.category } : {}),
        ...(twoChar && !e.boundary ? { boundary: config.filters['two-char-boundary'] } : {}),
        note: file,
      });
    }
  }
}

// merge by normalised form, first kept
const byNorm = new Map<string, LexiconEntry>();
for (const e of [...own, ...listed]) {
  const n = norm(e.keyword);
  if (n && !byNorm.has(n)) byNorm.set(n, e);
  else if (e.source !== 'beian') drop(e.source ?? '?', 'duplicate');
}
let candidates = [...byNorm.values()];

// 3. curation on the tuning split and the jieba dictionary
const require = createRequire(import.meta.url);
const jiebaFreq = new Map<string, number>();
const jiebaGeneric = new Set<string>();
const genericPos = new Set(config.curation['jieba-generic-pos']);
for (const line of readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8').split('\n')) {
  const [w, f, pos] = line.split(' ');
  if (!w || !f) continue;
  jiebaFreq.set(norm(w), Math.max(jiebaFreq.get(norm(w)) ?? 0, Number(f)));
  if (pos && genericPos.has(pos)) jiebaGeneric.add(norm(w));
}
const libraryRules = loadLibraryRules();
const tuning = loadCleanCorpora('tuning');
const texts = [...tuning.poetry, ...tuning.cluener, ...tuning.weibo];
const hitsOf = (entries: readonly LexiconEntry[]): Map<string, number> => {
  const count = countedMatcher(compileLexicon(entries, { normTable: table }), libraryRules);
  const hits = new Map<string, number>();
  for (const t of texts)
    for (const k of new Set(count(t).map((m) => m.keyword))) hits.set(k, (hits.get(k) ?? 0) + 1);
  return hits;
};
const c = config.curation;
const firstHits = hitsOf(candidates);
const curated: LexiconEntry[] = [];
const retry: LexiconEntry[] = [];
const outcome: Record<string, number> = {};
const mark = (k: string): void => {
  outcome[k] = (outcome[k] ?? 0) + 1;
};
// Our entries and risk-specific source words seen in clean text are tried as whole words, else kept
// weak (severity 1: they count only together with other hits nearby). Any other source word seen in
// clean text, or common in the jieba dictionary, is generic (北京, 政府, 手机 …): dropped.
for (const e of candidates) {
  const hits = firstHits.get(e.keyword) ?? 0;
  const freq = jiebaFreq.get(norm(e.keyword)) ?? 0;
  const ours = e.source === 'beian';
  const keepWeak = ours || specific.has(e.keyword);
  const generic = hits > c['drop-rate'] * texts.length || freq >= c['jieba-drop-freq'];
  const named = !ours && jiebaGeneric.has(norm(e.keyword));
  if (generic || (!keepWeak && (hits >= c['demote-hits'] || freq >= c['jieba-demote-freq'] || named))) {
    drop(
      e.source ?? '?',
      generic || hits
        ? 'generic: seen in clean text'
        : named
          ? 'generic: a name or idiom'
          : 'generic: common word',
    );
    mark('dropped');
    continue;
  }
  if (named) {
    curated.push({ ...e, severity: 1, note: `${e.note}; demoted: a name or idiom` });
    mark('demoted (name or idiom)');
    continue;
  }
  if (hits >= c['demote-hits']) {
    retry.push(e);
    continue;
  }
  if (freq >= c['jieba-demote-freq']) {
    curated.push({ ...e, severity: 1, note: `${e.note}; demoted: common word` });
    mark('demoted (common word)');
    continue;
  }
  curated.push(e);
  mark('kept');
}
// words seen in clean text: as whole words only, if that removes every clean hit; else demoted
const asWords = retry.map((e) => ({ ...e, boundary: 'word' as const }));
const wordHits = hitsOf(asWords);
for (const e of asWords) {
  if ((wordHits.get(e.keyword) ?? 0) === 0) {
    curated.push({ ...e, note: `${e.note}; whole word only (clean text)` });
    mark('whole word (clean hits)');
  } else {
    const { boundary: _b, ...rest } = e;
    curated.push({ ...rest, severity: 1, note: `${e.note}; demoted: seen in clean text` });
    mark('demoted (clean hits)');
  }
}
candidates = curated;

// 4. write one CSV per risk
const stats = lexiconStats(candidates, kb);
const cell = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const files = new Map<string, string[]>();
for (const e of [...candidates].sort(
  (a, b) => a.category.localeCompare(b.category) || a.keyword.localeCompare(b.keyword, 'zh'),
)) {
  const name = `${e.category.toLowerCase().replace(/\./g, '-')}.csv`;
  const rows = files.get(name) ?? ['keyword,category,severity,boundary,source,context,note'];
  rows.push(
    [
      e.keyword,
      e.category,
      String(e.severity),
      e.boundary ?? 'auto',
      e.source ?? '',
      (e.context ?? []).join('|'),
      e.note ?? '',
    ]
      .map(cell)
      .join(','),
  );
  files.set(name, rows);
}
const report = {
  version: libraryVersion(candidates),
  total: stats.total,
  perRisk: stats.perRisk,
  requirementsMet: stats.ok,
  missing: stats.requirements.filter((r) => !r.ok),
  bySource: Object.fromEntries(
    ['beian', ...config.sources.map((s) => s.id)].map((s) => [
      s,
      candidates.filter((e) => e.source === s).length,
    ]),
  ),
  curation: outcome,
  dropped,
  tuningRecords: { poetry: tuning.poetry.length, cluener: tuning.cluener.length, weibo: tuning.weibo.length },
};
const outputs = new Map<string, string>([...files].map(([n, rows]) => [n, `${rows.join('\n')}\n`]));
outputs.set('build-report.json', `${JSON.stringify(report, null, 2)}\n`);

if (CHECK) {
  const stale = [...outputs].filter(([n, body]) => {
    try {
      return readFileSync(join(DEFAULT_LEXICON_DIR, n), 'utf8') !== body;
    } catch {
      return true;
    }
  });
  console.log(stale.length ? `stale: ${stale.map(([n]) => n).join(', ')}` : 'default library is current');
  process.exit(stale.length ? 1 : 0);
}
const tmp = `${DEFAULT_LEXICON_DIR.replace(/\/$/, '')}.tmp`;
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
for (const [n, body] of outputs) writeFileSync(join(tmp, n), body);
rmSync(DEFAULT_LEXICON_DIR, { recursive: true, force: true });
renameSync(tmp, DEFAULT_LEXICON_DIR);
console.log(JSON.stringify({ ...report, dropped: undefined }, null, 2));
