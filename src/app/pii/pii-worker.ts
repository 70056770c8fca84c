import { serveWorker } from '../../corpus/pool-worker.js';
import type { CorpusBlock } from '../../corpus/types.js';
import { createDetectors } from '../../pii/registry.js';
import { type SharedPiiDictionaries, unshareDictionaries } from '../../pii/word-stats-file.js';
import { type CsvBatch, processCsvBatch } from './csv-batch.js';
import { type BlockResult, type PiiTaskOptions, processBlock, type Scanner } from './process-block.js';

/**
 * Worker thread of `beian pii`: takes the dictionaries the main thread read (the word statistics as
 * views over one shared buffer), then processes blocks (JSONL/txt bytes, or parsed CSV rows). The dictionary readers (yaml, zod) and the
 * sequence model are imported only when needed: module loading was most of a thread's start-up.
 */
serveWorker<CorpusBlock | CsvBatch, BlockResult, { options: PiiTaskOptions; dicts?: SharedPiiDictionaries }>(
  async (data) => {
    const { options } = data;
    const dicts = data.dicts
      ? unshareDictionaries(data.dicts)
      : (await import('../../pii/load.js')).loadPiiDictionaries();
    const scanner: Scanner = { registry: createDetectors(dicts), options };
    if (options.modelFile) {
      const [{ createSequenceDetectors }, { loadPiiModelSync }] = await Promise.all([
        import('../../pii/model/index.js'),
        import('./train.js'),
      ]);
      scanner.extra = createSequenceDetectors(loadPiiModelSync(options.modelFile), dicts);
    }
    return (task) => (task.kind === 'csv' ? processCsvBatch(scanner, task) : processBlock(scanner, task));
  },
);
