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
import { listCorpusFiles, readFileBlocks } from '../corpus/blocks.js';
import { createInlinePool, createPool, mapOrdered, type WorkerPool } from '../corpus/pool.js';
import { summariseTally, type TallySummary } from '../corpus/scan-summary.js';
import type { ScanWorkerData } from '../corpus/scan-task.js';
import { type CorpusBlock, type CorpusReadOptions, DEFAULT_BLOCK_BYTES } from '../corpus/types.js';
import { openAtomicStream } from '../io/atomic.js';
import { type Kb, threshold } from '../kb/index.js';
import { serializeMatcher } from '../lexicon/serialize.js';
import type { LoadedLexicon } from './lexicon.js';

/** Stars the personal information of a flagged record's excerpt (see examplesMasker). */
export type ExampleMasker = (r: FlaggedRecord) => FlaggedRecord;

/**
 * A flagged record as it may leave the scan (JSON, HTML report, `scans` table): the personal
 * information in its excerpt (names and addresses too: they need the PII dictionaries) is starred,
 * same length, so the keyword offsets still hold. The PII modules are imported here, on first use:
 * a scan that keeps no example never loads them.
 */
export async function examplesMasker(): Promise<ExampleMasker> {
  const { createDetectors, loadPiiDictionaries, scanText, starPersonalInfo } = await import(
    '../pii/index.js'
  );
  const registry = createDetectors(loadPiiDictionaries());
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

/** Input bytes that justify one more scan thread. */
const THREAD_BYTES = 16 * 1024 * 1024;
/**
 * Inputs up to this size are scanned on the main thread: starting a worker costs ~0.04 CPU-s and
 * ~0.05 s before its first block, about what the walk of 4 MiB takes at 10k keywords.
 */
const INLINE_BYTES = 4 * 1024 * 1024;

/**
 * Threads for a scan of totalBytes (0: on the calling thread). A thread costs ~0.04 CPU-s to start
 * and load the matcher: small inputs get fewer (pipes, whose size is unknown, get all cores).
 */
async function threadsFor(threads: number | undefined, totalBytes: number): Promise<number> {
  if (threads !== undefined) return Math.max(1, threads);
  if (totalBytes > 0 && totalBytes <= INLINE_BYTES) return 0;
  const { availableParallelism } = await import('node:os');
  const byInput = totalBytes > 0 ? Math.ceil(totalBytes / THREAD_BYTES) : Number.POSITIVE_INFINITY;
  return Math.max(1, Math.min(availableParallelism(), byInput));
}

const workerUrl = (): URL =>
  new URL(`../corpus/scan-worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);

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
  const bytes = lexicon.compiled ?? serializeMatcher(lexicon.matcher, { shared: true });
  let shared = bytes;
  if (!(bytes.buffer instanceof SharedArrayBuffer)) {
    shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
    shared.set(bytes);
  }
  const manualMin = threshold(kb, 'corpus.manual.sample.min');
  const manualSize = options.manualSample ? Math.ceil(manualMin.value) : 0;
  const keepExamples = options.examples ?? 20;
  const data: ScanWorkerData = {
    matcher: shared,
    // the WebAssembly line walk, its tables in the compiled bytes (BEIAN_WASM=0: the JS walk, to compare)
    wasm: process.env.BEIAN_WASM !== '0',
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

async function poolOf(
  size: number,
  data: ScanWorkerData | Promise<ScanWorkerData>,
  warmSegmenter = false,
): Promise<WorkerPool<CorpusBlock, AuditTally>> {
  if (size === 0) {
    const { scanTask } = await import('../corpus/scan-task.js');
    return createInlinePool(scanTask, data);
  }
  return createPool<CorpusBlock, AuditTally>(workerUrl(), {
    workerData: data,
    size,
    // scan-worker.ts SEGMENTER, spelt here: that module serves tasks as soon as it is imported
    ...(warmSegmenter ? { warm: 'segmenter' } : {}),
  });
}

/** Library files this large (~4,000 keywords) nearly always have hits that need jieba on real text. */
const LARGE_LIBRARY_BYTES = 64 * 1024;

/**
 * Whether a scan with this selection will likely need the word-boundary re-read (jieba), known
 * before the library is loaded: the default library, naughty-words, or files of LARGE_LIBRARY_BYTES.
 */
export async function likelySegments(selection: {
  files?: readonly string[];
  naughtyWords?: boolean;
}): Promise<boolean> {
  if (!selection.files?.length || selection.naughtyWords) return true;
  const { statSync } = await import('node:fs');
  let bytes = 0;
  for (const f of selection.files) {
    try {
      const s = statSync(f);
      bytes += s.isDirectory() ? LARGE_LIBRARY_BYTES : s.size;
    } catch {
      // named but absent: the library load reports it
    }
  }
  return bytes >= LARGE_LIBRARY_BYTES;
}

/**
 * A local scan's inputs and threads, started before its library is loaded: the threads load their
 * modules meanwhile (~0.05 s each, on the other cores), jieba's dictionary too when the library
 * will likely need it, and wait for the plan's data, which runScan hands them. Close it when the
 * scan does not run (runScan closes it otherwise).
 */
export interface ScanStart {
  files: string[];
  totalBytes: number;
  pool: WorkerPool<CorpusBlock, AuditTally>;
  provide(data: ScanWorkerData): void;
  close(): Promise<void>;
}

export async function startScan(
  inputs: readonly string[],
  threads?: number,
  /** the threads load jieba's dictionary while they wait (see likelySegments) */
  warmSegmenter = false,
): Promise<ScanStart> {
  const files = await listCorpusFiles(inputs);
  const { statSync } = await import('node:fs');
  const totalBytes = files.reduce((n, f) => n + statSync(f).size, 0);
  let provide: (d: ScanWorkerData) => void = () => {};
  let fail: (e: Error) => void = () => {};
  const data = new Promise<ScanWorkerData>((resolve, reject) => {
    provide = resolve;
    fail = reject;
  });
  data.catch(() => {}); // a scan that never runs: its tasks (none) would report it
  const pool = await poolOf(await threadsFor(threads, totalBytes), data, warmSegmenter);
  return {
    files,
    totalBytes,
    pool,
    provide,
    async close() {
      fail(new Error('scan not run'));
      await pool.close();
    },
  };
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
