// Worker thread of `beian scan`: parses a block (pool.ts hands it over) and audits its records.
import { countedMatcher, type LibraryRules } from '../lexicon/rules.js';
import { deserializeMatcher } from '../lexicon/serialize.js';
import { type AuditOptions, auditItems } from './audit.js';
import { parseBlock } from './parse.js';
import { serveWorker } from './pool-worker.js';
import type { CorpusBlock, CorpusItem, CorpusReadOptions } from './types.js';

export interface ScanWorkerData {
  /** a serialised matcher (serialize.ts), ideally over a SharedArrayBuffer */
  matcher: Uint8Array;
  rules: LibraryRules;
  read: CorpusReadOptions;
  audit: AuditOptions;
}

serveWorker<CorpusBlock, ReturnType<typeof auditItems>, ScanWorkerData>((data) => {
  const count = countedMatcher(deserializeMatcher(data.matcher), data.rules);
  return (block) => {
    const items: CorpusItem[] = [];
    parseBlock(block, data.read, (i) => items.push(i));
    return auditItems(items, block.kind === 'lines' ? block.bytes.length : block.size, count, data.audit);
  };
});
