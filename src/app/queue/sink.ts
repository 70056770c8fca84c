import type { ResultSink } from '../../queue/registry.js';
import type { Store } from '../../store/index.js';
import { saveFailure, savePartial } from '../../store/repos/queue.js';

/** A worker's results go to the store: partials keyed by (run, shard, attempt), failures likewise. */
export function storeSink(store: Store, worker: string, now: () => Date): ResultSink {
  return {
    async done(job, attempt, result) {
      const json = JSON.stringify(result);
      await savePartial(
        store,
        { run: job.run, shard: job.shard, attempt, bytes: Buffer.byteLength(json), worker, result },
        now(),
      );
    },
    async failed(job, attempt, error) {
      await saveFailure(store, { run: job.run, shard: job.shard, attempt, ...error }, now());
    },
  };
}
