import type { scan as zh } from '../zh/scan.js';

export const scan: Record<keyof typeof zh, string> = {
  'corpus.gzipBomb':
    '{file} inflates to more than {ratio}× its compressed size (a decompression bomb?): reading stopped',
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
  'scan.option.threads':
    'scanning threads (default: all cores, one per 16 MB of input; up to 4 MB, and with 1, the main thread alone)',
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
  'scan.option.sampleOut':
    'write the manual-review sample (JSONL, one item a line, corpus.manual.sample.min items, PII masked); reviewers fill in verdict, then beian scan review records it',
  'scan.fullLine':
    'full scan: {flagged} of {records} records flagged, pass rate {pass} (min {min}); the technical check is decided by the full scan and every source, the sample is for manual review',
  'scan.sampleOut': 'manual-review sample written to {file}: {size} items (the standard asks ≥ {required})',
  'scan.sampleNeedsSave': 'note: recording the review needs this scan stored with --save',
  'scan.review.description':
    "Record a manual review: read the sample file with reviewers' verdicts (pass/fail or 合格/不合格), compute the pass rate against the standard, store it with its scan for the filing materials\nExamples: beian scan corpus/ --save --sample-out sample.jsonl\n          beian scan review sample.jsonl --reviewer Zhang",
  'scan.review.option.reviewer': "reviewer's name",
  'scan.review.value': 'actual',
  'scan.review.required': 'required',
  'scan.review.reviewed': 'reviewed',
  'scan.review.failed': 'failed',
  'scan.review.pending': 'pending',
  'scan.review.passRate': 'pass rate',
  'scan.review.stored': 'stored with scan {scan}',
  'scan.empty': 'the input holds no records to audit ({files} files): an empty input proves nothing',
  'scan.review.empty': '{file}: no sample lines (write one with beian scan --sample-out)',
  'scan.review.noScan':
    'scan {scan} is not in the store: run the scan with --save together with --sample-out',
  'scan.review.badJson': 'invalid JSON: {reason}',
  'scan.review.otherScan': 'belongs to scan {scan}, not {expected}',
  'scan.review.badVerdict': '"{value}" is not pass/fail (合格/不合格)',
  'scan.review.missingScan': 'missing scan id',
};
