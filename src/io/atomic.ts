import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, linkSync, renameSync, rmSync, type WriteStream, writeFileSync } from 'node:fs';
import { copyFile, mkdir, readFile, rename, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Outputs that are either complete or absent. A file is written beside its target (same directory,
 * so the rename stays on one file system) and renamed over it when whole: a killed command leaves
 * the previous output, never a prefix that looks complete.
 */
const tempName = (target: string): string =>
  join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const temp = tempName(target);
  try {
    await writeFile(temp, data, { flush: true });
    await rename(temp, target);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}

/**
 * With `overwrite: false` an existing target is kept: the temporary file is hard-linked to the
 * name, which fails with EEXIST if it is taken, so two writers never clobber each other.
 */
export function writeFileAtomicSync(
  target: string,
  data: string | Uint8Array,
  options: { overwrite: boolean } = { overwrite: true },
): void {
  const temp = tempName(target);
  try {
    writeFileSync(temp, data, { flush: true });
    if (options.overwrite) renameSync(temp, target);
    else {
      linkSync(temp, target);
      rmSync(temp);
    }
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}

export interface AtomicStream {
  readonly stream: WriteStream;
  /** ends the stream and moves the file into place */
  commit(): Promise<void>;
  /** ends the stream and removes the partial file; the target keeps its previous content */
  abort(): Promise<void>;
}

/** A write stream whose file appears at `target` only on commit. */
export function openAtomicStream(target: string): AtomicStream {
  return streamTo(tempName(target), target, 'w');
}

/**
 * An atomic stream that starts from an existing file, which is moved (not copied) to the temporary
 * name and appended to: a job's finished part becomes the head of the joined output without being
 * written a second time. Across file systems the move falls back to a copy. Abort gives `start` back
 * as it was, so a failed join can be retried.
 */
export async function adoptAtomicStream(target: string, start: string): Promise<AtomicStream> {
  const temp = tempName(target);
  const { size } = await stat(start);
  let moved = true;
  try {
    await rename(start, temp);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    await copyFile(start, temp);
    moved = false;
  }
  return streamTo(temp, target, 'a', async () => {
    if (!moved) return rm(temp, { force: true });
    await truncate(temp, size);
    await rename(temp, start);
  });
}

function streamTo(
  temp: string,
  target: string,
  flags: 'w' | 'a',
  undo: () => Promise<void> = () => rm(temp, { force: true }),
): AtomicStream {
  const stream = createWriteStream(temp, { flush: true, flags });
  const end = (): Promise<void> =>
    new Promise((resolve, reject) => {
      if (stream.closed) return resolve();
      stream.once('error', reject);
      stream.end(() => resolve());
    });
  return {
    stream,
    async commit() {
      await end();
      await rename(temp, target);
    },
    async abort() {
      await end().catch(() => undefined);
      await undo();
    },
  };
}

/**
 * Builds a whole folder in a sibling temporary folder, then swaps it in: readers see the old folder
 * or the new one, never a mix of documents from two runs.
 */
export async function replaceDirAtomic<T>(target: string, build: (dir: string) => Promise<T>): Promise<T> {
  const temp = tempName(target);
  await mkdir(dirname(target), { recursive: true });
  await mkdir(temp);
  let result: T;
  try {
    result = await build(temp);
  } catch (e) {
    await rm(temp, { recursive: true, force: true });
    throw e;
  }
  const old = `${temp}.old`;
  const existed = await stat(target).then(
    () => true,
    () => false,
  );
  if (existed) await rename(target, old);
  await rename(temp, target);
  if (existed) await rm(old, { recursive: true, force: true });
  return result;
}

export interface ManifestEntry {
  file: string;
  bytes: number;
  sha256: string;
  /** records, rows or findings the file holds, when that means something */
  count?: number;
}

export interface Manifest {
  tool: 'beian';
  complete: true;
  createdAt: string;
  files: ManifestEntry[];
}

export const MANIFEST = 'manifest.json';

/** Written last: its presence with `complete: true` says every listed file is whole. */
export async function writeManifest(
  dir: string,
  files: readonly { file: string; count?: number }[],
  now: Date,
): Promise<Manifest> {
  const entries: ManifestEntry[] = [];
  for (const f of files) {
    const bytes = await readFile(join(dir, f.file));
    entries.push({
      file: f.file,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      ...(f.count === undefined ? {} : { count: f.count }),
    });
  }
  const manifest: Manifest = { tool: 'beian', complete: true, createdAt: now.toISOString(), files: entries };
  await writeFileAtomic(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
