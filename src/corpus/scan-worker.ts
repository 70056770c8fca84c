// Worker thread of `beian scan`: audits the blocks pool.ts hands over (scan-task.ts).
import { preloadSegmenter } from '../lexicon/segment.js';
import type { AuditTally } from './audit.js';
import { serveWorker } from './pool-worker.js';
import { type ScanWorkerData, scanTask } from './scan-task.js';
import type { CorpusBlock } from './types.js';

export type { ScanWorkerData };

/** The warm hint of a scan pool whose library will likely need jieba (app/scan.ts). */
export const SEGMENTER = 'segmenter';

serveWorker<CorpusBlock, AuditTally, ScanWorkerData>(scanTask, (hint) => {
  if (hint === SEGMENTER) preloadSegmenter();
});
