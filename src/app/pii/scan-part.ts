import { formatFromPath, readFileBlocks } from '../../corpus/blocks.js';
import { createPool, mapOrdered, type WorkerPool } from '../../corpus/pool.js';
import type { CorpusBlock, CorpusEncoding, CorpusFormat, FileRange } from '../../corpus/types.js';
import { loadPiiDictionariesQuick } from '../../pii/load-quick.js';
// the modules themselves, not pii/index.js (generators, training, the YAML and schema readers):
// what a cold `beian pii` loads before it reads the first byte
import { createDetectors } from '../../pii/registry.js';
import type { Detector, PiiType } from '../../pii/types.js';
import { shareDictionaries } from '../../pii/word-stats-file.js';
import { type CsvBatch, processCsvBatch } from './csv-batch.js';
import { csvBatches } from './csv-scan.js';
import {
  type BlockResult,
  type FindingRow,
  mergeInto,
  newTotal,
  type PiiTaskOptions,
  processBlock,
  type Scanner,
} from './process-block.js';

/**
 * The per-file work of `beian pii`, shared by a local run (a whole file) and a queued run's
 * `pii-shard` job (a record-aligned byte range of one): the same blocks through the same
 * processBlock / scanCsv, so both give the same counts, rows and de-identified text.
 */

/** The worker module beside this file (.ts when run from source with tsx, .js when built). */
const WORKER_URL = new URL(
  import.meta.url.endsWith('.ts') ? './pii-worker.ts' : './pii-worker.js',
  import.meta.url,
);

/**
 * Moves a block's bytes to the worker. A block that is a view into a shared stream chunk is first
 * copied into its own buffer: transferring the shared chunk would detach it under the blocks that
 * follow and silently empty them; cloning it would copy the whole chunk for every block.
 */
function transferable(b: CorpusBlock | CsvBatch): ArrayBuffer[] {
  if (b.kind !== 'lines') return [];
  // an owned block (a plain file's, read into its own buffer) goes as it is
  if (!b.owned && (b.bytes.byteOffset !== 0 || b.bytes.byteLength !== b.bytes.buffer.byteLength))
    b.bytes = b.bytes.slice();
  return [b.bytes.buffer as ArrayBuffer];
}

/** The scanner (built on first use) and, with more than one thread, the pool of pii workers. */
export interface PiiEngine {
  options: PiiTaskOptions;
  scanner(): Scanner;
  pool: WorkerPool<CorpusBlock | CsvBatch, BlockResult> | undefined;
  close(): Promise<void>;
}

/** `options.modelFile` must be absolute; it is validated here, before any thread starts. */
export async function createPiiEngine(options: PiiTaskOptions, threads: number): Promise<PiiEngine> {
  // the user's model (and the modules that read and run it) only when there is one
  const model = options.modelFile
    ? await Promise.all([import('./train.js'), import('../../pii/model/index.js')]).then(
        async ([train, seq]) => ({
          weights: await train.loadPiiModel(options.modelFile as string),
          create: seq.createSequenceDetectors,
        }),
      )
    : undefined;
  const dicts = await loadPiiDictionariesQuick();
  // built on first use (a run with one thread, or the calling thread's share of a pool's blocks)
  let scannerMemo: Scanner | undefined;
  const scanner = (): Scanner => {
    if (scannerMemo) return scannerMemo;
    const extra: Detector[] | undefined = model ? model.create(model.weights, dicts) : undefined;
    scannerMemo = { registry: createDetectors(dicts), options, ...(extra ? { extra } : {}) };
    return scannerMemo;
  };
  const pool: WorkerPool<CorpusBlock | CsvBatch, BlockResult> | undefined =
    threads > 1
      ? createLanePool(
          WORKER_URL,
          threads,
          // the dictionaries are read once here; the word statistics (most of their size) go to
          // every worker as one SharedArrayBuffer its tables are views over, the small rest is cloned
          { options, dicts: shareDictionaries(dicts) },
          (task) => (task.kind === 'csv' ? processCsvBatch(scanner(), task) : processBlock(scanner(), task)),
        )
      : undefined;
  return { options, scanner, pool, close: async () => pool?.close() };
}

/**
 * `threads` threads from `threads - 1` workers and the calling thread (createPool's `inline`): a
 * thread fewer to start, load and warm up. Each worker is posted its second task before the calling
 * thread starts one of its own (`callerLast`), so a worker never waits for the caller to finish a
 * block to get its next one; which thread takes a task is decided when one is free, not when the
 * task is queued, so the caller never runs two blocks back to back while a worker idles. (Before:
 * the decision at queueing, over a pool that posts one task at a time: the worker sat idle 1.8-2.3 s
 * of a 12-14 s run on 96 MB.) Results keep input order (mapOrdered awaits them in order).
 */
export function createLanePool<I, O, D>(
  workerUrl: URL,
  threads: number,
  workerData: D,
  local: (input: I) => O,
): WorkerPool<I, O> {
  return createPool<I, O, D>(workerUrl, { size: threads, workerData, inline: () => local, callerLast: true });
}

