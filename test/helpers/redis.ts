import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort, until } from './wait.js';

/** Deletes the keys matching `pattern` (a test's own prefix) on the shared Redis. */
export async function dropKeys(url: string, pattern: string): Promise<void> {
  const r = new Redis(url);
  const keys = await r.keys(pattern);
  if (keys.length) await r.del(...keys);
  r.disconnect();
}

/**
 * A Redis server of the test's own (no persistence, on a free port) that the test can kill and
 * start again mid-run: the restarted server has lost every key, as a Redis without persistence
 * would. `stop` belongs in the test's clean-ups.
 */
export async function throwAwayRedis(): Promise<{
  url: string;
  restart(): Promise<void>;
  stop(): void;
}> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'beian-redis-'));
  const start = (): ChildProcess =>
    spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dir], {
      stdio: 'ignore',
    });
  let server = start();
  const url = `redis://127.0.0.1:${port}`;
  await until(async () => {
    const r = new Redis(url, { lazyConnect: true, retryStrategy: () => null });
    r.on('error', () => undefined);
    const ok = await r.connect().then(
      () => true,
      () => false,
    );
    r.disconnect();
    return ok;
  });
  return {
    url,
    async restart() {
      server.kill('SIGKILL');
      await new Promise((r) => setTimeout(r, 500));
      server = start();
    },
    stop: () => server.kill('SIGKILL'),
  };
}
