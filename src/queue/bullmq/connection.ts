import { Redis } from 'ioredis';
import { BeianError } from '../../errors.js';

/**
 * The Redis connection of a worker or a submitter. BullMQ requires `maxRetriesPerRequest: null`
 * for its blocking commands; ioredis then reconnects forever with this back-off, so a Redis
 * restart mid-run pauses the work instead of failing it.
 */
export function connect(url: string): Redis {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw BeianError.of('USAGE', 'queue.badRedisUrl', { url });
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:')
    throw BeianError.of('USAGE', 'queue.badRedisUrl', { url });
  return new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    lazyConnect: true,
    retryStrategy: (times) => Math.min(200 * times, 2000),
  });
}

/** Connects now, or fails with an environment error (exit 3) when Redis is not there. */
export async function connectReady(url: string, timeoutMs = 5000): Promise<Redis> {
  const redis = connect(url);
  const safe = redactUrl(url);
  redis.on('error', () => {
    // reported through the promise below and by the reconnect loop; an unhandled 'error' would crash
  });
  const timer = new Promise<never>((_, reject) =>
    setTimeout(
      () => reject(BeianError.of('ENVIRONMENT', 'queue.redisDown', { url: safe })),
      timeoutMs,
    ).unref(),
  );
  try {
    await Promise.race([redis.connect(), timer]);
    await Promise.race([redis.ping(), timer]);
  } catch (e) {
    redis.disconnect();
    if (e instanceof BeianError) throw e;
    throw BeianError.of('ENVIRONMENT', 'queue.redisDown', { url: safe }, { cause: e });
  }
  return redis;
}

/** The URL without its password, for messages and the health endpoint. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(invalid url)';
  }
}
