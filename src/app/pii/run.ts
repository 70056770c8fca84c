import type { WriteStream } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { listCorpusFiles } from '../../corpus/blocks.js';
import type { CorpusEncoding, CorpusFormat, MalformedEntry } from '../../corpus/types.js';
import { BeianError } from '../../errors.js';
import { type AtomicStream, openAtomicStream } from '../../io/atomic.js';
import { DEFAULT_POLICY, needsKey, type RedactionPolicy } from '../../pii/redact.js';
import type { Confidence, PiiType } from '../../pii/types.js';
import type { PiiSection } from '../../project/sections/pii.js';
import {
  type BlockResult,
  type FindingRow,
  mergeInto,
  newTotal,
  type PiiTaskOptions,
} from './process-block.js';
import {
  createPiiEngine,
  ExampleCollector,
  findingLine,
  type PiiReadOptions,
  scanPiiPart,
} from './scan-part.js';

export interface PiiRunOptions {
  inputs: readonly string[];
  format?: CorpusFormat;
  /** JSONL dotted paths / CSV columns to scan; default every text field and column */
  fields?: readonly string[];
  encoding?: CorpusEncoding;
  /** threads that scan (this one and jobs − 1 workers); 1 runs on the calling thread; default defaultJobs() */
  jobs?: number;
  /** write one masked JSON line per finding here */
  findingsPath?: string;
  /** write de-identified copies into this folder */
  outDir?: string;
  /** weights of a user-trained name/address model (beian pii train) */
  modelFile?: string;
  section?: PiiSection;
  env: NodeJS.ProcessEnv;
  cwd: string;
  onProgress?: (done: number, total: number) => void;
  /** size of the blocks handed to workers (tests use small blocks) */
  blockBytes?: number;
}

export interface PiiFileReport {
  file: string;
  records: number;
  bytes: number;
  byType: Partial<Record<PiiType, number>>;
  out?: string;
}

/** The `beian pii --json` document. `records`, `bytes`, `byType`, `malformed` are the stable contract. */
export interface PiiReport {
  records: number;
  bytes: number;
  byType: Partial<Record<PiiType, number>>;
  malformed: MalformedEntry[];
  byConfidence: Record<Confidence, number>;
  /** findings per record source (JSONL `source` field, CSV `source` column); copy into the ledger's lastScan.pii */
  bySource: Record<string, Partial<Record<PiiType, number>>>;
  files: PiiFileReport[];
  /** up to three masked examples per type */
  examples: Array<Pick<FindingRow, 'file' | 'line' | 'field' | 'type' | 'confidence' | 'masked'>>;
  findingsFile?: string;
  redaction?: {
    outDir: string;
    redacted: number;
    /** high-confidence findings in the de-identified output (re-scan); 0 is the goal */
    residualHigh: number;
    /** residualHigh / findings redacted */
    residualRate: number;
    minConfidence: Confidence;
    strategies: Record<string, string>;
  };
}

/** The redaction policy of a `pii:` section (defaults: mask everything found). */
export function policyOf(section: PiiSection | undefined): RedactionPolicy {
  if (!section) return DEFAULT_POLICY;
  return { minConfidence: section.minConfidence, default: section.strategy, perType: section.perType };
}

/**
 * The pseudonym key, from the environment variable or the key file named in the `pii:` section.
 * Kept in memory only: never logged, stored, or written into a report.
 */
