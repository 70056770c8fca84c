import type { PiiReport } from '../../app/pii/run.js';
import type { SubmitPii } from '../../app/queue/pii-run.js';
import { BeianError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { withStore } from '../with-store.js';
import { followWithProgress } from './queue-follow.js';

export interface QueuedPii {
  queue: string;
  prefix?: string;
  attach?: string;
  json?: boolean;
  /** a new run: what a local `beian pii` would take */
  submit?: SubmitPii;
}

/**
 * `beian pii --queue`: submit (or re-attach to) a sharded run, follow it across all workers, merge
 * the partial results into the local run's report and assemble the de-identified files. The
 * store holds the run, so a submitter that died can `--attach` from any machine with the same
 * --db and the same view of the shared folders.
 */
export async function queuedPii(
  c: CliContext,
  q: QueuedPii,
): Promise<{ report: PiiReport; inputs: readonly string[] }> {
  // workers on other machines write to the same database: a SQLite file here is out of their reach
  if (!/^postgres(ql)?:\/\//.test(c.dbUrl)) throw BeianError.of('USAGE', 'redteam.queue.needDb');
  const [{ connectReady }, { RunQueue }, runs] = await Promise.all([
    import('../../queue/bullmq/connection.js'),
    import('../../queue/bullmq/queue.js'),
    import('../../app/queue/pii-run.js'),
  ]);
  const redis = await connectReady(q.queue);
  const rq = new RunQueue(redis, { name: 'beian', prefix: q.prefix ?? 'beian' });
  const port = {
    enqueue: (jobs: Parameters<typeof rq.enqueue>[0], o: { attempts: number }) => rq.enqueue(jobs, o),
  };
  try {
    return await withStore(c, async (store) => {
      let run: string;
      let spec: Awaited<ReturnType<typeof runs.piiRunById>>['spec'];
      if (q.attach) {
        run = q.attach;
        const found = await runs.piiRunById(store, run);
        spec = found.spec;
        if (found.report) {
          c.err(`${c.t('queue.piiDone', { run })}\n`);
          return { report: found.report, inputs: spec.inputs };
        }
        await runs.enqueueMissingPii(store, port, run, spec);
      } else {
        if (!q.submit) throw BeianError.of('USAGE', 'queue.needInputs');
        const submitted = await runs.submitPiiRun(store, port, q.submit, c.now());
        run = submitted.id;
        spec = submitted.spec;
      }
      const followed = spec;
      await followWithProgress(c, q.json, run, spec.shards.length, (o) =>
        runs.followPiiRun(store, port, run, followed, o),
      );
      return { report: await runs.mergePiiRun(store, run, spec), inputs: spec.inputs };
    });
  } finally {
    await rq.close().catch(() => undefined);
    redis.disconnect();
  }
}
