import { randomBytes } from 'node:crypto';
import { type FileHandle, open, opendir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { BeianError } from '../../errors.js';
import { type ByteSource, isRange, type Piece } from '../../label/source.js';
import { appendAll } from '../../util/array.js';

/** A file opened for random reads; callers close it. */
export interface OpenSource extends ByteSource {
  close(): Promise<void>;
}

export async function openSource(path: string): Promise<OpenSource> {
  const fh = await open(path, 'r');
  const { size } = await fh.stat();
  return sourceOf(fh, size);
}

function sourceOf(fh: FileHandle, size: number): OpenSource {
  return {
    size,
    async read(offset, length) {
      const start = Math.max(0, Math.min(offset, size));
      const n = Math.max(0, Math.min(length, size - start));
      if (n === 0) return Buffer.alloc(0);
      const buf = Buffer.allocUnsafe(n);
      const { bytesRead } = await fh.read(buf, 0, n, start);
      return buf.subarray(0, bytesRead);
    },
    close: () => fh.close(),
  };
}

const SLICE = 1 << 20;

/**
 * Streams the planned pieces to a temporary file next to `dest`, keeps the original's mode, and
 * returns its path; `commit` renames it into place (atomic on one file system).
 */
export async function writeTemp(
  src: ByteSource,
  pieces: Iterable<Piece> | AsyncIterable<Piece>,
  dest: string,
): Promise<{ path: string; commit(): Promise<void>; discard(): Promise<void> }> {
  const tmp = join(dirname(dest), `.${basename(dest)}.${randomBytes(6).toString('hex')}.beian-tmp`);
  const mode = await stat(dest).then(
    (s) => s.mode & 0o777,
    () => 0o644,
  );
  const out = await open(tmp, 'w', mode);
  try {
    for await (const p of pieces) {
      if (!isRange(p)) {
        await out.write(p);
        continue;
      }
      for (let at = p.start; at < p.end; at += SLICE) {
        const chunk = await src.read(at, Math.min(SLICE, p.end - at));
        if (chunk.length === 0) throw BeianError.of('INTERNAL', 'label.sourceShorter', { at });
        await out.write(chunk);
      }
    }
    await out.sync();
  } catch (e) {
    await out.close().catch(() => {});
    await unlink(tmp).catch(() => {});
    throw e;
  }
  await out.close();
  return {
    path: tmp,
    commit: () => rename(tmp, dest),
    discard: () => unlink(tmp).catch(() => {}),
  };
}

/** Writes a small file atomically (temp + rename). */
export async function writeSmall(dest: string, data: Buffer | string): Promise<void> {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8');
  const t = await writeTemp({ size: 0, read: async () => Buffer.alloc(0) }, [buf], dest);
  await t.commit();
}

const SKIP_DIRS = new Set(['node_modules', '.git']);

/** Files under the given paths, depth first, without loading directory trees into memory. */
export async function* walk(
  paths: readonly string[],
  isSidecar: (name: string) => boolean,
): AsyncGenerator<string> {
  for (const p of paths) {
    const s = await stat(p).catch(() => undefined);
    if (!s) {
      yield p; // reported as missing by the caller
      continue;
    }
    if (s.isFile()) {
      yield p;
      continue;
    }
    if (!s.isDirectory()) continue;
    const stack = [p];
    while (stack.length > 0) {
      const dir = stack.pop() as string;
      const entries = [];
      for await (const e of await opendir(dir)) entries.push(e);
      entries.sort((a, b) => (a.name < b.name ? -1 : 1));
      const sub: string[] = [];
      for (const e of entries) {
        const full = join(dir, e.name);
        if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name)) sub.push(full);
        } else if (e.isFile() && !isSidecar(e.name) && !e.name.endsWith('.beian-tmp')) yield full;
      }
      appendAll(stack, sub.reverse());
    }
  }
}
