// The start of a local scan, apart from the rest of the use case (scan.ts): `beian scan` imports
// this first, so the threads start booting while the CLI is still loading the KB, the library and
// their modules (~0.1 s of the main thread before any block is read).
import type { AuditTally } from '../corpus/audit.js';
import type { LinesTally } from '../corpus/audit-lines.js';
import { listCorpusFiles } from '../corpus/blocks.js';
import { createInlinePool, createPool, type WorkerPool } from '../corpus/pool.js';
import type { ScanWorkerData } from '../corpus/scan-task.js';
import type { CorpusBlock } from '../corpus/types.js';

/** Input bytes that justify one more scan thread. */
const THREAD_BYTES = 16 * 1024 * 1024;
/**
 * Inputs up to this size are scanned on the main thread: starting a worker costs ~0.04 CPU-s and
 * ~0.05 s before its first block, about what the walk of 4 MiB takes at 10k keywords.
 */
const INLINE_BYTES = 4 * 1024 * 1024;

/**
 * Threads for a scan of totalBytes (0: on the calling thread). A thread costs ~0.04 CPU-s to start
 * and load the matcher: small inputs get fewer (pipes, whose size is unknown, get all cores). With
 * `oneInline`, one thread asked for is the calling thread itself (a local scan's `--threads 1`:
 * 0.29-0.32 -> 0.27-0.29 CPU-s at 64 MiB and 1 keyword); a scale-out worker keeps its event loop
 * free and scans in threads.
 */
export async function threadsFor(
  threads: number | undefined,
  totalBytes: number,
  oneInline = false,
): Promise<number> {
  if (threads !== undefined) return threads <= 1 && oneInline ? 0 : Math.max(1, threads);
  if (totalBytes > 0 && totalBytes <= INLINE_BYTES) return 0;
  const { availableParallelism } = await import('node:os');
  const byInput = totalBytes > 0 ? Math.ceil(totalBytes / THREAD_BYTES) : Number.POSITIVE_INFINITY;
  return Math.max(1, Math.min(availableParallelism(), byInput));
}

const workerUrl = (): URL =>
  new URL(`../corpus/scan-worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);

/**
 * Pools of up to this many threads count the calling thread as one of them (createPool's
 * `inline`): its reading and merging leave it idle most of the time, and a thread fewer saves
 * that thread's start, modules and library (~0.06 CPU-s). The worker threads then leave the records
 * that need word boundaries to the calling thread (ScanWorkerData.deferSegments), so jieba's
 * dictionary (~0.1 CPU-s) is loaded once, not once per thread. Larger pools keep the calling thread
 * free to read and hand out blocks.
 */
const WITH_CALLER_MAX = 2;

export async function poolOf(
  size: number,
  data: ScanWorkerData | Promise<ScanWorkerData>,
  warmSegmenter = false,
  /** the calling thread may take blocks too (a local scan; a scale-out worker keeps its loop free) */
  withCaller = false,
): Promise<WorkerPool<CorpusBlock, AuditTally>> {
  if (size === 0) {
    const { scanTask } = await import('../corpus/scan-task.js');
    return createInlinePool(scanTask, data);
  }
  if (withCaller && size <= WITH_CALLER_MAX) {
    const { scanTask } = await import('../corpus/scan-task.js');
    const here = Promise.resolve(data).then(scanTask);
    here.catch(() => {}); // reported to each task
    const pool = createPool<CorpusBlock, LinesTally, ScanWorkerData>(workerUrl(), {
      workerData: Promise.resolve(data).then((d) => ({ ...d, deferSegments: true })),
      size,
      inline: () => here,
    });
    return {
      size: pool.size,
      run: (block, transfer) =>
        pool.run(block, transfer).then(async (t) => (t.deferred ? (await here).finish(t, block) : t)),
      close: () => pool.close(),
    };
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
/** The same for a compiled library, whose size says little (a 1-keyword one is ~1 MB of tables). */
const LARGE_LIBRARY_KEYWORDS = 4000;

/**
 * Whether a scan with this selection will likely need the word-boundary re-read (jieba), known
 * before the library is loaded: the default library, naughty-words, source files of
 * LARGE_LIBRARY_BYTES, or a compiled library whose header counts LARGE_LIBRARY_KEYWORDS.
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
      if (s.isDirectory()) bytes += LARGE_LIBRARY_BYTES;
      else {
        const keywords = await compiledSize(f);
        bytes += keywords === undefined ? s.size : (keywords * LARGE_LIBRARY_BYTES) / LARGE_LIBRARY_KEYWORDS;
      }
    } catch {
      // named but absent: the library load reports it
    }
  }
  return bytes >= LARGE_LIBRARY_BYTES;
}

/** The keywords of a compiled library, from its header; undefined for any other file. */
async function compiledSize(file: string): Promise<number | undefined> {
  const [{ closeSync, openSync, readSync }, { COMPILED_PREFIX, compiledHeaderLength, compiledKeywords }] =
    await Promise.all([import('node:fs'), import('../lexicon/compiled-head.js')]);
  const fd = openSync(file, 'r');
  try {
    const prefix = new Uint8Array(COMPILED_PREFIX);
    if (readSync(fd, prefix, 0, COMPILED_PREFIX, 0) < COMPILED_PREFIX) return undefined;
    const length = compiledHeaderLength(prefix);
    // a header of more than 64 MiB is a damaged file: the load reports it
    if (length === undefined || length > 1 << 26) return undefined;
    const header = new Uint8Array(length);
    if (readSync(fd, header, 0, length, COMPILED_PREFIX) < length) return undefined;
    return compiledKeywords(new TextDecoder().decode(header));
  } finally {
    closeSync(fd);
  }
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
  const pool = await poolOf(await threadsFor(threads, totalBytes, true), data, warmSegmenter, true);
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
