import type { lexicon as zh } from '../zh/lexicon.js';

export const lexicon: Record<keyof typeof zh, string> = {
  'lexicon.description':
    'Keyword libraries: coverage against the standard, check text, batch tests, compile to a binary file',
  'lexicon.option.lexicon':
    'keyword library: a file (txt/csv/xlsx/json), a folder (one-word-a-line lists + category map; houbb dict + tags), naughty-words, or a compiled .beianlx; repeatable; default: the shipped default library',
  'lexicon.option.naughty': "also load the naughty-words package's Chinese list (all as A.1.6)",
  'lexicon.option.allow': 'exemption phrase (hits inside it do not count), repeatable, e.g. --allow 透明性',
  'lexicon.option.pinyin': 'generate pinyin variants of Chinese keywords of two or more characters',
  'lexicon.stats.description':
    'Library size and per-risk coverage against the standard (total, per A.1/A.2 risk), saying what is missing\nExamples: beian lexicon stats\n          beian lexicon stats --lexicon my.xlsx --naughty-words --json',
  'lexicon.check.description':
    'Check a text: which keyword matched, where in the original, through which normalisation, why excluded\nExample: beian lexicon check "免费色*情网站"',
  'lexicon.test.description':
    'Test a text file line by line, listing the matches of each line\nExample: beian lexicon test samples.txt',
  'lexicon.compile.description':
    'Compile the library to a binary automaton file that loads in milliseconds\nExample: beian lexicon compile --out lexicon.beianlx',
  'lexicon.option.out': 'output file',
  'lexicon.stats.total': '{n} keywords in total',
  'lexicon.stats.requirement': 'requirement',
  'lexicon.stats.scope': 'scope',
  'lexicon.stats.required': 'min',
  'lexicon.stats.actual': 'actual',
  'lexicon.stats.missing': 'missing',
  'lexicon.stats.ok': 'Every requirement of the standard is met.',
  'lexicon.stats.notOk':
    'Requirements of the standard NOT met: {n} failing; {total} keywords short of the total.',
  'lexicon.duplicates': '{n} duplicate keywords (the first one kept)',
  'lexicon.warnings':
    '{n} warnings: one-character keywords match only as whole words and still hit ordinary text; review them:',
  'lexicon.issue.tooLong': 'keyword longer than {max} characters: skipped',
  'lexicon.issue.control': 'control character U+{code} in keyword "{keyword}" (row not loaded)',
  'lexicon.warn.oneChar': '"{keyword}" is one character once normalised, matched as a whole word only',
  'lexicon.warn.oneCharAnywhere':
    '"{keyword}" is one character once normalised, matched anywhere (boundary=none)',
  'lexicon.compiledInvalid':
    '{file}: the compiled library cannot be loaded ({reason}); run beian lexicon compile again',
  'lexicon.issues': '{n} problems in the libraries:',
  'lexicon.noMatch': 'No match.',
  'lexicon.header.keyword': 'keyword',
  'lexicon.header.category': 'risk',
  'lexicon.header.span': 'span',
  'lexicon.header.offsets': 'offsets',
  'lexicon.header.via': 'normalisation',
  'lexicon.header.status': 'status',
  'lexicon.status.counted': 'counted',
  'lexicon.status.allow-list': 'inside an exemption phrase, not counted',
  'lexicon.status.boundary': 'not a whole word, not counted',
  'lexicon.status.overlap': 'covered by a longer match',
  'lexicon.record': 'record score {score} (bar {bar}): {verdict}',
  'lexicon.flagged': 'flagged',
  'lexicon.notFlagged': 'not flagged',
  'lexicon.test.summary': '{lines} lines, {hits} with matches, {flagged} flagged',
  'lexicon.option.category':
    'risk for words that come without a category (plain lists, folder lists), e.g. --category A.1.6',
  'lexicon.option.severity': 'severity for words that come without one (1 low, 2 medium, 3 high; default 2)',
  'lexicon.option.categoryMap':
    "category map for folder lists (YAML: file name → risk, severity); default: the folder's categories.yaml or a shipped map",
  'lexicon.badCategory': '--category "{value}" is not a risk id of Appendix A (A.1.1 … A.5.2)',
  'lexicon.badSeverity': '--severity "{value}" must be 1-3 or low/medium/high',
  'lexicon.version': 'lexicon version {version}',
  'lexicon.status.context': 'context words missing, not counted',
  'lexicon.diff.description':
    'Compare two library versions: keywords added, removed, changed, and per-risk counts (for the weekly update)\nExamples: beian lexicon diff default new.csv\n          beian lexicon diff last-week.beianlx this-week.beianlx --json',
  'lexicon.diff.option.limit': 'max keywords listed per kind',
  'lexicon.diff.summary': '{from} → {to}: {added} added, {removed} removed, {changed} changed',
  'lexicon.diff.notFound': 'no such lexicon: {file}',
  'lexicon.option.variants':
    'match evasion variants of high-severity keywords: homophone, split (拆字), lookalike (火星文/look-alikes), comma-separated, or all / none; default split,lookalike (measured to add no flag on clean text)',
  'lexicon.badVariants': '"{value}" in --variants is not a variant family ({allowed}, all, none)',
  'lexicon.stats.sources': 'sources: {list}',
  'lexicon.compiledMixed': '{file} is a compiled lexicon: pass it alone, or pass the source libraries',
  'lexicon.empty': 'the selected lexicon has no usable keywords',
  'lexicon.issue.notArray': 'expected a JSON array (or { "entries": [...] })',
  'lexicon.issue.unreadable': 'cannot read lexicon: {reason}',
  'lexicon.issue.unclassified':
    '{n} keyword(s) without a category are filed as "{unclassified}" (add a category column, a "#! category=A.x.y" line or --category)',
  'lexicon.issue.emptyKeyword': 'empty keyword',
  'lexicon.issue.unknownRisk': 'unknown risk id "{category}" (expected A.1.1 … A.5.2)',
  'lexicon.issue.badSeverity': 'severity "{value}" is not 1-3 / low|medium|high',
  'lexicon.issue.emptyNormalised': 'keyword "{keyword}" is empty after normalisation',
  'lexicon.issue.mapUnreadable': 'cannot read category map: {reason}',
  'lexicon.issue.mapLayout': 'category map is for the {layout} layout',
  'lexicon.issue.mapSkipped': 'skipped by the category map: {why}',
};
