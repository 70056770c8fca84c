import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatFromPath, listCorpusFiles } from '../../corpus/blocks.js';
import { hasUtf16Bom, looksBinary } from '../../corpus/encoding.js';
import { type CorpusReadOptions, DEFAULT_MAX_RECORD_BYTES } from '../../corpus/types.js';
import { BeianError, type Issue } from '../../errors.js';
import { openAtomicStream } from '../../io/atomic.js';
import type { Kb } from '../../kb/index.js';
import type { JobEnvelope, ShardInput } from '../../queue/jobs.js';
import { pickPartials } from '../../queue/merge.js';
import {
  CsvCutFinder,
  type Cut,
  CutFinder,
  cutTargets,
  type FileFacts,
  planShards,
} from '../../queue/shards.js';
import type { Store } from '../../store/index.js';
import {
  createQueueRun,
  finalFailures,
  finishQueueRun,
  partialProgress,
  partialResult,
  queueRunById,
} from '../../store/repos/queue.js';
import type { LexiconSelection, LoadedLexicon } from '../lexicon.js';
import {
  type ManualSample,
  mergeScanTallies,
  type ScanReport,
  type ScanTally,
  scanPlan,
  scanReport,
} from '../scan.js';
import { planOptions, type ShardTally } from './scan-shard.js';
import { SCAN_SHARD, type ScanJobOptions, type ScanRunSpec, scanRunSpecSchema } from './scan-spec.js';

/** The submitting side's view of the queue (the CLI passes the BullMQ shell). */
export interface QueuePort {
  enqueue(jobs: readonly JobEnvelope[], options: { attempts: number }): Promise<void>;
}

export const DEFAULT_SHARD_BYTES = 32 * 1024 * 1024;
/** Below this, shard 0's sniffing (binary, BOM) could see less than a whole-file read does. */
const MIN_SHARD_BYTES = 64 * 1024;

/**
 * Whether a file can be cut into byte ranges: line records (or CSV records, when the reader of the
 * pieces takes a CSV header from the file's head: `csv`), uncompressed, text.
 */
async function splittable(
  file: string,
  size: number,
  read: CorpusReadOptions,
  csv: boolean,
): Promise<boolean> {
  const format = read.format ?? formatFromPath(file);
  if ((format === 'csv' && !csv) || read.txtRecord === 'file' || size === 0) return false;
  const fh = await open(file, 'r');
  try {
    const head = Buffer.alloc(8192);
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    const h = head.subarray(0, bytesRead);
    return (
      !(h[0] === 0x1f && h[1] === 0x8b) &&
      !hasUtf16Bom(h) &&
      !looksBinary(h) &&
      !file.toLowerCase().endsWith('.gz')
    );
  } finally {
    await fh.close();
  }
}

/** Record-aligned cuts of one file: one pass counting newlines (and quotes in CSV), stopping after the last cut. */
async function alignCuts(file: string, size: number, shardBytes: number, csv: boolean): Promise<Cut[]> {
  const targets = cutTargets(size, shardBytes);
  const finder = csv ? new CsvCutFinder(targets, DEFAULT_MAX_RECORD_BYTES) : new CutFinder(targets);
  const stream = createReadStream(file, { highWaterMark: 4 << 20 });
  for await (const chunk of stream) {
    if (!finder.push(chunk as Buffer)) {
      stream.destroy();
      break;
    }
  }
  return finder.cuts;
}

/**
 * Plans a run's shards: files in the order a local run reads them, large ones cut at newlines
 * (`csv`: CSV files too, at record boundaries; `beian pii` reads such pieces, `beian scan` not yet).
 */
export async function planScanShards(
  inputs: readonly string[],
  read: CorpusReadOptions,
  shardBytes = DEFAULT_SHARD_BYTES,
  options: { csv?: boolean } = {},
): Promise<{ files: string[]; shards: ShardInput[] }> {
  const bytes = Math.max(MIN_SHARD_BYTES, shardBytes);
  const files = await listCorpusFiles(inputs);
  const facts: FileFacts[] = [];
  const cuts = new Map<string, Cut[]>();
  for (const file of files) {
    const size = (await stat(file)).size;
    const csv = (read.format ?? formatFromPath(file)) === 'csv';
    const split = size > bytes && (await splittable(file, size, read, options.csv === true));
    facts.push({ file, size, splittable: split });
    if (split) cuts.set(file, await alignCuts(file, size, bytes, csv));
  }
  // records are named as a local scan names them; workers open the absolute path
  const shards = planShards(facts, cuts).map((s) => ({ ...s, path: resolve(s.file) }));
  return { files, shards };
}

