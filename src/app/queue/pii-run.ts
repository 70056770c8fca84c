import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, type WriteStream } from 'node:fs';
import { mkdir, rm, rmdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { BeianError } from '../../errors.js';
import { type AtomicStream, adoptAtomicStream, openAtomicStream } from '../../io/atomic.js';
import { needsKey } from '../../pii/index.js';
import type { PiiSection } from '../../project/sections/pii.js';
import { pickPartials } from '../../queue/merge.js';
import type { Store } from '../../store/index.js';
import {
  createQueueRun,
  finishQueueRun,
  partialProgress,
  partialResult,
  queueRunById,
} from '../../store/repos/queue.js';
import { mergeInto, newTotal } from '../pii/process-block.js';
import {
  expandInputs,
  type PiiFileReport,
  type PiiReport,
  type PiiRunOptions,
  piiReport,
  policyOf,
  resolveKey,
} from '../pii/run.js';
import { ExampleCollector } from '../pii/scan-part.js';
import { loadPiiModel } from '../pii/train.js';
import { keyCheckOf, type PiiShardResult } from './pii-shard.js';
import {
  PII_SHARD,
  type PiiJobOptions,
  type PiiPartFile,
  type PiiRunSpec,
  piiRunSpecSchema,
} from './pii-spec.js';
import {
  enqueueMissingJobs,
  type FollowOptions,
  followRun,
  planScanShards,
  type QueuedJobs,
  type QueuePort,
} from './scan-run.js';

/** A queued `beian pii`: what a local run takes (its threads are the workers'), plus the queue's own settings. */
export interface SubmitPii extends Omit<PiiRunOptions, 'jobs' | 'onProgress'> {
  shardBytes?: number;
  attempts?: number;
  /** the folder every worker writes its parts to (default `.beian-parts` under --out, or beside --findings) */
  partsDir?: string;
}

/** The queue jobs of a pii run. */
export const piiJobs = (spec: PiiRunSpec): QueuedJobs => ({
  kind: PII_SHARD,
  shards: spec.shards,
  attempts: spec.attempts,
  payload: (input) => ({ options: spec.options, input }),
});

/** Plans the run (as runPii reads its inputs), records it in the store and enqueues its shards. */
export async function submitPiiRun(
  store: Store,
  queue: QueuePort,
  s: SubmitPii,
  now: Date,
): Promise<{ id: string; spec: PiiRunSpec }> {
  const id = `pii-${randomUUID()}`;
  const files = await expandInputs(s.inputs);
  const policy = policyOf(s.section);
  const redact = s.outDir !== undefined;
  const outRoot = s.outDir ? resolve(s.cwd, s.outDir) : undefined;
  if (outRoot)
    for (const { file, rel } of files)
      if (resolve(join(outRoot, rel)) === resolve(file))
        throw BeianError.of('USAGE', 'pii.outOverwrites', { file });
  // the submitter needs the key too (a run that cannot redact fails here, as a local one does),
  // but sends only a check value: each worker reads the key where the section says
  const key = redact && needsKey(policy) ? await resolveKey(s.section, s.env, s.cwd) : undefined;
  const modelFile = s.modelFile ? resolve(s.cwd, s.modelFile) : undefined;
  if (modelFile) await loadPiiModel(modelFile);
  const findings = s.findingsPath
    ? { given: s.findingsPath, path: resolve(s.cwd, s.findingsPath) }
    : undefined;
  const partsRoot = s.partsDir
    ? resolve(s.cwd, s.partsDir)
    : outRoot
      ? join(outRoot, '.beian-parts')
      : findings
        ? join(dirname(findings.path), '.beian-parts')
        : undefined;
  const section: PiiSection | undefined = s.section
    ? {
        ...s.section,
        pseudonym: {
          ...s.section.pseudonym,
          ...(s.section.pseudonym.keyFile ? { keyFile: resolve(s.cwd, s.section.pseudonym.keyFile) } : {}),
        },
      }
    : undefined;
  const fields = s.fields && s.fields.length > 0 ? [...new Set(s.fields)] : undefined;
  const options: PiiJobOptions = {
    ...(s.format ? { format: s.format } : {}),
    ...(s.encoding ? { encoding: s.encoding } : {}),
    ...(s.blockBytes ? { blockBytes: s.blockBytes } : {}),
    ...(fields ? { fields } : {}),
    ...(section ? { section } : {}),
    ...(modelFile ? { modelFile } : {}),
    redact,
    findings: findings !== undefined,
    ...(partsRoot ? { partsDir: join(partsRoot, id) } : {}),
    ...(key ? { keyCheck: keyCheckOf(key, id) } : {}),
  };
  const read = {
    ...(s.format ? { format: s.format } : {}),
    ...(s.encoding ? { encoding: s.encoding } : {}),
  };
  const planned = await planScanShards(
    files.map((f) => f.file),
    read,
    s.shardBytes,
    { csv: true },
  );
  // expandInputs lists each input on its own; planning all at once gives the same files in order
  const fileOf: number[] = [];
  let fi = -1;
  for (const shard of planned.shards) {
    if (!shard.range || shard.range.start === 0) fi++;
    fileOf.push(fi);
  }
  const spec: PiiRunSpec = {
    inputs: [...s.inputs],
    files,
    fileOf,
    ...(outRoot ? { outRoot } : {}),
    ...(findings ? { findings } : {}),
    options,
    shards: planned.shards,
    attempts: s.attempts ?? 3,
  };
  if (options.partsDir) await mkdir(options.partsDir, { recursive: true });
  await createQueueRun(store, { id, kind: PII_SHARD, shards: spec.shards.length, spec }, now);
  await enqueueMissingJobs(store, queue, id, piiJobs(spec));
  return { id, spec };
}

/** The stored run (for --attach): its spec, and its report when it already finished. */
export async function piiRunById(
  store: Store,
  run: string,
): Promise<{ spec: PiiRunSpec; report?: PiiReport }> {
  const row = await queueRunById(store, run);
  if (!row) throw BeianError.of('NOT_FOUND', 'queue.runNotFound', { run });
  if (row.kind !== PII_SHARD) throw BeianError.of('USAGE', 'queue.runKind', { run, kind: row.kind });
  const spec = piiRunSpecSchema.parse(row.spec);
  return row.status === 'done' && row.report ? { spec, report: row.report as PiiReport } : { spec };
}

export const enqueueMissingPii = (store: Store, queue: QueuePort, run: string, spec: PiiRunSpec) =>
  enqueueMissingJobs(store, queue, run, piiJobs(spec));

/** Follows a pii run; when a shard failed for good the run cannot finish, so its parts go. */
export async function followPiiRun(
  store: Store,
  queue: QueuePort,
  run: string,
  spec: PiiRunSpec,
  options: FollowOptions = {},
): Promise<void> {
  try {
    await followRun(store, queue, run, piiJobs(spec), options);
  } catch (e) {
    if (e instanceof BeianError && e.key === 'queue.shardFailed') await removeParts(spec);
    throw e;
  }
}

async function removeParts(spec: PiiRunSpec): Promise<void> {
  if (!spec.options.partsDir) return;
  await rm(spec.options.partsDir, { recursive: true, force: true });
  // the shared parts root goes too when no other run uses it
  await rmdir(dirname(spec.options.partsDir)).catch(() => undefined);
}

async function writeTo(stream: WriteStream, chunk: Buffer): Promise<void> {
  if (!stream.write(chunk)) await new Promise<void>((ok) => stream.once('drain', () => ok()));
}

/** Reads a part (copying it to `to` if given), checking it is the very file the accepted attempt wrote. */
async function checkPart(file: string, part: PiiPartFile, shard: number, to?: WriteStream): Promise<void> {
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of createReadStream(file)) {
      const buf = chunk as Buffer;
      hash.update(buf);
      bytes += buf.length;
      if (to) await writeTo(to, buf);
    }
  } catch {
    throw BeianError.of('ENVIRONMENT', 'queue.partMissing', { shard, file });
  }
  if (bytes !== part.bytes || hash.digest('hex') !== part.sha256)
    throw BeianError.of('ENVIRONMENT', 'queue.partMissing', { shard, file });
}

