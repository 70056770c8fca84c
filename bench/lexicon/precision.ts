/**
 * Precision of the DEFAULT library at the default flag score, on clean text it was not curated on,
 * and recall on keyword-stuffed spam:
 *   - 5,000 HOLD-OUT chinese-poetry lines, the HOLD-OUT CLUENER sentences and Weibo messages
 *     (scripts/lexicon/clean-corpora.ts: the build script only ever reads the tuning split);
 *   - ~30 whole clean news articles (bench/lexicon/fixtures/clean-news.txt, our own text);
 *   - keyword-stuffed porn/gambling SEO spam lines (bench/lexicon/fixtures/seo-spam.txt, ours).
 * Prints flagged rates against the targets and, per evasion-variant family, the extra clean flags
 * the family's variants would cause and its recall on disguised spam keywords.
 *
 *   npx tsx bench/lexicon/precision.ts            # env SPLIT=tuning to list offenders on the tuning split
 */
import { readFileSync } from 'node:fs';
import { loadCleanCorpora, type Split } from '../../scripts/lexicon/clean-corpora.js';
import { loadLexicon } from '../../src/app/lexicon.js';
import { loadKb } from '../../src/kb/index.js';
import { type CountedMatches, countedMatcher, type Matcher, scoreRecord } from '../../src/lexicon/index.js';

const split = (process.env.SPLIT ?? 'holdout') as Split;
const kb = loadKb();
const started = Date.now();
const lex = await loadLexicon(kb, {});
const count = countedMatcher(lex.matcher, lex.rules);
console.log(
  `default library ${lex.version}: ${lex.entries.length} keywords (+ ${lex.matcher.entries.length - lex.entries.length} default variants), loaded in ${((Date.now() - started) / 1000).toFixed(1)} s; split ${split}`,
);

const fixture = (name: string): string[] =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'));

const clean = loadCleanCorpora(split);
const poetry = clean.poetry
  .filter((_, i) => i % Math.max(1, Math.floor(clean.poetry.length / 5000)) === 0)
  .slice(0, 5000);
const ner = [...clean.cluener, ...clean.weibo];
const news = fixture('clean-news.txt');
const spam = fixture('seo-spam.txt');

const flagged = (c: CountedMatches, t: string): boolean => scoreRecord(t, c(t)).flagged;
const offenders = new Map<string, number>();
const rate = (label: string, texts: string[], target: number, positive = false, c = count): number => {
  let n = 0;
  for (const t of texts)
    if (flagged(c, t)) {
      n++;
      if (!positive) for (const m of c(t)) offenders.set(m.keyword, (offenders.get(m.keyword) ?? 0) + 1);
    }
  const r = n / Math.max(1, texts.length);
  const ok = positive ? r >= target : r <= target;
  console.log(
    `${label.padEnd(44)} ${String(n).padStart(5)} / ${String(texts.length).padEnd(6)} ${(r * 100).toFixed(2).padStart(6)}%  target ${positive ? '≥' : '≤'} ${(target * 100).toFixed(1)}%  ${ok ? 'met' : 'NOT MET'}`,
  );
  return r;
};
rate(`chinese-poetry lines (${split})`, poetry, 0.002);
rate(`CLUENER sentences + Weibo messages (${split})`, ner, 0.005);
rate('clean news articles (whole records)', news, 0);
rate('keyword-stuffed SEO spam lines', spam, 0.95, true);
if (split !== 'holdout')
  console.log(
    'offenders:',
    [...offenders]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 40)
      .map(([k, n]) => `${k}×${n}`)
      .join(' '),
  );

// Evasion variants: each family's generated variants of the high-severity keywords, added to the
// library on their own, measured as extra clean flags (precision) and recall on disguised spam words.
const { VARIANT_FAMILIES, variantEntries, disguiseWith } = await import(
  '../../src/lexicon/variants/index.js'
);
const cleanAll = [...poetry, ...ner, ...news];
// the baseline for the families: the library without any variant
const plain = countedMatcher((await loadLexicon(kb, { variants: [] })).matcher, lex.rules);
const baseFlags = new Set(cleanAll.filter((t) => flagged(plain, t)));
const { compileLexicon } = await import('../../src/lexicon/index.js');
const spamWords = lex.entries.filter((e) => e.severity === 3 && e.source === 'beian').map((e) => e.keyword);
console.log('\nvariant family     variants  extra clean flags  disguised-keyword recall (without → with)');
for (const family of VARIANT_FAMILIES) {
  const extra = variantEntries(lex.entries, [family]);
  const m: Matcher = compileLexicon([...lex.entries, ...extra]);
  const c = countedMatcher(m, lex.rules);
  const newFlags = cleanAll.filter((t) => !baseFlags.has(t) && flagged(c, t)).length;
  const disguised = spamWords.map((w) => disguiseWith(family, w)).filter((d): d is string => d !== undefined);
  const before = disguised.filter((t) => flagged(plain, t)).length;
  const after = disguised.filter((t) => flagged(c, t)).length;
  console.log(
    `${family.padEnd(18)} ${String(extra.length).padStart(8)}  ${String(newFlags).padStart(6)} / ${cleanAll.length} (${((newFlags / cleanAll.length) * 100).toFixed(2)}%)   ${before}/${disguised.length} → ${after}/${disguised.length}`,
  );
}
