import type { piiQueue as zh } from '../zh/pii-queue.js';

/** Scale-out PII scans and de-identification (beian pii --queue). */
export const piiQueue: Record<keyof typeof zh, string> = {
  'queue.csvNoHeader':
    '{file}:{line}: no CSV header before this piece (did the file change since submitting?)',
  'queue.piiKeyDiffers':
    "The worker's pseudonym key ({env}) differs from the submitter's: every machine must use the same key, or one value gets different pseudonyms in different shards",
  'queue.partMissing':
    'The de-identified output of shard {shard} ({file}) is missing or incomplete: every machine must share one folder (--parts-dir; a shared volume across machines)',
  'queue.partsDirUnwritable': 'The worker cannot write the shard output folder {dir}: {message}',
  'queue.piiDone':
    'Run {run} is finished; the report is read from the database (its de-identified files were written when it finished)',
  'pii.option.queue':
    'cut the scan into shards (files, and large JSONL/TXT/CSV files at record boundaries) on a Redis queue for beian worker; the same report and de-identified files as a local run; needs a PostgreSQL --db',
  'pii.option.attach': 'follow a submitted run again (after the submitter stopped)',
  'pii.option.shardBytes':
    'cut large files into pieces of about this many bytes (record-aligned, default 32 MiB)',
  'pii.option.attempts': 'tries per shard before it is reported failed (default 3)',
  'pii.option.partsDir':
    "each shard's de-identified output and --findings lines go here first (every worker must reach it at the same path; default .beian-parts under --out), then are joined in order",
};
