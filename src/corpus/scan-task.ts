// The audit of one block of `beian scan`: run in worker threads (scan-worker.ts) or, for a small
// input, on the calling thread (no thread to start).
import { countedMatcher, type LibraryRules } from '../lexicon/rules.js';
import { deserializeMatcher } from '../lexicon/serialize.js';
import { wasmLines } from '../lexicon/wasm/index.js';
import { type AuditOptions, type AuditTally, auditItems } from './audit.js';
import { auditUtf8Lines, fastLines } from './audit-lines.js';
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

/**
 * The block handler of a scan. Blocks of valid UTF-8 txt lines (nearly all) are walked as bytes;
 * the others are parsed first, with the parser (and the message catalogues its malformed entries
 * need, ~10 ms of CPU) imported on the first such block.
 */
export function scanTask(data: ScanWorkerData): (block: CorpusBlock) => Promise<AuditTally> | AuditTally {
  const matcher = deserializeMatcher(data.matcher, undefined, { verified: true });
  const count = countedMatcher(matcher, data.rules);
  const walk = (data.wasm && wasmLines(matcher.automaton)) || matcher.lines;
  return (block) => {
    const lines = fastLines(block);
    if (lines) return auditUtf8Lines(lines, walk, count, data.audit);
    return import('./parse.js').then(({ parseBlock }) => {
      const items: CorpusItem[] = [];
      parseBlock(block, data.read, (i) => items.push(i));
      return auditItems(items, block.kind === 'lines' ? block.bytes.length : block.size, count, data.audit);
    });
  };
}
