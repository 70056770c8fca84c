import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { redisGate } from './rate-gate.js';

const url = process.env.BEIAN_TEST_REDIS_URL;
const prefix = `beian-fleet-${randomUUID().slice(0, 8)}`;
const conns: Redis[] = [];
const conn = () => {
  const r = new Redis(url as string, { lazyConnect: false, maxRetriesPerRequest: 2 });
  conns.push(r);
  return r;
};

afterAll(async () => {
  if (!url) return;
  const r = conns[0] ?? conn();
  const keys = await r.keys(`${prefix}:*`);
  if (keys.length) await r.del(...keys);
  await Promise.all(conns.map((c) => c.quit()));
});

describe.skipIf(!url)('redisGate (real Redis; set BEIAN_TEST_REDIS_URL to run)', () => {
  it('spaces starts across separate connections as one schedule', async () => {
    const rpm = 1200; // one start every 50 ms, whoever asks
    const gates = [conn(), conn(), conn()].map((r) =>
      redisGate(r, { prefix, targetId: 'spacing', rpm, concurrency: 100, leaseMs: 5000 }),
    );
    const starts: number[] = [];
    await Promise.all(
      gates.flatMap((g) =>
        Array.from({ length: 4 }, async () => {
          for (let i = 0; i < 4; i++) {
            await g.pace();
            starts.push(Date.now());
          }
        }),
      ),
    );
    starts.sort((a, b) => a - b);
    // 48 starts at 50 ms apart take ≥ 47 intervals (a late timer only makes it slower; separate
    // gates each pacing alone would take a third of that)
    expect(starts.length).toBe(48);
    expect(starts.at(-1)! - starts[0]!).toBeGreaterThanOrEqual(47 * 50 - 30);
  });

  it('a pause set through one connection holds every other one back', async () => {
    const a = redisGate(conn(), { prefix, targetId: 'pause', concurrency: 10, leaseMs: 5000 });
    const b = redisGate(conn(), { prefix, targetId: 'pause', concurrency: 10, leaseMs: 5000 });
    await b.pace();
    await a.pause(400);
    const t0 = Date.now();
    await b.pace();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(380);
    // a shorter pause never cuts the running one short
    await a.pause(300);
    await a.pause(50);
    const t1 = Date.now();
    await b.pace();
    expect(Date.now() - t1).toBeGreaterThanOrEqual(280);
  });

  it('caps requests in flight across connections, and a dead holder frees its slot at lease end', async () => {
    const gates = [conn(), conn(), conn()].map((r) =>
      redisGate(r, { prefix, targetId: 'slots', concurrency: 2, leaseMs: 300 }),
    );
    let active = 0;
    let peak = 0;
    await Promise.all(
      gates.flatMap((g) =>
        Array.from({ length: 3 }, async () => {
          const release = await g.acquire();
          active += 1;
          peak = Math.max(peak, active);
          await new Promise((r) => setTimeout(r, 30));
          active -= 1;
          await release();
        }),
      ),
    );
    expect(peak).toBe(2);
    // two holders that never release (killed workers): the next taker waits for their leases
    await gates[0]!.acquire();
    await gates[1]!.acquire();
    const t0 = Date.now();
    const release = await gates[2]!.acquire();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(200);
    await release();
  });
});
