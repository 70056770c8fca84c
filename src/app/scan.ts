import { once } from 'node:events';
import {
  type AuditTally,
  emptyTally,
  type FlaggedRecord,
  keepBottom,
  type ManualCandidate,
  mergeTally,
} from '../corpus/audit.js';
import { type BlockBuffers, BlockRing } from '../corpus/block-buffers.js';
import { readFileBlocks } from '../corpus/blocks.js';
import { mapOrdered, type WorkerPool } from '../corpus/pool.js';
import { summariseTally, type TallySummary } from '../corpus/scan-summary.js';
import type { ScanWorkerData } from '../corpus/scan-task.js';
import { type CorpusBlock, type CorpusReadOptions, DEFAULT_BLOCK_BYTES } from '../corpus/types.js';
import { openAtomicStream } from '../io/atomic.js';
import { type Kb, threshold } from '../kb/query.js';
import { serializeMatcher } from '../lexicon/serialize.js';
import { shareWalk } from '../lexicon/wasm/index.js';
import type { LoadedLexicon } from './lexicon.js';
import { poolOf, type ScanStart, startScan, threadsFor } from './scan-start.js';

export { likelySegments, type ScanStart, startScan } from './scan-start.js';

/** Stars the personal information of a flagged record's excerpt (see examplesMasker). */
export type ExampleMasker = (r: FlaggedRecord) => FlaggedRecord;

/**
 * A flagged record as it may leave the scan (JSON, HTML report, `scans` table): the personal
 * information in its excerpt (names and addresses too: they need the PII dictionaries) is starred,
 * same length, so the keyword offsets still hold. The PII modules are imported here, on first use:
 * a scan that keeps no example never loads them.
 */
export async function examplesMasker(): Promise<ExampleMasker> {
  // the four modules it needs, not the PII barrel (the generators, training, CSV and file formats
  // behind it cost ~25 ms more), and the dictionaries from the build's snapshot when it is fresh
  const [{ createDetectors }, { scanText }, { starPersonalInfo }, { loadPiiDictionariesQuick }] =
    await Promise.all([
      import('../pii/registry.js'),
      import('../pii/scan.js'),
      import('../pii/redact.js'),
      import('../pii/load-quick.js'),
    ]);
  const registry = createDetectors(await loadPiiDictionariesQuick());
  return (r) => {
    const text = r.excerpt.text;
    return { ...r, excerpt: { ...r.excerpt, text: starPersonalInfo(text, scanText(text, registry)) } };
  };
}

export interface ScanOptions {
  inputs: readonly string[];
  read: CorpusReadOptions;
  seed: number;
  /** defaults to the KB minimum (corpus.technical.sample-fraction.min); may not be lower */
  sampleFraction?: number;
  flagScore: number;
  threads?: number;
  /** write one JSON line per flagged record here */
  flaggedOut?: string;
  /** examples kept for the report */
  examples?: number;
  topKeywords?: number;
  /** draw the manual-review sample (corpus.manual.sample.min items) and hand it to this callback */
  manualSample?: (sample: ManualSample) => Promise<void>;
  onProgress?: (p: { records: number; bytes: number; totalBytes: number }) => void;
}

/** The manual-review sample drawn during a scan (written for reviewers by scan-review.ts). */
export interface ManualSample {
  scan: string;
  seed: number;
  required: number;
  items: ManualCandidate[];
}

/** A manual review's result, stored in the scan's report (filing materials read it). */
export interface ManualReview {
  size: number;
  passed: number;
  failed: number;
  pending: number;
  passRate: number;
  sampleMin: { id: string; value: number; ok: boolean };
  passRateMin: { id: string; value: number; ok: boolean };
  reviewedAt: string;
  reviewer?: string;
  file: string;
}

/** The `beian scan --json` contract (docs/lexicon.md): keep field names stable. */
export interface ScanReport extends TallySummary {
  /** run id; the id of the stored scan with --save, and the key of its manual sample */
  id: string;
  examples: FlaggedRecord[];
  lexicon: { libraries: string[]; keywords: number; version: string };
  /** the manual-review sample written with --sample-out */
  manualSample?: { file?: string; size: number; required: number; seed: number };
  /** reviewers' verdicts on that sample (`beian scan review`) */
  manualReview?: ManualReview;
  files: number;
  seconds: number;
  kbVersion: string;
}

/** What every piece of a scan shares: the worker threads' data and the report's parameters. */
export interface ScanPlan {
  data: ScanWorkerData;
  fraction: number;
  manualSize: number;
  keepExamples: number;
  /** stars the examples' personal information, made once per plan (a worker reuses it for every shard) */
  mask?: ExampleMasker;
}

