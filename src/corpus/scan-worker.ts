// Worker thread of `beian scan`: audits the blocks pool.ts hands over (scan-task.ts).
import type { AuditTally } from './audit.js';
import { serveWorker } from './pool-worker.js';
import { type ScanWorkerData, scanTask } from './scan-task.js';
import type { CorpusBlock } from './types.js';

export type { ScanWorkerData };

serveWorker<CorpusBlock, AuditTally, ScanWorkerData>(scanTask);