export interface SubmitScan {
  inputs: readonly string[];
  read: CorpusReadOptions;
  seed: number;
  sampleFraction?: number;
  flagScore: number;
  examples?: number;
  topKeywords?: number;
  manual: boolean;
  selection: LexiconSelection;
  lexicon: LoadedLexicon;
  shardBytes?: number;
  attempts?: number;
  /** --flagged / --sample-out as given, and the folder they are relative to */
  flaggedOut?: string;
  sampleOut?: string;
  cwd?: string;
}

/** Absolute paths in a lexicon selection: workers may start in another folder. */
function absoluteSelection(sel: LexiconSelection): LexiconSelection {
  return {
    ...sel,
    ...(sel.files ? { files: sel.files.map((f) => (f === 'naughty-words' ? f : resolve(f))) } : {}),
    ...(sel.categoryMap ? { categoryMap: resolve(sel.categoryMap) } : {}),
  };
}

/** Plans the run, records it in the store and enqueues its shards; returns the run id. */
export async function submitScanRun(store: Store, queue: QueuePort, s: SubmitScan, now: Date) {
  const { files, shards } = await planScanShards(s.inputs, s.read, s.shardBytes);
  const options: ScanJobOptions = {
    read: s.read,
    seed: s.seed,
    ...(s.sampleFraction !== undefined ? { sampleFraction: s.sampleFraction } : {}),
    flagScore: s.flagScore,
    ...(s.examples !== undefined ? { examples: s.examples } : {}),
    manual: s.manual || s.sampleOut !== undefined,
    ...(s.flaggedOut ? { flagged: true } : {}),
    lexicon: absoluteSelection(s.selection) as ScanJobOptions['lexicon'],
    lexiconVersion: s.lexicon.version,
  };
  const spec: ScanRunSpec = {
    inputs: [...s.inputs],
    files: files.length,
    ...(s.topKeywords !== undefined ? { topKeywords: s.topKeywords } : {}),
    options,
    shards,
    attempts: s.attempts ?? 3,
    ...(s.flaggedOut
      ? { flaggedOut: { given: s.flaggedOut, path: resolve(s.cwd ?? '.', s.flaggedOut) } }
      : {}),
    ...(s.sampleOut ? { sampleOut: { given: s.sampleOut, path: resolve(s.cwd ?? '.', s.sampleOut) } } : {}),
  };
  const id = `scan-${randomUUID()}`;
  await createQueueRun(store, { id, kind: SCAN_SHARD, shards: shards.length, spec }, now);
  await enqueueMissing(store, queue, id, spec);
  return { id, spec };
}

/** The stored spec of a scan run (for --attach). */
export async function scanRunSpec(store: Store, run: string): Promise<ScanRunSpec> {
  const row = await queueRunById(store, run);
  if (!row) throw BeianError.of('NOT_FOUND', 'queue.runNotFound', { run });
  if (row.kind !== SCAN_SHARD) throw BeianError.of('USAGE', 'queue.runKind', { run, kind: row.kind });
  return scanRunSpecSchema.parse(row.spec);
}

/** What a run puts on the queue: one job of `kind` per shard, built by `payload`. */
export interface QueuedJobs {
  kind: string;
  shards: readonly ShardInput[];
  attempts: number;
  payload: (input: ShardInput, shard: number) => unknown;
}

const scanJobs = (spec: ScanRunSpec): QueuedJobs => ({
  kind: SCAN_SHARD,
  shards: spec.shards,
  attempts: spec.attempts,
  payload: (input) => ({ options: spec.options, input }),
});

/**
 * Enqueues every shard without a result or a final failure. Job ids are stable, so a shard still
 * in the queue is not added twice; a Redis that lost its data (restarted without persistence)
 * gets the missing shards back.
 */
export async function enqueueMissingJobs(
  store: Store,
  queue: QueuePort,
  run: string,
  q: QueuedJobs,
): Promise<number> {
  const done = new Set((await partialProgress(store, run)).map((p) => p.shard));
  for (const f of await finalFailures(store, run)) done.add(f.shard);
  const jobs: JobEnvelope[] = [];
  q.shards.forEach((input, shard) => {
    if (!done.has(shard)) jobs.push({ run, shard, kind: q.kind, payload: q.payload(input, shard) });
  });
  if (jobs.length) await queue.enqueue(jobs, { attempts: q.attempts });
  return jobs.length;
}

/** enqueueMissingJobs for a scan run. */
export const enqueueMissing = (store: Store, queue: QueuePort, run: string, spec: ScanRunSpec) =>
  enqueueMissingJobs(store, queue, run, scanJobs(spec));

export interface RunProgress {
  shards: number;
  done: number;
  bytes: number;
  totalBytes: number;
}

const shardBytes = (s: ShardInput): number => (s.range ? s.range.end - s.range.start : s.size);

