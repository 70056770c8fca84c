import { describe, expect, it } from 'vitest';
import { Policy } from './policy.js';
import { TargetError } from './types.js';

const fast = { timeoutMs: 1000, baseDelayMs: 1, maxDelayMs: 5 };

describe('Policy', () => {
  it('retries 5xx and network failures, then succeeds', async () => {
    const p = new Policy({ concurrency: 2, retries: 3, ...fast });
    let n = 0;
    const r = await p.run(async () => {
      n += 1;
      if (n < 3) throw new TargetError(n === 1 ? 'server' : 'network', 'x');
      return 'ok';
    });
    expect(r).toEqual({ value: 'ok', attempts: 3 });
  });

  it('does not retry client errors and reports the attempts', async () => {
    const p = new Policy({ concurrency: 1, retries: 5, ...fast });
    let n = 0;
    const e = await p
      .run(async () => {
        n += 1;
        throw new TargetError('client', 'HTTP 400');
      })
      .catch((x: unknown) => x as TargetError & { attempts: number });
    expect(n).toBe(1);
    expect(e.attempts).toBe(1);
  });

  it('gives up after the configured retries', async () => {
    const p = new Policy({ concurrency: 1, retries: 2, ...fast });
    let n = 0;
    await expect(
      p.run(async () => {
        n += 1;
        throw new TargetError('server', 'HTTP 500');
      }),
    ).rejects.toThrow('HTTP 500');
    expect(n).toBe(3);
  });

  it('never exceeds the concurrency limit', async () => {
    const p = new Policy({ concurrency: 3, retries: 0, ...fast });
    let active = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        p.run(async () => {
          active += 1;
          peak = Math.max(peak, active);
          await new Promise((r) => setTimeout(r, 5));
          active -= 1;
        }),
      ),
    );
    expect(peak).toBe(3);
  });

  it('honours Retry-After, halves concurrency on 429 and pauses everyone', async () => {
    const sleeps: number[] = [];
    let clock = 0;
    const p = new Policy({
      concurrency: 8,
      retries: 2,
      ...fast,
      now: () => clock,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
    });
    let n = 0;
    await p.run(async () => {
      n += 1;
      if (n === 1) throw new TargetError('rate-limit', '429', { retryAfterMs: 1500 });
      return 1;
    });
    expect(sleeps).toContain(1500);
    expect(p.stats.limit).toBe(4);
    expect(p.stats.rateLimited).toBe(1);
  });

  it('paces request starts to the RPM limit', async () => {
    const starts: number[] = [];
    const p = new Policy({ concurrency: 10, rpm: 3000, retries: 0, ...fast });
    await Promise.all(Array.from({ length: 5 }, () => p.run(async () => void starts.push(Date.now()))));
    // 3000/min = one start every 20 ms
    expect(Math.max(...starts) - Math.min(...starts)).toBeGreaterThanOrEqual(75);
  });

  it('turns a timeout into a retryable timeout error', async () => {
    const p = new Policy({ concurrency: 1, retries: 1, timeoutMs: 20, baseDelayMs: 1, maxDelayMs: 2 });
    let n = 0;
    const e = (await p
      .run(
        (signal) =>
          new Promise((_r, reject) => {
            n += 1;
            signal.addEventListener('abort', () => reject(signal.reason));
          }),
      )
      .catch((x: unknown) => x)) as TargetError;
    expect(e.kind).toBe('timeout');
    expect(n).toBe(2);
  });
});
