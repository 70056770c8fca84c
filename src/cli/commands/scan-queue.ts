import type { LexiconSelection, LoadedLexicon } from '../../app/lexicon.js';
import type { SubmitScan } from '../../app/queue/scan-run.js';
import type { ManualSample, ScanReport } from '../../app/scan.js';
import type { Kb } from '../../kb/index.js';
import type { CliContext } from '../context.js';
import { withStore } from '../with-store.js';
import { followWithProgress } from './queue-follow.js';

export interface QueuedScan {
  queue: string;
  prefix?: string;
  attach?: string;
  json?: boolean;
  /** a new run: what a local scan would take (the queue adds that it is not a manual sample, and the folder) */
  submit?: Omit<SubmitScan, 'manual' | 'cwd' | 'examples' | 'topKeywords'>;
}

/**
 * `beian scan --queue`: submit (or re-attach to) a sharded run, follow it across all workers and
 * merge the partial results into the local scan's report. The store holds the run, so a
 * submitter that died can `--attach` from any machine with the same --db.
 */
export async function queuedScan(
  c: CliContext,
  kb: Kb,
  q: QueuedScan,
): Promise<{ report: ScanReport; inputs: readonly string[]; flagged?: string; sampleOut?: string }> {
  const [{ connectReady }, { RunQueue }, runs, { loadLexicon }, { BeianError }] = await Promise.all([
    import('../../queue/bullmq/connection.js'),
    import('../../queue/bullmq/queue.js'),
    import('../../app/queue/scan-run.js'),
    import('../../app/lexicon.js'),
    import('../../errors.js'),
  ]);
  const redis = await connectReady(q.queue);
  const rq = new RunQueue(redis, { name: 'beian', prefix: q.prefix ?? 'beian' });
  const port = {
    enqueue: (jobs: Parameters<typeof rq.enqueue>[0], o: { attempts: number }) => rq.enqueue(jobs, o),
  };
  const started = Date.now();
  try {
    return await withStore(c, async (store) => {
      let run: string;
      let spec: Awaited<ReturnType<typeof runs.scanRunSpec>>;
      let lexicon: LoadedLexicon;
      if (q.attach) {
        run = q.attach;
        spec = await runs.scanRunSpec(store, run);
        lexicon = await loadLexicon(kb, spec.options.lexicon as LexiconSelection);
        if (lexicon.version !== spec.options.lexiconVersion)
          throw BeianError.of('INPUT_INVALID', 'queue.lexiconChanged', {
            want: spec.options.lexiconVersion,
            have: lexicon.version,
          });
        await runs.enqueueMissing(store, port, run, spec);
      } else {
        const s = q.submit;
        if (!s) throw BeianError.of('USAGE', 'queue.needInputs');
        lexicon = s.lexicon;
        const submitted = await runs.submitScanRun(store, port, { ...s, manual: false, cwd: c.cwd }, c.now());
        run = submitted.id;
        spec = submitted.spec;
      }
      const followed = spec;
      await followWithProgress(c, q.json, run, spec.shards.length, (o) =>
        runs.followScanRun(store, port, run, followed, o),
      );
      // the review sample goes where the submission said (an --attach writes it there too)
      const sampleOut = spec.sampleOut;
      const manualSample = sampleOut
        ? async (sample: ManualSample) => {
            const { piiMasker, writeManualSample } = await import('../../app/scan-review.js');
            writeManualSample(sampleOut.path, sample, await piiMasker());
          }
        : undefined;
      const report = await runs.mergeScanRun(kb, store, run, spec, lexicon, started, manualSample);
      return {
        report,
        inputs: spec.inputs,
        ...(spec.flaggedOut ? { flagged: spec.flaggedOut.given } : {}),
        ...(sampleOut ? { sampleOut: sampleOut.given } : {}),
      };
    });
  } finally {
    await rq.close().catch(() => undefined);
    redis.disconnect();
  }
}
