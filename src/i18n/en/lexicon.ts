import type { lexicon as zh } from '../zh/lexicon.js';

export const lexicon: Record<keyof typeof zh, string> = {
  'lexicon.description':
    'Keyword libraries: coverage against the standard, check text, batch tests, compile to a binary file',
  'lexicon.option.lexicon':
    'keyword library (txt/csv/xlsx/json, naughty-words, or a compiled .beianlx), repeatable; default: the shipped starter library',
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
};