/** The options a scan's pieces must agree on (a scale-out run sends them to every worker). */
export type ScanPlanOptions = Pick<
  ScanOptions,
  'read' | 'seed' | 'sampleFraction' | 'flagScore' | 'examples' | 'flaggedOut' | 'manualSample'
>;

export function scanPlan(kb: Kb, lexicon: LoadedLexicon, options: ScanPlanOptions): ScanPlan {
  const fractionMin = threshold(kb, 'corpus.technical.sample-fraction.min');
  const fraction = options.sampleFraction ?? fractionMin.value;
  // for this process's threads only (they load it as verified): no checksum
  const bytes = lexicon.compiled ?? serializeMatcher(lexicon.matcher, { shared: true, checksum: false });
  let shared = bytes;
  if (!(bytes.buffer instanceof SharedArrayBuffer)) {
    shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
    shared.set(bytes);
  }
  const walk = process.env.BEIAN_WASM === '0' ? undefined : shareWalk(lexicon.matcher.automaton);
  const manualMin = threshold(kb, 'corpus.manual.sample.min');
  const manualSize = options.manualSample ? Math.ceil(manualMin.value) : 0;
  const keepExamples = options.examples ?? 20;
  const data: ScanWorkerData = {
    matcher: shared,
    // the WebAssembly line walk, its tables copied once into memory all threads share (BEIAN_WASM=0:
    // the JS walk, to compare)
    ...(walk ? { walk } : {}),
    rules: lexicon.rules,
    read: options.read,
    audit: {
      flagScore: options.flagScore,
      seed: options.seed,
      sampleFraction: fraction,
      // without --flagged, only the report's examples are needed from each block
      ...(options.flaggedOut ? {} : { maxFlaggedRecords: keepExamples }),
      ...(manualSize ? { manualSize } : {}),
    },
  };
  return { data, fraction, manualSize, keepExamples };
}

/** The scan's worker threads (one pool per scan, or per run in `beian worker`). */
export async function scanPool(
  plan: ScanPlan,
  threads: number | undefined,
  totalBytes: number,
): Promise<WorkerPool<CorpusBlock, AuditTally>> {
  return poolOf(await threadsFor(threads, totalBytes), plan.data);
}

/** The --flagged line of a record (a local scan writes it; a scale-out shard carries it). */
export const flaggedLine = (r: FlaggedRecord): string =>
  `${JSON.stringify({ file: r.file, line: r.line, categories: r.categories, matches: r.matches.map((m) => ({ keyword: m.keyword, start: m.start, end: m.end })) })}\n`;

/** A scan's merged tally and the first examples (personal information starred), in input order. */
export interface ScanTally {
  total: AuditTally;
  examples: FlaggedRecord[];
}

/**
 * Audits blocks on the pool and merges their tallies in order: the one loop behind a local scan
 * and every scale-out shard, so both count the same records the same way.
 */
export async function auditBlocks(
  pool: WorkerPool<CorpusBlock, AuditTally>,
  blocks: AsyncIterable<CorpusBlock>,
  plan: ScanPlan,
  hooks: {
    onFlagged?: (r: FlaggedRecord) => Promise<void> | void;
    onProgress?: (total: AuditTally) => void;
    /** the blocks' buffers, given back as each block's task finishes (not when its result is merged) */
    buffers?: BlockBuffers;
  } = {},
): Promise<ScanTally> {
  const total = emptyTally();
  const examples: FlaggedRecord[] = [];
  const { buffers } = hooks;
  const tasks: WorkerPool<CorpusBlock, AuditTally> = buffers
    ? {
        size: pool.size,
        run: (b, transfer) =>
          pool.run(b, transfer).finally(() => {
            if (b.kind === 'lines') buffers.release(b.bytes);
          }),
        close: () => pool.close(),
      }
    : pool;
  for await (const t of mapOrdered(tasks, blocks, {
    // a block of its own goes as it is; a shared one (a ring's slot) is shared, never transferred
    transfer: (b) =>
      b.kind === 'lines' &&
      !(b.bytes.buffer instanceof SharedArrayBuffer) &&
      (b.owned || (b.bytes.byteOffset === 0 && b.bytes.byteLength === b.bytes.buffer.byteLength))
        ? [b.bytes.buffer as ArrayBuffer]
        : [],
  })) {
    for (const r of t.flaggedRecords) {
      if (examples.length < plan.keepExamples) {
        // the PII modules and dictionaries cost ~0.1 s: only a scan that keeps an example pays for them
        plan.mask ??= await examplesMasker();
        examples.push(plan.mask(r));
      }
      if (hooks.onFlagged) await hooks.onFlagged(r);
    }
    t.flaggedRecords = [];
    mergeTally(total, t);
    if (plan.manualSize) total.manual = keepBottom(total.manual, plan.manualSize);
    hooks.onProgress?.(total);
  }
  return { total, examples };
}

