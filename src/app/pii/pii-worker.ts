import { serveWorker } from '../../corpus/pool-worker.js';
import type { CorpusBlock } from '../../corpus/types.js';
import {
  createDetectors,
  loadPiiDictionaries,
  type SharedPiiDictionaries,
  unshareDictionaries,
} from '../../pii/index.js';
import { createSequenceDetectors } from '../../pii/model/index.js';
import { type BlockResult, type PiiTaskOptions, processBlock, type Scanner } from './process-block.js';
import { loadPiiModelSync } from './train.js';

/** Worker thread of `beian pii`: takes the dictionaries the main thread built (or loads them), then processes blocks. */
serveWorker<CorpusBlock, BlockResult, { options: PiiTaskOptions; dicts?: SharedPiiDictionaries }>((data) => {
  const { options } = data;
  const dicts = data.dicts ? unshareDictionaries(data.dicts) : loadPiiDictionaries();
  const scanner: Scanner = { registry: createDetectors(dicts), options };
  if (options.modelFile) scanner.extra = createSequenceDetectors(loadPiiModelSync(options.modelFile), dicts);
  return (block) => processBlock(scanner, block);
});
