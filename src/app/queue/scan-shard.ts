import type { AuditTally, FlaggedRecord } from '../../corpus/audit.js';
import { readFileBlocks } from '../../corpus/blocks.js';
import type { WorkerPool } from '../../corpus/pool.js';
import type { CorpusBlock } from '../../corpus/types.js';
import { BeianError } from '../../errors.js';
import type { Kb } from '../../kb/index.js';
import { defineJob, type JobHandler } from '../../queue/registry.js';
import { type LexiconSelection, type LoadedLexicon, loadLexicon } from '../lexicon.js';
import { auditBlocks, flaggedLine, type ScanPlan, type ScanTally, scanPlan, scanPool } from '../scan.js';
import {
  SCAN_SHARD,
  type ScanJobOptions,
  type ScanShardPayload,
  scanShardPayloadSchema,
} from './scan-spec.js';
import { checkShardFile } from './shard-file.js';

/** The plan options of a scan job, as runScan would take them. */
export function planOptions(o: ScanJobOptions) {
  return {
    read: o.read,
    seed: o.seed,
    ...(o.sampleFraction !== undefined ? { sampleFraction: o.sampleFraction } : {}),
    flagScore: o.flagScore,
    ...(o.examples !== undefined ? { examples: o.examples } : {}),
    ...(o.manual ? { manualSample: async () => undefined } : {}),
    // a plan only asks whether flagged records are kept whole; the file is the submitter's
    ...(o.flagged ? { flaggedOut: '(submitter)' } : {}),
  };
}

/** A shard's tally; with --flagged, its flagged records' lines in input order. */
export type ShardTally = ScanTally & { flagged?: string[] };

interface Loaded {
  key: string;
  lexicon: LoadedLexicon;
  plan: ScanPlan;
  pool: WorkerPool<CorpusBlock, AuditTally>;
}

/**
 * The `scan-shard` job: the same audit loop as `beian scan` (auditBlocks) on one shard's byte
 * range. The lexicon, plan and thread pool of the last run are kept (a worker runs many shards of
 * one run), so a shard costs no matcher build.
 */
export function scanShardJob(kb: Kb, options: { threads?: number } = {}) {
  let loaded: Loaded | undefined;
  let loading: Promise<Loaded> | undefined;
  const load = async (o: ScanJobOptions): Promise<Loaded> => {
    const key = JSON.stringify(o);
    if (loaded?.key === key) return loaded;
    const previous = loaded;
    loaded = undefined;
    await previous?.pool.close();
    const lexicon = await loadLexicon(kb, o.lexicon as LexiconSelection);
    if (lexicon.version !== o.lexiconVersion)
      throw BeianError.of('INPUT_INVALID', 'queue.lexiconChanged', {
        want: o.lexiconVersion,
        have: lexicon.version,
      });
    const plan = scanPlan(kb, lexicon, planOptions(o));
    const pool = await scanPool(plan, options.threads ?? 1, Number.POSITIVE_INFINITY);
    loaded = { key, lexicon, plan, pool };
    return loaded;
  };
  const handler: JobHandler = defineJob<ScanShardPayload, ShardTally>({
    kind: SCAN_SHARD,
    payload: scanShardPayloadSchema,
    run: async ({ options: o, input }, ctx) => {
      const line = await checkShardFile(input);
      // one shard at a time loads a run's lexicon; concurrent jobs of the same run share it
      loading = (loading ?? Promise.resolve(undefined as unknown as Loaded)).then(
        () => load(o),
        () => load(o),
      );
      const { plan, pool } = await loading;
      async function* blocks(): AsyncGenerator<CorpusBlock> {
        for await (const b of readFileBlocks(input.file, o.read, input.range, input.path ?? input.file)) {
          if (ctx.signal.aborted)
            throw BeianError.of('ENVIRONMENT', 'queue.shardAborted', { file: input.file, line });
          yield b;
        }
      }
      const flagged: string[] = [];
      const tally = await auditBlocks(pool, blocks(), plan, {
        ...(o.flagged ? { onFlagged: (r: FlaggedRecord) => void flagged.push(flaggedLine(r)) } : {}),
        onProgress: (t) => ctx.progress({ bytes: t.bytes, items: t.records }),
      });
      return o.flagged ? { ...tally, flagged } : tally;
    },
  });
  return {
    handler,
    close: async () => {
      await loaded?.pool.close();
      loaded = undefined;
    },
  };
}
