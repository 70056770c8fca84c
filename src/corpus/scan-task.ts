// The audit of one block of `beian scan`: run in worker threads (scan-worker.ts) or, for a small
// input, on the calling thread (no thread to start).
import { countedMatcher, type LibraryRules } from '../lexicon/rules.js';
import { jiebaSegmenter, SegmentationDeferred } from '../lexicon/segment.js';
import { deserializeMatcher } from '../lexicon/serialize.js';
import { type SharedWalk, walkOf, wasmLines } from '../lexicon/wasm/index.js';
import { type AuditOptions, type AuditTally, auditItems } from './audit.js';
import { auditUtf8Lines, fastLines, finishDeferred, type LinesTally } from './audit-lines.js';
import type { CorpusBlock, CorpusItem, CorpusReadOptions } from './types.js';

export interface ScanWorkerData {
  /** a serialised matcher (serialize.ts), ideally over a SharedArrayBuffer */
  matcher: Uint8Array;
  rules: LibraryRules;
  read: CorpusReadOptions;
  audit: AuditOptions;
  /**
   * The WebAssembly line walk every thread of the scan shares (its image in one shared memory, made
   * once by the calling thread: shareWalk); without it, `wasm` says whether a thread makes a walk
   * of its own from the matcher when the module is built (else, or false: the JS walk)
   */
  walk?: SharedWalk;
  wasm?: boolean;
  /**
   * Leave the txt records that need word boundaries to the calling thread (their block's tally
   * lists them: LinesTally.deferred, judged by ScanHandler.finish there), so that this thread never
   * loads jieba (~0.1 CPU-s); other blocks load it here when they need it.
   */
  deferSegments?: boolean;
}

/** The block handler of a scan, and the judge of the records another thread deferred. */
export interface ScanHandler {
  (block: CorpusBlock): Promise<LinesTally> | LinesTally;
  /** the block's tally with its deferred records (if any) audited on this thread */
  finish(t: LinesTally, block: CorpusBlock): AuditTally;
}

/**
 * The block handler of a scan. Blocks of valid UTF-8 txt lines (nearly all) are walked as bytes;
 * the others are parsed first, with the parser (and the message catalogues its malformed entries
 * need, ~10 ms of CPU) imported on the first such block.
 */
export function scanTask(data: ScanWorkerData): ScanHandler {
  const jieba = jiebaSegmenter();
  let defer = data.deferSegments === true;
  // one, thrown again for every record deferred: a new Error each time captured its stack (~10 µs,
  // ~25 ms of the worker's CPU at 10k keywords on 64 MiB)
  const deferred = new SegmentationDeferred();
  const matcher = deserializeMatcher(
    data.matcher,
    (text) => {
      if (defer) throw deferred;
      return jieba(text);
    },
    { verified: true },
  );
  const count = countedMatcher(matcher, data.rules);
  const walk = data.walk ? walkOf(data.walk) : (data.wasm && wasmLines(matcher.automaton)) || matcher.lines;
  const defers = defer ? (e: unknown) => e instanceof SegmentationDeferred : undefined;
  const handler = (block: CorpusBlock): Promise<LinesTally> | LinesTally => {
    const lines = fastLines(block);
    if (lines) return auditUtf8Lines(lines, walk, count, data.audit, defers);
    return import('./parse.js').then(({ parseBlock }) => {
      const items: CorpusItem[] = [];
      parseBlock(block, data.read, (i) => items.push(i));
      // parsed records are judged here, jieba loaded if need be
      const was = defer;
      defer = false;
      try {
        return auditItems(items, block.kind === 'lines' ? block.bytes.length : block.size, count, data.audit);
      } finally {
        defer = was;
      }
    });
  };
  return Object.assign(handler, {
    finish(t: LinesTally, block: CorpusBlock): AuditTally {
      if (!t.deferred) return t;
      const was = defer;
      defer = false;
      try {
        return finishDeferred(t, block.file, count, data.audit);
      } finally {
        defer = was;
      }
    },
  });
}
