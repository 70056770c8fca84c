import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DeferredData, TaskHandler } from './pool-worker.js';

/**
 * A generic pool of worker threads. The worker module calls `serveWorker(setup)` (pool-worker.ts);
 * `setup(workerData)` runs once per thread (e.g. load a serialised matcher) and returns the handler
 * applied to each task. Tasks are structured-cloned, or transferred when `transfer` lists buffers.
 *
 * @example
 *   const pool = createPool<Block, Result>(new URL('./scan-worker.js', import.meta.url), { workerData });
 *   for await (const r of mapOrdered(pool, blocks, { transfer: (b) => [b.bytes.buffer] })) merge(r);
 *   await pool.close();
 */
export interface WorkerPool<I, O> {
  readonly size: number;
  run(input: I, transfer?: readonly ArrayBuffer[]): Promise<O>;
  close(): Promise<void>;
}

export interface PoolOptions<I = unknown, O = unknown, D = unknown> {
  /** Threads; default all cores (availableParallelism). */
  size?: number;
  /**
   * Passed to every worker's setup function. A promise lets the threads start (and load their
   * modules) while the caller is still making the data: each gets it in a message when it settles,
   * and a rejection fails every task.
   */
  workerData?: unknown;
  /** with a promised workerData: a hint each thread acts on while it waits (serveWorker's `warm`) */
  warm?: unknown;
  /**
   * The worker module's setup, run on the calling thread too: that thread then takes tasks as one
   * of the pool's `size` (size - 1 threads are started), between its own reading and merging, which
   * leave it idle most of the time. A thread fewer to start and load; meant for small pools (the
   * calling thread stops handing out tasks while it runs one, so each thread gets two at a time).
   */
  inline?: (data: D) => TaskHandler<I, O> | Promise<TaskHandler<I, O>>;
  /**
   * With `inline`: the calling thread takes a task only when every worker already holds two. By
   * default it takes one as soon as each worker has one, and a worker gets its second only if one
   * is queued then; with inputs read as they are needed the queue is mostly empty at that moment,
   * so the worker finished its one task and waited for the caller's (a block of `beian pii` on 96 MB:
   * the worker sat idle most of the run).
   */
  callerLast?: boolean;
}

const isPromise = (v: unknown): v is Promise<unknown> =>
  typeof (v as { then?: unknown } | null | undefined)?.then === 'function';

interface Task {
  id: number;
  input: unknown;
  transfer: readonly ArrayBuffer[];
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

type Reply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; message: string; stack?: string };

/**
 * The built worker module's CommonJS bundle (scripts/bundle-workers.mjs: `x.js` → `x.cjs`, with the
 * list of the modules it holds in `x.cjs.inputs.json`) when there is one at least as new as each of
 * those modules, else the module itself. A thread started from the bundle skips Node's ES module
 * loader and the resolving and linking of each module: ~20 ms less CPU per thread.
 */
function bundleOf(url: URL): URL {
  if (url.protocol !== 'file:' || !url.pathname.endsWith('.js')) return url;
  try {
    const bundle = fileURLToPath(url).replace(/\.js$/, '.cjs');
    const made = statSync(bundle).mtimeMs;
    const inputs = JSON.parse(readFileSync(`${bundle}.inputs.json`, 'utf8')) as string[];
    for (const i of inputs) if (statSync(resolve(dirname(bundle), i)).mtimeMs > made) return url;
    return pathToFileURL(bundle);
  } catch {
    return url; // no bundle (a build without esbuild, or a module that has none)
  }
}

/**
 * TypeScript worker sources (tests, `npx tsx` benchmarks) are loaded through tsx's loader inside
 * the thread; built JavaScript is loaded directly, from its bundle when it has one (bundleOf).
 */
function startWorker(url: URL, workerData: unknown): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData });
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

