import { createServer } from 'node:net';

/** Polls `ok` every `stepMs` until it holds; throws after `ms` so a stuck run fails the test. */
export async function until(ok: () => boolean | Promise<boolean>, ms = 60_000, stepMs = 100): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

/** A TCP port free on 127.0.0.1 at the time of asking (for a worker's health endpoint). */
export const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
