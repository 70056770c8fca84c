import type { RunOptions } from '../../../app/redteam/run.js';
import { BeianError } from '../../../errors.js';
import type { Kb } from '../../../kb/index.js';
import type { CliContext, ExitCode } from '../../context.js';
import { EXIT } from '../../exit-codes.js';
import { createProgress } from '../../progress.js';
import { withStore } from '../../with-store.js';
import { printOutcome } from './print.js';

/**
 * `beian redteam run … --queue redis://…`: plans and opens the run here, leaves its batches to the
 * workers, follows them (or, with --attach, only follows) and prints what a local run prints.
 */
export async function runQueued(
  c: CliContext,
  o: {
    queue: string;
    queuePrefix?: string;
    options?: RunOptions;
    attach?: string;
    batchSize: number;
    json: boolean;
    kb: Kb;
  },
): Promise<ExitCode> {
  // workers on other machines write to the same database: a SQLite file here is out of their reach
  if (!/^postgres(ql)?:\/\//.test(c.dbUrl)) throw BeianError.of('USAGE', 'redteam.queue.needDb');
  const { connectReady } = await import('../../../queue/bullmq/connection.js');
  const { RunQueue } = await import('../../../queue/bullmq/queue.js');
  const { queueAddress, redteamQueuePort } = await import('../../../queue/bullmq/redteam-port.js');
  const { followQueuedRun, submitQueuedRun } = await import('../../../app/redteam/queued.js');
  const address = queueAddress(o.queue, o.queuePrefix);
  const redis = await connectReady(address.url);
  const runQueue = new RunQueue(redis, address.names);
  const started = performance.now();
  const bar = createProgress(c, c.t('redteam.queue.progress'), { json: o.json });
  try {
    return await withStore(c, async (store) => {
      const deps = {
        store,
        kb: o.kb,
        fetch: globalThis.fetch,
        env: c.env,
        now: c.now,
        queue: redteamQueuePort(redis, runQueue, address.names),
      };
      let runId = o.attach;
      if (!runId) {
        const sub = await submitQueuedRun(o.options as RunOptions, deps, { batchSize: o.batchSize });
        runId = sub.runId;
        c.err(c.t('redteam.queue.submitted', { runId, batches: sub.batches, pending: sub.pending }));
      }
      const outcome = await followQueuedRun(runId, deps, (p) =>
        bar.update({
          done: p.done,
          total: p.total,
          detail: `${p.jobs.active}/${p.jobs.waiting}/${p.jobs.failed}${p.errors ? ` · errors ${p.errors}` : ''}`,
        }),
      );
      bar.finish();
      const code = await printOutcome(c, outcome, { json: o.json, started });
      const failed = outcome.failedBatches;
      if (failed.length === 0) return code;
      c.err(
        `${c.t('redteam.queue.failedBatches', { n: failed.length, first: `#${failed[0]!.shard}: ${failed[0]!.reason.slice(0, 200)}` })}\n`,
      );
      // cases are missing: never "ok", but a failed threshold still says so
      return code === EXIT.ok ? EXIT.environment : code;
    });
  } finally {
    bar.finish();
    await runQueue.close();
    redis.disconnect();
  }
}
