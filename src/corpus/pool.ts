import { availableParallelism } from 'node:os';
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

export interface PoolOptions {
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
 * TypeScript worker sources (tests, `npx tsx` benchmarks) are loaded through tsx's loader inside
 * the thread; built JavaScript is loaded directly.
 */
function startWorker(url: URL, workerData: unknown): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData });
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

export function createPool<I, O>(workerUrl: URL, options: PoolOptions = {}): WorkerPool<I, O> {
  const size = Math.max(1, options.size ?? availableParallelism());
  const queue: Task[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Task>();
  let nextId = 0;
  let closed = false;
  let failure: Error | undefined;

  const dispatch = (): void => {
    while (idle.length && queue.length) {
      const w = idle.pop() as Worker;
      const task = queue.shift() as Task;
      busy.set(w, task);
      w.postMessage({ id: task.id, input: task.input }, task.transfer as ArrayBuffer[]);
    }
  };

  const deferred = isPromise(options.workerData) ? options.workerData : undefined;
  const later: DeferredData = {
    deferred: 'beian-pool/deferred-data',
    ...(options.warm !== undefined ? { warm: options.warm } : {}),
  };
  const spawn = (): void => {
    const w = startWorker(workerUrl, deferred ? later : options.workerData);
    w.on('message', (reply: Reply) => {
      const task = busy.get(w);
      busy.delete(w);
      idle.push(w);
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
      const task = busy.get(w);
      busy.delete(w);
      task?.reject(err);
      // A crashed thread fails the run: reject everything queued rather than hang.
      for (const t of queue.splice(0)) t.reject(err);
    };
    w.on('error', die);
    w.on('exit', (code) => {
      if (!closed && code !== 0) die(new Error(`worker exited with code ${code}`));
    });
    idle.push(w);
  };
  for (let i = 0; i < size; i++) spawn();
  const all = [...idle];
  deferred?.then(
    (data) => {
      // before any task in each thread's queue that is posted from now on; tasks posted earlier
      // wait in the thread for this message
      if (!closed) for (const w of all) w.postMessage({ setup: data });
    },
    (e: unknown) => {
      failure ??= e instanceof Error ? e : new Error(String(e));
      for (const t of queue.splice(0)) t.reject(failure);
      for (const t of busy.values()) t.reject(failure);
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
