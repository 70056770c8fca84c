import { parentPort, workerData } from 'node:worker_threads';

export type TaskHandler<I, O> = (input: I) => O | Promise<O>;

/**
 * The worker side of createPool: call it at the top level of a worker module. `setup` runs once
 * with the pool's workerData; its handler answers every task. Errors are sent back to the caller
 * (the task's promise rejects) instead of killing the thread.
 */
export function serveWorker<I, O, D = unknown>(
  setup: (data: D) => TaskHandler<I, O> | Promise<TaskHandler<I, O>>,
): void {
  const port = parentPort;
  if (!port) throw new Error('serveWorker must run inside a worker thread');
  const ready = Promise.resolve(setup(workerData as D));
  port.on('message', async (msg: { id: number; input: I }) => {
    try {
      const handler = await ready;
      const value = await handler(msg.input);
      port.postMessage({ id: msg.id, ok: true, value });
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      port.postMessage({ id: msg.id, ok: false, message: err.message, stack: err.stack });
    }
  });
}
