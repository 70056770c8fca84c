import type { scan as zh } from '../zh/scan.js';

export const scan: Record<keyof typeof zh, string> = {
  'scan.description':
    'Audit a training corpus: stream JSONL/TXT/CSV (.gz, UTF-8/GBK/GB18030), match the keyword library on all cores, sample per the standard, give a verdict\nExamples: beian scan data/ --field text\n          beian scan corpus.jsonl.gz --json --out report.html --flagged flagged.jsonl --seed 7',
  'scan.option.format': 'input format (default: from the extension)',
  'scan.option.field': 'JSONL text field (dotted path ok, e.g. data.content) or CSV column; default text',
  'scan.option.sourceField': 'source field (per-source breakdown); default source',
  'scan.option.encoding': 'encoding: utf-8, gbk, gb18030 (default: detected)',
  'scan.option.wholeFile': 'TXT: one record per file (default: per line)',
  'scan.option.seed': 'sampling seed (the same seed picks the same records)',
  'scan.option.sampleFraction': 'sampling fraction (not below the standard minimum {min})',
  'scan.option.flagScore': 'record flag bar: sum of severities of distinct keywords (default 3)',
  'scan.option.out': 'write a self-contained HTML report',
  'scan.option.flagged': 'write flagged records as JSONL',
  'scan.option.threads': 'worker threads (default: all cores, one per 16 MB of input)',
  'scan.option.maxRecord':
    'max bytes of one record; larger ones are reported as malformed and skipped (default 16 MiB)',
  'scan.option.save': 'save the report in the database',
  'scan.badFraction': 'sampling fraction {value} is below the standard minimum {min} ({id})',
  'scan.badEncoding': 'unsupported encoding "{value}": use utf-8, gbk or gb18030',
  'scan.badNumber': '{flag} needs a number, got "{value}"',
  'scan.title': 'Training-corpus security audit',
  'scan.records': 'records',
  'scan.bytes': 'bytes',
  'scan.flagged': 'flagged records',
  'scan.malformed': 'malformed entries',
  'scan.sample': 'sample',
  'scan.verdict': 'verdict',
  'scan.pass': 'pass',
  'scan.fail': 'fail',
  'scan.byCategory': 'Flagged records by risk',
  'scan.topKeywords': 'Top keywords',
  'scan.sources': 'By source',
  'scan.examples': 'Examples (matches highlighted)',
  'scan.sampleLine':
    'sample {size} (fraction {fraction}, seed {seed}), {flagged} flagged, rate {rate}, 95% CI [{lo}, {hi}]; pass rate {pass}, standard requires ≥ {min}',
  'scan.sourceOver':
    'source "{source}" has {rate} illegal/harmful records, over {max}: do not collect or train on it',
  'scan.saved': 'report saved in the database ({id})',
  'scan.progress': 'scan',
};
