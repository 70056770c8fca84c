// Worker thread of `beian scan`: parses a block (pool.ts hands it over) and audits its records.
import { countedMatcher, type LibraryRules } from '../lexicon/rules.js';
import { deserializeMatcher } from '../lexicon/serialize.js';
import { wasmLines } from '../lexicon/wasm/index.js';
import { type AuditOptions, auditItems } from './audit.js';
import { auditUtf8Lines, fastLines } from './audit-lines.js';
import { parseBlock } from './parse.js';
import { serveWorker } from './pool-worker.js';
import type { CorpusBlock, CorpusItem, CorpusReadOptions } from './types.js';

export interface ScanWorkerData {
  /** a serialised matcher (serialize.ts), ideally over a SharedArrayBuffer */
  matcher: Uint8Array;
  rules: LibraryRules;
  read: CorpusReadOptions;
  audit: AuditOptions;
  /** walk lines with WebAssembly when the module is built (else, or false: the JS walk) */
  wasm?: boolean;
}

serveWorker<CorpusBlock, ReturnType<typeof auditItems>, ScanWorkerData>((data) => {
  const matcher = deserializeMatcher(data.matcher, undefined, { verified: true });
  const count = countedMatcher(matcher, data.rules);
  const walk = (data.wasm && wasmLines(matcher.automaton)) || matcher.lines;
  return (block) => {
    const lines = fastLines(block);
    if (lines) return auditUtf8Lines(lines, walk, count, data.audit);
    const items: CorpusItem[] = [];
    parseBlock(block, data.read, (i) => items.push(i));
    return auditItems(items, block.kind === 'lines' ? block.bytes.length : block.size, count, data.audit);
  };
});
