/** Corpus reading: streaming readers (jsonl/txt/csv, .gz, UTF-8/GBK/GB18030) and a worker pool. */

export {
  type AuditOptions,
  type AuditTally,
  auditItems,
  emptyTally,
  type FlaggedRecord,
  mergeTally,
  sampleKey,
  wilson,
} from './audit.js';
export { formatFromPath, listCorpusFiles, openBytes, readFileBlocks } from './blocks.js';
export { decodeBytes, detectEncoding, ENCODINGS, looksBinary, parseEncoding } from './encoding.js';
export { getPath, textOf } from './fields.js';
export { blockItems, type ItemVisitor, parseBlock } from './parse.js';
export { createPool, mapOrdered, type PoolOptions, type WorkerPool } from './pool.js';
export { serveWorker, type TaskHandler } from './pool-worker.js';
export { readCorpus } from './read.js';
export * from './types.js';