export async function resolveKey(
  section: PiiSection | undefined,
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<Uint8Array> {
  const keyEnv = section?.pseudonym.keyEnv ?? 'BEIAN_PII_KEY';
  const fromEnv = env[keyEnv];
  if (fromEnv) return new TextEncoder().encode(fromEnv);
  const keyFile = section?.pseudonym.keyFile;
  if (keyFile) {
    try {
      const bytes = await readFile(resolve(cwd, keyFile));
      if (bytes.length >= 16) return new Uint8Array(bytes);
    } catch (cause) {
      throw BeianError.of('ENVIRONMENT', 'pii.keyFileUnreadable', { file: keyFile }, { cause });
    }
  }
  throw keyFile
    ? BeianError.of('USAGE', 'pii.keyNeededOrFile', { env: keyEnv, file: keyFile })
    : BeianError.of('USAGE', 'pii.keyNeeded', { env: keyEnv });
}

async function writeTo(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await new Promise<void>((ok) => stream.once('drain', () => ok()));
}

/** Input files with the name each gets under --out (relative to the folder given, or the base name). */
export async function expandInputs(inputs: readonly string[]): Promise<Array<{ file: string; rel: string }>> {
  const out: Array<{ file: string; rel: string }> = [];
  for (const input of inputs) {
    let isDir: boolean;
    try {
      isDir = (await stat(input)).isDirectory();
    } catch {
      throw BeianError.of('NOT_FOUND', 'pii.inputNotFound', { input });
    }
    for (const file of await listCorpusFiles([input])) {
      out.push({ file, rel: (isDir ? relative(input, file) : basename(file)).replace(/\.gz$/i, '') });
    }
  }
  return out;
}

/**
 * Input each thread must have to itself before one more thread pays for its start: every thread is
 * its own V8 isolate and compiles the detectors again (~1 CPU-s more per thread, JIT and GC, about
 * what 16 MB of warm scanning costs). Measured on 2 cores (the command, interleaved with one
 * thread): 24 MB ran faster on one thread (wall and CPU: 2.5-2.7 against 3.7 CPU-s), 96 MB faster
 * on two.
 */
export const BYTES_PER_THREAD = 16 * 1024 * 1024;

/** The default thread count: one per BYTES_PER_THREAD of input, at least one, at most `cores` (and 16). */
export const defaultJobs = (totalBytes: number, cores: number): number =>
  Math.max(1, Math.min(cores, 16, Math.floor(totalBytes / BYTES_PER_THREAD)));

/**
 * Scans files for personal information and optionally writes de-identified copies. Streams every
 * file block by block through a worker pool (memory stays flat), keeps output in input order.
 */
export async function runPii(o: PiiRunOptions): Promise<PiiReport> {
  const files = await expandInputs(o.inputs);
  const policy = policyOf(o.section);
  const redact = o.outDir !== undefined;
  const key = redact && needsKey(policy) ? await resolveKey(o.section, o.env, o.cwd) : undefined;
  const fields = o.fields && o.fields.length > 0 ? [...new Set(o.fields)] : undefined;
  const options: PiiTaskOptions = { redact, policy, findings: o.findingsPath !== undefined };
  if (fields) options.fields = fields;
  if (o.modelFile) options.modelFile = resolve(o.cwd, o.modelFile);
  if (o.section?.types) options.types = o.section.types;
  if (key) options.key = key;
  const read: PiiReadOptions = {
    ...(o.format ? { format: o.format } : {}),
    ...(o.encoding ? { encoding: o.encoding } : {}),
    ...(o.blockBytes ? { blockBytes: o.blockBytes } : {}),
  };

  let totalBytes = 0;
  for (const f of files) totalBytes += (await stat(f.file)).size;
  let doneBytes = 0;
  const progress = (n: number) => {
    doneBytes += n;
    o.onProgress?.(doneBytes, totalBytes);
  };

  const jobs =
    o.jobs !== undefined
      ? Math.max(1, Math.min(o.jobs, 16))
      : defaultJobs(totalBytes, availableParallelism());
  const engine = await createPiiEngine(options, jobs);

  const total = newTotal();
  const reported: PiiFileReport[] = [];
  // every output appears only when complete (temp file beside it, renamed on commit); a failed or
  // killed run leaves the previous outputs as they were
  const atomics: AtomicStream[] = [];
  const openOut = (path: string): AtomicStream => {
    const a = openAtomicStream(path);
    atomics.push(a);
    return a;
  };
  const findingsAtomic = o.findingsPath ? openOut(o.findingsPath) : undefined;
  const findingsOut = findingsAtomic?.stream;
  let completed = false;
  const examples = new ExampleCollector();
  const outRoot = o.outDir ? resolve(o.cwd, o.outDir) : undefined;
  try {
    for (const { file, rel } of files) {
      let outPath: string | undefined;
      let out: WriteStream | undefined;
      let outAtomic: AtomicStream | undefined;
      if (outRoot) {
        outPath = join(outRoot, rel);
        if (resolve(outPath) === resolve(file)) throw BeianError.of('USAGE', 'pii.outOverwrites', { file });
        await mkdir(dirname(outPath), { recursive: true });
        outAtomic = openOut(outPath);
        out = outAtomic.stream;
      }
      const stream = out;
      const fileTotal = await scanPiiPart(
        engine,
        { file },
        read,
        {
          ...(stream ? { out: (t: string) => writeTo(stream, t) } : {}),
          row: async (row) => {
            if (findingsOut) await writeTo(findingsOut, findingLine(row));
            examples.add(row);
          },
        },
        progress,
      );
      if (outAtomic) {
        await outAtomic.commit();
        atomics.splice(atomics.indexOf(outAtomic), 1);
      }
      mergeInto(total, fileTotal);
      const fr: PiiFileReport = {
        file,
        records: fileTotal.records,
        bytes: fileTotal.bytes,
        byType: fileTotal.byType,
      };
      if (outPath) fr.out = outPath;
      reported.push(fr);
    }
    if (findingsAtomic) {
      await findingsAtomic.commit();
      atomics.splice(atomics.indexOf(findingsAtomic), 1);
    }
    completed = true;
  } finally {
    await engine.close();
    if (!completed) for (const a of atomics) await a.abort();
  }
  return piiReport(total, reported, examples.examples, {
    policy,
    ...(o.findingsPath ? { findingsFile: o.findingsPath } : {}),
    ...(outRoot ? { outRoot } : {}),
  });
}

/**
 * The report of a run from its totals (a local run's, or a queued run's merged shard by shard):
 * one builder, so both print and serialise the same document.
 */
export function piiReport(
  total: BlockResult,
  files: PiiFileReport[],
  examples: PiiReport['examples'],
  o: { policy: RedactionPolicy; findingsFile?: string; outRoot?: string },
): PiiReport {
  const report: PiiReport = {
    records: total.records,
    bytes: total.bytes,
    byType: total.byType,
    malformed: total.malformed,
    byConfidence: total.byConfidence,
    bySource: total.bySource,
    files,
    examples,
  };
  if (o.findingsFile) report.findingsFile = o.findingsFile;
  if (o.outRoot) {
    const { policy, outRoot } = o;
    const strategies: Record<string, string> = { default: policy.default.strategy };
    for (const [t, p] of Object.entries(policy.perType)) if (p) strategies[t] = p.strategy;
    report.redaction = {
      outDir: outRoot,
      redacted: total.redacted,
      residualHigh: total.residualHigh,
      residualRate: total.redacted ? total.residualHigh / total.redacted : 0,
      minConfidence: policy.minConfidence,
      strategies,
    };
  }
  return report;
}
