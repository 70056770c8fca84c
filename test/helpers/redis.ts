import { Redis } from 'ioredis';

/** Deletes the keys matching `pattern` (a test's own prefix) on the shared Redis. */
export async function dropKeys(url: string, pattern: string): Promise<void> {
  const r = new Redis(url);
  const keys = await r.keys(pattern);
  if (keys.length) await r.del(...keys);
  r.disconnect();
}