/**
 * Blocks read ahead of the oldest unfinished one: two per worker and the caller's, and a few more
 * so that the caller, once it has merged what is done, can read on and take a block itself while
 * the oldest is still at a worker (results are taken in input order).
 */
const inFlight = (pool: WorkerPool<unknown, unknown>): number => pool.size * 3 + 2;

/** One file, or a record-aligned piece of one. */
export interface PiiPart {
  /** the name records carry */
  file: string;
  /** where to open it (default `file`) */
  path?: string;
  format?: CorpusFormat;
  range?: FileRange & { firstLine: number };
}

export interface PiiReadOptions {
  format?: CorpusFormat;
  encoding?: CorpusEncoding;
  blockBytes?: number;
}

/** Where a part's output goes, in input order. */
export interface PiiPartSink {
  /** de-identified text (when redacting) */
  out?: (text: string) => Promise<void>;
  /** every finding row the blocks return (all of them with `findings`, else a few per type) */
  row: (row: FindingRow) => Promise<void>;
}

/**
 * Scans one part and returns its counts (rows and text go to the sink as they come). `onBytes`
 * counts bytes read; `stop` is checked between blocks (a worker shutting down gives up its shard).
 */
export async function scanPiiPart(
  engine: PiiEngine,
  part: PiiPart,
  read: PiiReadOptions,
  sink: PiiPartSink,
  onBytes: (n: number) => void,
  stop: () => void = () => undefined,
): Promise<BlockResult> {
  const total = newTotal();
  const take = async (r: BlockResult) => {
    mergeInto(total, r);
    if (sink.out && r.out !== undefined) await sink.out(r.out);
    for (const row of r.findings) await sink.row(row);
  };
  const format = read.format ?? formatFromPath(part.file);
  const fields = engine.options.fields;
  if (format === 'csv') {
    // parsed here (quoted fields may span lines), scanned on the pool in batches of rows
    const piece = { path: part.path ?? part.file, ...(part.range ? { range: part.range } : {}) };
    const batches = csvBatches(
      part.file,
      fields,
      read.encoding,
      onBytes,
      read.blockBytes ? read.blockBytes / 2 : undefined,
      piece,
      stop,
    );
    if (engine.pool)
      for await (const r of mapOrdered(engine.pool, batches, { maxInFlight: inFlight(engine.pool) }))
        await take(r);
    else for await (const b of batches) await take(processCsvBatch(engine.scanner(), b));
    return total;
  }
  const readOptions = {
    ...(read.format ? { format: read.format } : {}),
    ...(read.encoding ? { encoding: read.encoding } : {}),
    ...(read.blockBytes ? { blockBytes: read.blockBytes } : {}),
  };
  const sized = async function* () {
    for await (const b of readAhead(
      readFileBlocks(part.file, readOptions, part.range, part.path ?? part.file),
    )) {
      stop();
      onBytes(b.kind === 'lines' ? b.bytes.length : b.size);
      yield b;
    }
  };
  if (engine.pool)
    for await (const r of mapOrdered(engine.pool, sized(), {
      transfer: transferable,
      maxInFlight: inFlight(engine.pool),
    }))
      await take(r);
  else for await (const b of sized()) await take(processBlock(engine.scanner(), b));
  return total;
}

/**
 * The blocks of `source`, each next one's read started as soon as one is handed out: it goes on in
 * libuv's thread pool while this thread scans or merges, instead of being asked for only when this
 * thread is free again (a read round trip per block: 13-28 ms each on a loaded machine, ~0.9 s of
 * a 96 MB run with two threads). The file reader never writes into a buffer it has handed out.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  let next = it.next();
  let done = false;
  try {
    for (;;) {
      const r = await next;
      if (r.done) {
        done = true;
        return;
      }
      next = it.next();
      // observed at the next turn; a failed read ahead must not go unhandled meanwhile
      next.catch(() => {});
      yield r.value;
    }
  } finally {
    // stopped early (a consumer's break or error): let the reader close its file
    if (!done)
      await next.then(
        () => it.return?.(),
        () => undefined,
      );
  }
}

/** The --findings line of a row (masked values only). */
export const findingLine = (row: FindingRow): string =>
  `${JSON.stringify({ file: row.file, line: row.line, ...(row.field !== undefined ? { field: row.field } : {}), type: row.type, start: row.start, end: row.end, confidence: row.confidence, score: row.score, masked: row.masked })}\n`;

export type PiiExample = Pick<FindingRow, 'file' | 'line' | 'field' | 'type' | 'confidence' | 'masked'>;

/** The report's masked examples: the first three rows of each type, in input order. */
export class ExampleCollector {
  readonly examples: PiiExample[] = [];
  private readonly perType = new Map<PiiType, number>();
  add(row: PiiExample): void {
    const n = this.perType.get(row.type) ?? 0;
    if (n < 3)
      this.examples.push({
        file: row.file,
        line: row.line,
        ...(row.field !== undefined ? { field: row.field } : {}),
        type: row.type,
        confidence: row.confidence,
        masked: row.masked,
      });
    this.perType.set(row.type, n + 1);
  }
}
