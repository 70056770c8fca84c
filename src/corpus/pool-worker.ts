import { parentPort, workerData } from 'node:worker_threads';

export type TaskHandler<I, O> = (input: I) => O | Promise<O>;

/**
 * The workerData of a thread whose data comes later, in a `{ setup }` message (createPool), with
 * the pool's `warm` hint for the thread to act on while it waits.
 */
export interface DeferredData {
  deferred: 'beian-pool/deferred-data';
  warm?: unknown;
}
export const isDeferredData = (d: unknown): d is DeferredData =>
  (d as Partial<DeferredData> | null | undefined)?.deferred === 'beian-pool/deferred-data';

/**
 * The worker side of createPool: call it at the top level of a worker module. `setup` runs once
 * with the pool's workerData (or, when the pool was given a promise, with the data it sends once
 * that settles; tasks wait for it); its handler answers every task. Errors are sent back to the caller
 * (the task's promise rejects) instead of killing the thread.
 */
export function serveWorker<I, O, D = unknown>(
  setup: (data: D) => TaskHandler<I, O> | Promise<TaskHandler<I, O>>,
  /** what to do with a deferred pool's `warm` hint while the data is not there */
  warm?: (hint: unknown) => void,
): void {
  const port = parentPort;
  if (!port) throw new Error('serveWorker must run inside a worker thread');
  const deferred = isDeferredData(workerData) ? workerData : undefined;
  const data = deferred
    ? new Promise<D>((resolve) => {
        const first = (msg: { setup?: D }): void => {
          if (!('setup' in msg)) return;
          port.off('message', first);
          resolve(msg.setup as D);
        };
        port.on('message', first);
      })
    : Promise.resolve(workerData as D);
  const ready = data.then(setup);
  ready.catch(() => {}); // reported to each task below
  port.on('message', async (msg: { id: number; input: I } | { setup: D }) => {
    if ('setup' in msg) return;
    try {
      const handler = await ready;
      const value = await handler(msg.input);
      port.postMessage({ id: msg.id, ok: true, value });
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      port.postMessage({ id: msg.id, ok: false, message: err.message, stack: err.stack });
    }
  });
  // now, before this thread takes any message: the data and tasks that come meanwhile wait for it
  if (deferred?.warm !== undefined && warm)
    try {
      warm(deferred.warm);
    } catch {
      // only a head start: the work itself meets (and reports) the same failure
    }
}
