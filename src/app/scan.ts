import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { type AuditTally, emptyTally, type FlaggedRecord, mergeTally } from '../corpus/audit.js';
import { listCorpusFiles, readFileBlocks } from '../corpus/blocks.js';
import { createPool, mapOrdered } from '../corpus/pool.js';
import { summariseTally, type TallySummary } from '../corpus/scan-summary.js';
import type { ScanWorkerData } from '../corpus/scan-worker.js';
import type { CorpusBlock, CorpusReadOptions } from '../corpus/types.js';
import { type Kb, threshold } from '../kb/index.js';
import { serializeMatcher } from '../lexicon/serialize.js';
import type { LoadedLexicon } from './lexicon.js';

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
  onProgress?: (p: { records: number; bytes: number; totalBytes: number }) => void;
}

/** The `beian scan --json` contract (docs/scan.md): keep field names stable. */
export interface ScanReport extends TallySummary {
  examples: FlaggedRecord[];
  lexicon: { libraries: string[]; keywords: number };
  files: number;
  seconds: number;
  kbVersion: string;
}

const workerUrl = (): URL =>
  new URL(`../corpus/scan-worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);

/**
 * Streams every input through worker threads (read → decode → parse → normalise → match → score),
 * merges block tallies in input order, and computes the sample, its Wilson interval and the verdict
 * against the KB thresholds. Memory: at most ~2 blocks per thread in flight plus the examples kept.
 */
export async function runScan(kb: Kb, lexicon: LoadedLexicon, options: ScanOptions): Promise<ScanReport> {
  const started = Date.now();
  const fractionMin = threshold(kb, 'corpus.technical.sample-fraction.min');
  const fraction = options.sampleFraction ?? fractionMin.value;
  const files = await listCorpusFiles(options.inputs);
  const { statSync } = await import('node:fs');
  const totalBytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const bytes = serializeMatcher(lexicon.matcher);
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
  shared.set(bytes);
  const data: ScanWorkerData = {
    matcher: shared,
    read: options.read,
    audit: { flagScore: options.flagScore, seed: options.seed, sampleFraction: fraction },
  };
  const pool = createPool<CorpusBlock, AuditTally>(workerUrl(), {
    workerData: data,
    ...(options.threads ? { size: options.threads } : {}),
  });
  const flaggedOut = options.flaggedOut ? createWriteStream(options.flaggedOut) : undefined;
  const keepExamples = options.examples ?? 20;
  const total = emptyTally();
  const examples: FlaggedRecord[] = [];
  async function* blocks(): AsyncGenerator<CorpusBlock> {
    for (const f of files) yield* readFileBlocks(f, options.read);
  }
  try {
    for await (const t of mapOrdered(pool, blocks(), {
      transfer: (b) =>
        b.kind === 'lines' && b.bytes.byteOffset === 0 && b.bytes.byteLength === b.bytes.buffer.byteLength
          ? [b.bytes.buffer as ArrayBuffer]
          : [],
    })) {
      for (const r of t.flaggedRecords) {
        if (examples.length < keepExamples) examples.push(r);
        if (flaggedOut) {
          const line = `${JSON.stringify({ file: r.file, line: r.line, categories: r.categories, matches: r.matches.map((m) => ({ keyword: m.keyword, start: m.start, end: m.end })) })}\n`;
          if (!flaggedOut.write(line)) await once(flaggedOut, 'drain');
        }
      }
      t.flaggedRecords = [];
      mergeTally(total, t);
      options.onProgress?.({ records: total.records, bytes: total.bytes, totalBytes });
    }
  } finally {
    await pool.close();
    if (flaggedOut) {
      flaggedOut.end();
      await once(flaggedOut, 'finish');
    }
  }
  return {
    ...summariseTally(kb, total, { fraction, seed: options.seed, topKeywords: options.topKeywords ?? 20 }),
    examples,
    lexicon: { libraries: lexicon.libraries, keywords: lexicon.entries.length },
    files: files.length,
    seconds: (Date.now() - started) / 1000,
    kbVersion: kb.version,
  };
}

export { saveScan } from '../store/repos/scans.js';