/** Merges scan tallies of consecutive pieces (in order) into one, as auditBlocks would have. */
export function mergeScanTallies(parts: Iterable<ScanTally>, plan: ScanPlan): ScanTally {
  const total = emptyTally();
  const examples: FlaggedRecord[] = [];
  for (const p of parts) {
    for (const r of p.examples) if (examples.length < plan.keepExamples) examples.push(r);
    mergeTally(total, { ...p.total, flaggedRecords: [] });
    if (plan.manualSize) total.manual = keepBottom(total.manual, plan.manualSize);
  }
  return { total, examples };
}

/** The report of a scan from its merged tally (the same for a local and a scale-out run). */
export async function scanReport(
  kb: Kb,
  lexicon: LoadedLexicon,
  tally: ScanTally,
  plan: ScanPlan,
  options: Pick<ScanOptions, 'seed' | 'topKeywords' | 'manualSample'> & {
    files: number;
    started: number;
    id?: string;
  },
): Promise<ScanReport> {
  const { randomUUID } = await import('node:crypto');
  const id = options.id ?? randomUUID();
  const { total, examples } = tally;
  if (options.manualSample)
    await options.manualSample({
      scan: id,
      seed: options.seed,
      required: plan.manualSize,
      items: total.manual,
    });
  return {
    id,
    ...summariseTally(kb, total, {
      fraction: plan.fraction,
      seed: options.seed,
      topKeywords: options.topKeywords ?? 20,
    }),
    examples,
    lexicon: { libraries: lexicon.libraries, keywords: lexicon.keywords, version: lexicon.version },
    ...(options.manualSample
      ? { manualSample: { size: total.manual.length, required: plan.manualSize, seed: options.seed } }
      : {}),
    files: options.files,
    seconds: (Date.now() - options.started) / 1000,
    kbVersion: kb.version,
  };
}

/**
 * Streams every input through worker threads (read → decode → parse → normalise → match → score),
 * merges block tallies in input order, and computes the sample, its Wilson interval and the verdict
 * against the KB thresholds. Memory: at most ~2 blocks per thread in flight plus the examples kept.
 */
export async function runScan(
  kb: Kb,
  lexicon: LoadedLexicon,
  options: ScanOptions,
  /** its inputs and threads, started before the library was loaded (else started here) */
  start?: ScanStart,
): Promise<ScanReport> {
  const started = Date.now();
  const plan = scanPlan(kb, lexicon, options);
  const { files, totalBytes, pool, provide } = start ?? (await startScan(options.inputs, options.threads));
  provide(plan.data);
  // written beside its target and renamed when the scan completes: a killed scan leaves the
  // previous file, never a shorter one that looks complete
  const flaggedFile = options.flaggedOut ? openAtomicStream(options.flaggedOut) : undefined;
  const flaggedOut = flaggedFile?.stream;
  let completed = false;
  // the blocks in flight (mapOrdered: 2 per thread), the one being read and its successor
  const blockBytes = options.read.blockBytes ?? DEFAULT_BLOCK_BYTES;
  const buffers = new BlockRing(pool.size * 2 + 2, 2 * blockBytes);
  async function* blocks(): AsyncGenerator<CorpusBlock> {
    for (const f of files) yield* readFileBlocks(f, options.read, undefined, f, buffers);
  }
  let tally: ScanTally;
  try {
    tally = await auditBlocks(pool, blocks(), plan, {
      ...(flaggedOut
        ? {
            onFlagged: async (r: FlaggedRecord) => {
              if (!flaggedOut.write(flaggedLine(r))) await once(flaggedOut, 'drain');
            },
          }
        : {}),
      onProgress: (total) => options.onProgress?.({ records: total.records, bytes: total.bytes, totalBytes }),
      buffers,
    });
    completed = true;
  } finally {
    await pool.close();
    if (flaggedFile) await (completed ? flaggedFile.commit() : flaggedFile.abort());
  }
  return scanReport(kb, lexicon, tally, plan, {
    seed: options.seed,
    ...(options.topKeywords !== undefined ? { topKeywords: options.topKeywords } : {}),
    ...(options.manualSample ? { manualSample: options.manualSample } : {}),
    files: files.length,
    started,
  });
}

export { saveScan } from '../store/repos/scans.js';