export function createPool<I, O, D = unknown>(
  workerUrl: URL,
  options: PoolOptions<I, O, D> = {},
): WorkerPool<I, O> {
  const size = Math.max(1, options.size ?? availableParallelism());
  let url: URL | undefined;
  const inline = options.inline;
  const callerLast = options.callerLast === true;
  const threads = inline ? size - 1 : size;
  // tasks a thread holds at once: with the calling thread busy on its own task, a second one
  // queued in each thread keeps it from waiting for the next
  const depth = inline ? 2 : 1;
  const queue: Task[] = [];
  const load = new Map<Worker, number>();
  const held = new Map<Worker, Map<number, Task>>();
  let nextId = 0;
  let closed = false;
  let failure: Error | undefined;
  let here: Promise<TaskHandler<I, O>> | undefined;
  let hereBusy = false;

  /** the thread holding the fewest tasks, if one holds fewer than `depth` */
  const leastLoaded = (): [Worker | undefined, number] => {
    let w: Worker | undefined;
    let least = depth;
    for (const [x, n] of load)
      if (n < least) {
        least = n;
        w = x;
      }
    return [w, least];
  };

  const runHere = (task: Task): void => {
    hereBusy = true;
    // in a macrotask: the reads and replies already due are served first
    setImmediate(() => {
      // callerLast: a reply served meanwhile left a thread room for it (else the calling thread
      // would run a block while that thread finishes its last and waits)
      if (callerLast && leastLoaded()[0]) {
        hereBusy = false;
        queue.unshift(task);
        dispatch();
        return;
      }
      (here as Promise<TaskHandler<I, O>>)
        .then((h) => h(task.input as I))
        .then(task.resolve, task.reject)
        .finally(() => {
          hereBusy = false;
          dispatch();
        });
    });
  };

  const dispatch = (): void => {
    while (queue.length) {
      const [w, least] = leastLoaded();
      // a thread with nothing to do first, then the calling thread, then a second task each
      // (callerLast: every thread's second before the calling thread)
      if (w && (least === 0 || !here || hereBusy || callerLast)) {
        const task = queue.shift() as Task;
        load.set(w, least + 1);
        held.get(w)?.set(task.id, task);
        w.postMessage({ id: task.id, input: task.input }, task.transfer as ArrayBuffer[]);
      } else if (here && !hereBusy) runHere(queue.shift() as Task);
      else return;
    }
  };

  const deferred = isPromise(options.workerData) ? options.workerData : undefined;
  const later: DeferredData = {
    deferred: 'beian-pool/deferred-data',
    ...(options.warm !== undefined ? { warm: options.warm } : {}),
  };
  const spawn = (): void => {
    url ??= bundleOf(workerUrl);
    const w = startWorker(url, deferred ? later : options.workerData);
    const mine = new Map<number, Task>();
    w.on('message', (reply: Reply) => {
      const task = mine.get(reply.id);
      mine.delete(reply.id);
      load.set(w, Math.max(0, (load.get(w) ?? 1) - 1));
      if (task) {
        if (reply.ok) task.resolve(reply.value);
        else {
          const err = new Error(reply.message);
          if (reply.stack) err.stack = reply.stack;
          task.reject(err);
        }
      }
      dispatch();
    });
    const die = (err: Error): void => {
      failure ??= err;
      for (const t of mine.values()) t.reject(err);
      mine.clear();
      // A crashed thread fails the run: reject everything queued rather than hang.
      for (const t of queue.splice(0)) t.reject(err);
    };
    w.on('error', die);
    w.on('exit', (code) => {
      if (!closed && code !== 0) die(new Error(`worker exited with code ${code}`));
    });
    load.set(w, 0);
    held.set(w, mine);
  };
  for (let i = 0; i < threads; i++) spawn();
  const all = [...load.keys()];
  if (inline) {
    here = Promise.resolve(options.workerData as D | Promise<D>).then(inline);
    here.catch(() => {}); // reported to each task
  }
  deferred?.then(
    (data) => {
      // before any task in each thread's queue that is posted from now on; tasks posted earlier
      // wait in the thread for this message
      if (!closed) for (const w of all) w.postMessage({ setup: data });
    },
    (e: unknown) => {
      failure ??= e instanceof Error ? e : new Error(String(e));
      for (const t of queue.splice(0)) t.reject(failure);
      for (const m of held.values()) for (const t of m.values()) t.reject(failure);
    },
  );

  return {
    size,
    run(input, transfer = []) {
      if (failure) return Promise.reject(failure);
      if (closed) return Promise.reject(new Error('pool closed'));
      return new Promise<O>((resolve, reject) => {
        queue.push({ id: nextId++, input, transfer, resolve: resolve as (v: unknown) => void, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}

/**
 * The same interface on the calling thread, for inputs too small to pay for starting a thread:
 * `setup` runs once when `data` settles, then each task in turn.
 */
export function createInlinePool<I, O, D>(
  setup: (data: D) => TaskHandler<I, O>,
  data: D | Promise<D>,
): WorkerPool<I, O> {
  const ready = Promise.resolve(data).then(setup);
  ready.catch(() => {}); // reported to each task
  let closed = false;
  return {
    size: 1,
    run: (input) => (closed ? Promise.reject(new Error('pool closed')) : ready.then((h) => h(input))),
    async close() {
      closed = true;
    },
  };
}

/**
 * Runs every input through the pool with at most `maxInFlight` tasks outstanding (backpressure:
 * the input iterator is not pulled further ahead, so memory stays bounded), yielding results in
 * input order so aggregates and reports are deterministic.
 */
export async function* mapOrdered<I, O>(
  pool: WorkerPool<I, O>,
  inputs: AsyncIterable<I> | Iterable<I>,
  options: { maxInFlight?: number; transfer?: (input: I) => readonly ArrayBuffer[] } = {},
): AsyncGenerator<O> {
  const max = Math.max(1, options.maxInFlight ?? pool.size * 2);
  const pending: Promise<O>[] = [];
  try {
    for await (const input of inputs) {
      const p = pool.run(input, options.transfer?.(input) ?? []);
      p.catch(() => {}); // observed below, in order; avoid an unhandled rejection meanwhile
      pending.push(p);
      if (pending.length >= max) yield await (pending.shift() as Promise<O>);
    }
    while (pending.length) yield await (pending.shift() as Promise<O>);
  } finally {
    for (const p of pending) p.catch(() => {});
  }
}
