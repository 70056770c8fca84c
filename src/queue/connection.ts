import { Redis } from 'ioredis';
import { BeianError } from '../errors.js';

/** The queue all beian jobs share; a job's name is its kind (`redteam-batch` …). */
export const QUEUE_NAME = 'beian';
const DEFAULT_PREFIX = 'beian';

export interface QueueAddress {
  /** the Redis URL without beian's own parameters */
  url: string;
  /** key prefix: several deployments (or test runs) can share one Redis */
  prefix: string;
}

/**
 * `redis://[user:pass@]host:port[/db][?prefix=NAME]` (or rediss:// for TLS). The prefix namespaces
 * every key beian and BullMQ write, so tests and teams never see each other's jobs.
 */
export function parseQueueUrl(raw: string): QueueAddress {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw BeianError.of('USAGE', 'queue.badUrl', { url: raw });
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:')
    throw BeianError.of('USAGE', 'queue.badUrl', { url: raw });
  const prefix = u.searchParams.get('prefix') ?? DEFAULT_PREFIX;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(prefix))
    throw BeianError.of('USAGE', 'queue.badUrl', { url: raw });
  u.searchParams.delete('prefix');
  return { url: u.toString(), prefix };
}

/**
 * A connection as BullMQ wants it (no per-command retry limit: a worker waits out a Redis restart
 * and reconnects instead of failing its job).
 */
export function connectRedis(address: QueueAddress): Redis {
  return new Redis(address.url, { maxRetriesPerRequest: null, enableReadyCheck: true });
}

/** Fails fast (exit 3) when nothing answers at the address, instead of hanging on reconnects. */
export async function pingRedis(address: QueueAddress, timeoutMs = 5_000): Promise<void> {
  const r = new Redis(address.url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    retryStrategy: () => null,
  });
  try {
    await r.connect();
    await r.ping();
  } catch (e) {
    throw BeianError.of('ENVIRONMENT', 'queue.unreachable', {
      url: redactUrl(address.url),
      message: (e as Error).message,
    });
  } finally {
    r.disconnect();
  }
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}
