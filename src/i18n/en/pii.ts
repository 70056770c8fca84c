import type { pii as zh } from '../zh/pii.js';

/** `beian pii` and `beian sources` messages (English). */
export const pii: Record<keyof typeof zh, string> = {
  'pii.description':
    'Detect personal information in corpora (resident IDs, mobiles, bank cards, USCC, names, addresses, ...) and de-identify it',
  'pii.help.examples': `Examples:
  beian pii data/corpus.jsonl                      count personal information by type
  beian pii data/ --field content --field user.phone --json
                                                    only these JSONL fields (default: all), JSON output
  beian pii data/ --findings findings.jsonl        one line per finding (masked values only)
  beian pii data/ --redact --out clean/            write de-identified copies (same format), re-scan them
  BEIAN_PII_KEY=... beian pii data/ --redact --out clean/ --config beian.yaml
                                                    use the pii: section of beian.yaml (keyed pseudonyms)
  beian pii /shared/data --redact --out /shared/clean --queue redis://10.0.0.1:6379 --db postgres://beian@10.0.0.1/beian
                                                    shard across every beian worker (same report and files as a local run)

Types: cn-id-card cn-mobile cn-landline bank-card cn-uscc passport cn-travel-permit cn-plate
       email ip mac url-credentials person-name address
Confidence: high (checksum/strict format), medium, possible (failed checksum or no context)`,
  'pii.option.model':
    'also run a name/address model you trained (weights from beian pii-train), besides the rules',
  'pii.train.description':
    'Train the optional name/address sequence model on labelled data you are licensed to use (offline; beian ships no weights)',
  'pii.train.option.out': 'weights file to write (JSON)',
  'pii.train.option.epochs': 'training epochs (default 15)',
  'pii.train.option.trainedOn': 'what the data is (data set and licence), recorded in the weights file',
  'pii.train.help': `Data formats:
  JSONL: {"text": "...", "spans": [{"type": "person-name", "start": 3, "end": 6}]} (end exclusive)
         or the CLUENER shape {"text": "...", "label": {"name": {...}, "address": {...}}}
  BIO:   one "character tag" per line (B-PER, I-PER, B-ADDR...), a blank line between sentences
Examples:
  beian pii-train ours.jsonl --out pii-model.json --trained-on "support tickets 2025, own data"
  beian pii corpus.jsonl --model pii-model.json`,
  'pii.train.notFound': 'Training data not found: {file}',
  'pii.train.noSpans': 'No labelled person-name or address span in the training data.',
  'pii.model.unreadable': 'Cannot read the model file {file}: not a JSON weights file.',
  'pii.model.oldVersion':
    'The model file {file} was written by another beian (weights format {found}; this one reads {version}). Train it again with beian pii-train.',
  'pii.model.invalid': 'The model file {file} is not a beian PII weights file.',
  'pii.train.needsOut': 'Give the weights file with --out',
  'pii.train.progress': 'Training the model',
  'pii.train.done':
    'Trained on {sentences} sentences ({names} names, {addresses} addresses), {features} features, written to {out}',
  'pii.option.format': 'input format (default: by extension): jsonl, txt or csv',
  'pii.option.field':
    'only this JSONL field (dotted path, e.g. data.content; nested values included) or CSV column; repeat for several; default: every field and column',
  'pii.option.encoding': 'force the encoding: utf8, gbk or gb18030 (default: detected)',
  'pii.option.findings':
    'write every finding to this JSONL file (file, line, type, offsets, confidence, masked value)',
  'pii.option.redact': 'de-identify: write copies into --out',
  'pii.option.out': 'folder for the de-identified copies',
  'pii.option.config':
    'project file (default: ./beian.yaml if present) whose pii: section configures redaction',
  'pii.option.jobs':
    'threads that scan: this one and N−1 workers (default: one per 16 MiB of input, up to all cores)',
  'pii.option.noSave': 'do not save the report in the database',
  'pii.redactNeedsOut': '--redact needs --out <folder>',
  'pii.outNeedsRedact': '--out is only used with --redact: add --redact to write a de-identified copy there',
  'pii.progress': 'Scanning for personal information',
  'pii.summary': '{records} records · {bytes} · {findings} personal-information findings',
  'pii.header.type': 'Type',
  'pii.header.label': 'Name',
  'pii.header.count': 'Count',
  'pii.confidence': 'Confidence: high {high} · medium {medium} · possible {possible}',
  'pii.examples': 'Examples (masked):',
  'pii.malformed': '{n} unreadable entries (skipped; everything else was processed):',
  'pii.malformedMore': '... and {n} more, see --json',
  'pii.redaction':
    'De-identified {redacted} findings → {out}; re-scan found {residual} high-confidence residuals (rate {rate})',
  'pii.residualFail':
    'High-confidence personal information remains after de-identification: check the strategies (keep?).',
  'pii.findingsWritten': 'Findings written to {file}',
  'pii.saved': 'Report saved (id {id})',
  'pii.bySource': 'By source (for lastScan.pii in the ledger):',
  'pii.none': 'No personal information found.',
  'sources.description':
    'Training-data provenance ledger: licence, authorisation, crawling basis, personal information, foreign sources, illegal-content rate',
  'sources.check.description': 'Check the ledger and compute the source mix; exit 1 when a source is flagged',
  'sources.import.description':
    'Read a CSV/YAML ledger, validate it and print it as YAML (for the sources: section)',
  'sources.help.examples': `Examples:
  beian sources check --ledger examples/demo/sources.yaml
  beian sources check --config beian.yaml --json
  beian sources import ledger.csv > sources.yaml

Flag codes: missing-licence, missing-authorisation, crawl-without-basis, pi-without-consent,
  pi-undeclared, foreign-not-reviewed, illegal-rate-exceeded (threshold from the KB,
  source.illegal-rate.max), not-scanned (a warning; does not fail)`,
  'sources.option.ledger': 'ledger file (YAML, JSON or CSV); default: the sources: section of beian.yaml',
  'sources.noLedger': 'No ledger: pass --ledger <file> or add a sources: section to beian.yaml.',
  'sources.summary': '{sources} sources, {flagged} flagged (illegal-rate maximum {max}, {standard})',
  'sources.problems': 'Problems:',
  'sources.foreign':
    '{n} sources from abroad: data coming into China needs no data-export security assessment; what applies:',
  'sources.ok': 'Every source passes the checks.',
  'sources.noList': '{file} has no "sources:" list.',
  'sources.issue.noList': 'no "sources:" list',
  'sources.badCsv': '{file} is not valid CSV.',
  'sources.issue.csv': '{message}',
  'sources.issue.notYesNo': '"{value}" is not yes/no',
  'sources.issue.notNumber': '"{value}" is not a number',
  'sources.issue.notTypeCount': '"{value}" is not type=count',
  'sources.badCells': '{file} has invalid cells.',
  'sources.invalidLedger': '{file} is not a valid source ledger.',
  'pii.keyFileUnreadable': 'Cannot read the pseudonym key file {file}.',
  'pii.keyNeededOrFile':
    'The pseudonym strategy needs a key of at least 16 bytes: set the environment variable {env} or fill {file}.',
  'pii.keyNeeded':
    'The pseudonym strategy needs a key of at least 16 bytes: set the environment variable {env}.',
  'pii.inputNotFound': 'Input not found: {input}',
  'pii.outOverwrites': '--out would overwrite the input {file}; choose another folder.',
  'pii.dictUnreadable': 'Cannot read PII dictionary {file}: {reason}',
  'pii.dictInvalid': 'The PII dictionaries in {dir} do not validate.',
  'sources.cannotReadLedger': 'Cannot read the ledger {file}.',
  'sources.table.yes': 'yes',
  'sources.table.no': 'no',
  'sources.table.unstated': 'unstated',
  'sources.table.title': 'Training-data sources',
  'sources.table.domestic': 'Domestic',
  'sources.table.foreign': 'Foreign',
  'sources.table.mixTitle': 'Source mix',
  'sources.dupSource': 'duplicate source id "{id}" (also [{first}])',
};
