import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { RateGate } from '../../redteam/targets/gate.js';

/**
 * The start-slot book of redteam/targets/gate.ts `reserveSlot`, run atomically in Redis on Redis's
 * own clock (TIME), so workers on machines whose clocks disagree still share one schedule.
 * KEYS: next, pause. ARGV: interval ms (0 = no RPM limit). Returns {reserved 0|1, wait ms}.
 */
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local pause = tonumber(redis.call('GET', KEYS[2]) or '0')
if pause > now then return {0, pause - now} end
local interval = tonumber(ARGV[1])
if interval <= 0 then return {1, 0} end
local nxt = tonumber(redis.call('GET', KEYS[1]) or '0')
local slot = math.max(now, nxt)
redis.call('SET', KEYS[1], tostring(slot + interval), 'PX', math.ceil(slot + interval - now) + 60000)
return {1, math.ceil(slot - now)}
`;

/** What is left of a pause (ms, 0 = none). KEYS: pause. */
const PAUSE_LEFT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local pause = tonumber(redis.call('GET', KEYS[1]) or '0')
return math.max(0, pause - now)
`;

/** `extendPause`: KEYS: pause. ARGV: ms. The key expires with the pause, so nothing needs clearing. */
const PAUSE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local untilMs = now + tonumber(ARGV[1])
local cur = tonumber(redis.call('GET', KEYS[1]) or '0')
if untilMs > cur then redis.call('SET', KEYS[1], tostring(untilMs), 'PX', math.max(1, tonumber(ARGV[1]))) end
return untilMs
`;

/**
 * A counting semaphore whose holders lease their slot: a worker killed mid-request frees it when
 * the lease ends, so a crash never shrinks the target's concurrency for good.
 * KEYS: slots (sorted set holder → lease end). ARGV: holder, limit, lease ms. Returns 1 if taken.
 */
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]) * 2)
  return 1
end
return 0
`;

export interface RedisGateOptions {
  /** key prefix of this deployment (several may share one Redis) */
  prefix: string;
  /** the target's id: every worker naming the same target shares its limits */
  targetId: string;
  rpm?: number;
  /** requests in flight across all workers */
  concurrency: number;
  /** how long a slot is held at most: the request timeout plus a margin */
  leaseMs: number;
  sleep?: (ms: number) => Promise<void>;
}

type Scripted = Redis & {
  beianReserve(next: string, pause: string, interval: number): Promise<[number, number]>;
  beianPause(pause: string, ms: number): Promise<number>;
  beianPauseLeft(pause: string): Promise<number>;
  beianAcquire(slots: string, holder: string, limit: number, leaseMs: number): Promise<number>;
};

/** Registers the scripts once per connection (EVALSHA with a fallback to EVAL, by ioredis). */
function scripted(redis: Redis): Scripted {
  const r = redis as Scripted;
  if (typeof r.beianReserve !== 'function') {
    redis.defineCommand('beianReserve', { numberOfKeys: 2, lua: RESERVE });
    redis.defineCommand('beianPause', { numberOfKeys: 1, lua: PAUSE });
    redis.defineCommand('beianPauseLeft', { numberOfKeys: 1, lua: PAUSE_LEFT });
    redis.defineCommand('beianAcquire', { numberOfKeys: 1, lua: ACQUIRE });
  }
  return r;
}

/** The Redis keys of one target's limits. */
export function gateKeys(prefix: string, targetId: string) {
  // one hash tag per target: the three keys land in the same cluster slot, as a script requires
  const base = `${prefix}:gate:{${targetId}}`;
  return { next: `${base}:next`, pause: `${base}:pause`, slots: `${base}:slots` };
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * RPM, concurrency and 429 pauses of one target shared by every worker through Redis. Chosen over
 * BullMQ's queue limiter because that one counts jobs, and a job here is a batch of cases whose
 * requests (retries, multi-turn conversations, attacks) are what the endpoint limits.
 */
export function redisGate(redis: Redis, o: RedisGateOptions): RateGate {
  const r = scripted(redis);
  const k = gateKeys(o.prefix, o.targetId);
  const interval = o.rpm ? 60_000 / o.rpm : 0;
  const sleep = o.sleep ?? defaultSleep;
  return {
    async acquire() {
      const holder = randomUUID();
      // a full semaphore is polled; the back-off stays short so a freed slot is taken quickly
      for (let wait = 5; ; wait = Math.min(100, wait * 2)) {
        if ((await r.beianAcquire(k.slots, holder, o.concurrency, o.leaseMs)) === 1) break;
        await sleep(wait);
      }
      return async () => {
        await r.zrem(k.slots, holder);
      };
    },
    async pace() {
      for (;;) {
        const [reserved, waitMs] = await r.beianReserve(k.next, k.pause, interval);
        if (reserved === 1 && waitMs === 0) return;
        await sleep(waitMs);
        // a pause that began while this request waited for its slot (a 429 elsewhere) holds it too
        if (reserved === 1 && (await r.beianPauseLeft(k.pause)) === 0) return;
      }
    },
    async pause(ms) {
      await r.beianPause(k.pause, Math.ceil(ms));
    },
  };
}