export interface FollowOptions {
  onProgress?: (p: RunProgress) => void;
  pollMs?: number;
  reenqueueMs?: number;
}

/**
 * Follows a run until every shard has a result (or one failed for good), calling `onProgress`;
 * every `reenqueueMs` it puts back shards the queue lost. Partial results are read from the store.
 */
export async function followRun(
  store: Store,
  queue: QueuePort,
  run: string,
  q: QueuedJobs,
  options: FollowOptions = {},
): Promise<void> {
  const totalBytes = q.shards.reduce((n, s) => n + shardBytes(s), 0);
  const following = Date.now();
  let lastEnqueue = following;
  let enqueuing: Promise<unknown> | undefined;
  for (;;) {
    const failures = await finalFailures(store, run);
    if (failures.length) throw shardFailure(run, q.shards, failures);
    const done = new Set((await partialProgress(store, run)).map((p) => p.shard));
    const bytes = [...done].reduce((n, s) => n + shardBytes(q.shards[s] as ShardInput), 0);
    options.onProgress?.({ shards: q.shards.length, done: done.size, bytes, totalBytes });
    if (done.size >= q.shards.length) return;
    if (!enqueuing && Date.now() - lastEnqueue > (options.reenqueueMs ?? 5000)) {
      // in the background: while Redis is down this waits for it, and progress keeps showing
      enqueuing = enqueueMissingJobs(store, queue, run, q)
        .catch(() => undefined)
        .finally(() => {
          enqueuing = undefined;
          lastEnqueue = Date.now();
        });
    }
    // quick looks while a small run may already be done, then once a second: each look is two
    // queries, and over a long run they added up to seconds of the submitter's CPU
    const poll = options.pollMs ?? (Date.now() - following < 5000 ? 250 : 1000);
    await new Promise((r) => setTimeout(r, poll));
  }
}

/** followRun for a scan run. */
export const followScanRun = (
  store: Store,
  queue: QueuePort,
  run: string,
  spec: ScanRunSpec,
  options: FollowOptions = {},
): Promise<void> => followRun(store, queue, run, scanJobs(spec), options);

function shardFailure(
  run: string,
  shards: readonly ShardInput[],
  failures: Array<{ shard: number; code: string; message: string }>,
) {
  const issues: Issue[] = failures.map((f) => {
    const input = shards[f.shard];
    return { ...(input ? { file: input.file, line: input.range?.firstLine ?? 1 } : {}), message: f.message };
  });
  const badInput = failures.some((f) =>
    ['USAGE', 'INPUT_INVALID', 'CONFIG_INVALID', 'NOT_FOUND'].includes(f.code),
  );
  return BeianError.of(
    badInput ? 'INPUT_INVALID' : 'ENVIRONMENT',
    'queue.shardFailed',
    { run, n: failures.length },
    { issues },
  );
}

/**
 * Merges a finished run's partial results, in shard order, into the report a local scan gives;
 * with --flagged, writes the shards' flagged lines in order (temporary file, renamed when whole),
 * one shard's lines in memory at a time. `manualSample` receives the merged review sample.
 */
export async function mergeScanRun(
  kb: Kb,
  store: Store,
  run: string,
  spec: ScanRunSpec,
  lexicon: LoadedLexicon,
  started: number,
  manualSample?: (sample: ManualSample) => Promise<void>,
): Promise<ScanReport> {
  const picked = pickPartials(
    (await partialProgress(store, run)).map((p) => ({ ...p, result: p })),
    spec.shards.length,
  );
  if (!picked.results) throw new Error(`run ${run}: shards ${picked.missing.join(', ')} have no result`);
  const plan = scanPlan(kb, lexicon, planOptions(spec.options));
  const flagged = spec.flaggedOut ? openAtomicStream(spec.flaggedOut.path) : undefined;
  const tallies: ScanTally[] = [];
  let completed = false;
  try {
    for (const p of picked.results) {
      const { flagged: lines, ...t } = (await partialResult(store, run, p.shard, p.attempt)) as ShardTally;
      if (flagged)
        for (const line of lines ?? []) if (!flagged.stream.write(line)) await once(flagged.stream, 'drain');
      tallies.push(t);
    }
    if (flagged) await flagged.commit();
    completed = true;
  } finally {
    if (flagged && !completed) await flagged.abort();
  }
  const report = await scanReport(kb, lexicon, mergeScanTallies(tallies, plan), plan, {
    seed: spec.options.seed,
    ...(spec.topKeywords !== undefined ? { topKeywords: spec.topKeywords } : {}),
    ...(manualSample && spec.options.manual ? { manualSample } : {}),
    files: spec.files,
    started,
    id: run,
  });
  await finishQueueRun(store, run, 'done', {
    records: report.records,
    flagged: report.flagged,
    verdict: report.verdict,
  });
  return report;
}
