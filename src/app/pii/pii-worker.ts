import { serveWorker } from '../../corpus/pool-worker.js';
import type { CorpusBlock } from '../../corpus/types.js';
import { createDetectors, loadPiiDictionaries } from '../../pii/index.js';
import { type BlockResult, type PiiTaskOptions, processBlock } from './process-block.js';

/** Worker thread of `beian pii`: loads the dictionaries once, then processes blocks. */
serveWorker<CorpusBlock, BlockResult, { options: PiiTaskOptions }>(({ options }) => {
  const scanner = { registry: createDetectors(loadPiiDictionaries()), options };
  return (block) => processBlock(scanner, block);
});