/**
 * One output joined from parts in shard order. The first part is moved into place rather than
 * copied (for a file that fits one shard, that is the whole join); the rest are appended.
 */
class PartJoin {
  private out: AtomicStream | undefined;
  constructor(
    private readonly target: string,
    private readonly dir: string,
  ) {}

  async add(part: PiiPartFile, shard: number): Promise<void> {
    const file = join(this.dir, part.name);
    if (this.out) return checkPart(file, part, shard, this.out.stream);
    await checkPart(file, part, shard);
    this.out = await adoptAtomicStream(this.target, file);
  }

  async commit(): Promise<void> {
    this.out ??= openAtomicStream(this.target);
    await this.out.commit();
  }

  abort(): Promise<void> {
    return this.out?.abort() ?? Promise.resolve();
  }
}

/**
 * Merges a finished run into the report a local `beian pii` gives, and writes its outputs: one
 * accepted attempt per shard (queue/merge.ts), its parts joined in shard order into each output
 * file and the findings file, each written to a temporary file beside its target and renamed when
 * whole. The report is stored with the run (counts and masked examples only); the parts folder is
 * removed once every output is in place.
 */
export async function mergePiiRun(store: Store, run: string, spec: PiiRunSpec): Promise<PiiReport> {
  const picked = pickPartials(
    (await partialProgress(store, run)).map((p) => ({ ...p, result: p })),
    spec.shards.length,
  );
  if (!picked.results) throw new Error(`run ${run}: shards ${picked.missing.join(', ')} have no result`);
  const results: PiiShardResult[] = [];
  for (const p of picked.results)
    results.push((await partialResult(store, run, p.shard, p.attempt)) as PiiShardResult);
  const total = newTotal();
  const examples = new ExampleCollector();
  const files: PiiFileReport[] = [];
  const dir = spec.options.partsDir ?? '';
  const open: PartJoin[] = [];
  const joinTo = (target: string): PartJoin => {
    const j = new PartJoin(target, dir);
    open.push(j);
    return j;
  };
  const done = async (j: PartJoin): Promise<void> => {
    await j.commit();
    open.splice(open.indexOf(j), 1);
  };
  try {
    const findingsOut = spec.findings ? joinTo(spec.findings.path) : undefined;
    for (const [fi, { file, rel }] of spec.files.entries()) {
      const fileTotal = newTotal();
      const outPath = spec.outRoot ? join(spec.outRoot, rel) : undefined;
      let out: PartJoin | undefined;
      if (outPath) {
        await mkdir(dirname(outPath), { recursive: true });
        out = joinTo(outPath);
      }
      for (const [shard, r] of results.entries()) {
        if (spec.fileOf[shard] !== fi) continue;
        mergeInto(fileTotal, { ...r.total, findings: [], perType: {} });
        for (const e of r.examples) examples.add(e);
        if (out && r.out) await out.add(r.out, shard);
        if (findingsOut && r.findings) await findingsOut.add(r.findings, shard);
      }
      if (out) await done(out);
      mergeInto(total, fileTotal);
      files.push({
        file,
        records: fileTotal.records,
        bytes: fileTotal.bytes,
        byType: fileTotal.byType,
        ...(outPath ? { out: outPath } : {}),
      });
    }
    if (findingsOut) await done(findingsOut);
  } finally {
    for (const j of open) await j.abort();
  }
  const report = piiReport(total, files, examples.examples, {
    policy: policyOf(spec.options.section),
    ...(spec.findings ? { findingsFile: spec.findings.given } : {}),
    ...(spec.outRoot ? { outRoot: spec.outRoot } : {}),
  });
  await finishQueueRun(store, run, 'done', report);
  await removeParts(spec);
  return report;
}
