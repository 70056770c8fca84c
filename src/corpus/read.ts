import { listCorpusFiles, readFileBlocks } from './blocks.js';
import { parseBlock } from './parse.js';
import type { CorpusItem, CorpusReadOptions } from './types.js';

/**
 * Streams every record and malformed entry of the given files and directories, in order, on the
 * calling thread. This is the simple entry point (tests, PII scans of modest corpora); for all
 * cores, hand `readFileBlocks` blocks to a WorkerPool (pool.ts) and call `parseBlock` in the worker.
 *
 * @example
 *   for await (const item of readCorpus(['data/'], { field: 'content' })) {
 *     if (item.kind === 'record') audit(item.text);
 *     else console.warn(`${item.file}:${item.line} ${item.reason}`);
 *   }
 */
export async function* readCorpus(
  inputs: readonly string[],
  options: CorpusReadOptions = {},
): AsyncGenerator<CorpusItem> {
  for (const file of await listCorpusFiles(inputs)) {
    for await (const block of readFileBlocks(file, options)) {
      const items: CorpusItem[] = [];
      parseBlock(block, options, (i) => items.push(i));
      yield* items;
    }
  }
}
