import { createHash, scryptSync } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { BeianError } from '../../errors.js';
import { type AtomicStream, openAtomicStream } from '../../io/atomic.js';
import { needsKey } from '../../pii/index.js';
import { defineJob, type JobHandler } from '../../queue/registry.js';
import type { BlockResult, PiiTaskOptions } from '../pii/process-block.js';
import { policyOf, resolveKey } from '../pii/run.js';
import {
  createPiiEngine,
  ExampleCollector,
  findingLine,
  type PiiEngine,
  type PiiExample,
  scanPiiPart,
} from '../pii/scan-part.js';
import {
  PII_SHARD,
  type PiiJobOptions,
  type PiiPartFile,
  type PiiShardPayload,
  piiShardPayloadSchema,
} from './pii-spec.js';
import { checkShardFile } from './shard-file.js';

/** A shard's partial result: its counts, its first masked examples per type, and its parts. */
export interface PiiShardResult {
  total: Omit<BlockResult, 'findings' | 'perType' | 'out'>;
  examples: PiiExample[];
  out?: PiiPartFile;
  findings?: PiiPartFile;
}

/** The check value of a key for a run: scrypt (slow on purpose: the store keeps it). */
export const keyCheckOf = (key: Uint8Array, run: string): string =>
  scryptSync(key, `beian-pii-key-check:${run}`, 16).toString('hex');

/** The task options a local run would build from these job options and this machine's key. */
export async function taskOptions(
  o: PiiJobOptions,
  env: NodeJS.ProcessEnv,
  run: string,
): Promise<PiiTaskOptions> {
  const policy = policyOf(o.section);
  const options: PiiTaskOptions = { redact: o.redact, policy, findings: o.findings };
  if (o.fields) options.fields = o.fields;
  if (o.modelFile) options.modelFile = o.modelFile;
  if (o.section?.types) options.types = o.section.types;
  if (o.redact && needsKey(policy)) {
    // the key file's path is absolute in the payload; cwd does not matter
    const key = await resolveKey(o.section, env, '/');
    if (o.keyCheck !== undefined && keyCheckOf(key, run) !== o.keyCheck)
      throw BeianError.of('INPUT_INVALID', 'queue.piiKeyDiffers', {
        env: o.section?.pseudonym.keyEnv ?? 'BEIAN_PII_KEY',
      });
    options.key = key;
  }
  return options;
}

/** A part file written beside its name and renamed when whole: a killed worker leaves no part. */
class PartWriter {
  private readonly atomic: AtomicStream;
  private readonly hash = createHash('sha256');
  private bytes = 0;
  constructor(
    dir: string,
    readonly name: string,
  ) {
    this.atomic = openAtomicStream(join(dir, name));
  }
  async write(text: string): Promise<void> {
    const buf = Buffer.from(text, 'utf8');
    this.hash.update(buf);
    this.bytes += buf.length;
    const { stream } = this.atomic;
    if (!stream.write(buf)) await new Promise<void>((ok) => stream.once('drain', () => ok()));
  }
  async commit(): Promise<PiiPartFile> {
    await this.atomic.commit();
    return { name: this.name, bytes: this.bytes, sha256: this.hash.digest('hex') };
  }
  abort(): Promise<void> {
    return this.atomic.abort();
  }
}

/**
 * The `pii-shard` job: the per-block code of `beian pii` (scanPiiPart) on one shard. Redacted text
 * and --findings lines go to part files named by shard and attempt in the run's parts folder,
 * written to a temporary name and renamed when complete; the partial result names them with size
 * and hash. The scanner (dictionaries, threads) of the last options is kept between shards.
 */
export function piiShardJob(options: { threads?: number; env: NodeJS.ProcessEnv }) {
  let loaded: { key: string; engine: PiiEngine } | undefined;
  let loading: Promise<PiiEngine> | undefined;
  const load = async (o: PiiJobOptions, run: string): Promise<PiiEngine> => {
    const key = JSON.stringify([o, run]);
    if (loaded?.key === key) return loaded.engine;
    const previous = loaded;
    loaded = undefined;
    await previous?.engine.close();
    const engine = await createPiiEngine(await taskOptions(o, options.env, run), options.threads ?? 1);
    loaded = { key, engine };
    return engine;
  };
  const handler: JobHandler = defineJob<PiiShardPayload, PiiShardResult>({
    kind: PII_SHARD,
    payload: piiShardPayloadSchema,
    run: async ({ options: o, input }, ctx) => {
      const line = await checkShardFile(input);
      // one shard at a time builds a scanner; concurrent jobs of the same run share it
      const next = (loading ?? Promise.resolve(undefined)).then(
        () => load(o, ctx.run),
        () => load(o, ctx.run),
      );
      loading = next;
      const engine = await next;
      const writers: PartWriter[] = [];
      const part = async (suffix: string): Promise<PartWriter> => {
        const dir = o.partsDir as string;
        try {
          await mkdir(dir, { recursive: true });
        } catch (e) {
          throw BeianError.of('ENVIRONMENT', 'queue.partsDirUnwritable', {
            dir,
            message: (e as Error).message,
          });
        }
        const w = new PartWriter(dir, `${ctx.shard}.${ctx.attempt}.${suffix}`);
        writers.push(w);
        return w;
      };
      const out = o.redact && o.partsDir ? await part('out') : undefined;
      const findings = o.findings && o.partsDir ? await part('findings') : undefined;
      const examples = new ExampleCollector();
      let bytes = 0;
      try {
        const {
          findings: _rows,
          perType: _p,
          out: _o,
          ...total
        } = await scanPiiPart(
          engine,
          {
            file: input.file,
            ...(input.path ? { path: input.path } : {}),
            ...(input.range ? { range: input.range } : {}),
          },
          {
            ...(o.format ? { format: o.format } : {}),
            ...(o.encoding ? { encoding: o.encoding } : {}),
            ...(o.blockBytes ? { blockBytes: o.blockBytes } : {}),
          },
          {
            ...(out ? { out: (t: string) => out.write(t) } : {}),
            row: async (row) => {
              if (findings) await findings.write(findingLine(row));
              examples.add(row);
            },
          },
          (n) => {
            bytes += n;
            ctx.progress({ bytes });
          },
          () => {
            if (ctx.signal.aborted)
              throw BeianError.of('ENVIRONMENT', 'queue.shardAborted', { file: input.file, line });
          },
        );
        const result: PiiShardResult = { total, examples: examples.examples };
        if (out) result.out = await out.commit();
        if (findings) result.findings = await findings.commit();
        return result;
      } catch (e) {
        for (const w of writers) await w.abort().catch(() => undefined);
        throw e;
      }
    },
  });
  return {
    handler,
    close: async () => {
      await loaded?.engine.close();
      loaded = undefined;
    },
  };
}
