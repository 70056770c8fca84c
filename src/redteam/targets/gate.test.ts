import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extendPause, LocalGate, reserveSlot, type SlotState } from './gate.js';

/** Asks for slots at the given (sorted) times; returns when each booked request starts. */
function starts(asks: number[], interval: number, pauses: [number, number][] = []): number[] {
  let state: SlotState = { next: 0, pauseUntil: 0 };
  const out: number[] = [];
  const queue = asks.map((t) => ({ t }));
  let i = 0;
  while (i < queue.length) {
    const ask = queue[i]!;
    for (const [at, ms] of pauses) if (at <= ask.t) state = extendPause(state, at, ms);
    const r = reserveSlot(state, ask.t, interval);
    state = r.state;
    expect(r.waitMs).toBeGreaterThanOrEqual(0);
    if (r.reserved) {
      out.push(ask.t + r.waitMs);
      i += 1;
    } else ask.t += r.waitMs;
  }
  return out;
}

const times = fc
  .array(fc.integer({ min: 0, max: 120_000 }), { minLength: 1, maxLength: 150 })
  .map((a) => a.sort((x, y) => x - y));
const rpm = fc.integer({ min: 1, max: 6000 });

describe('reserveSlot', () => {
  it('keeps any window of W ms to at most ⌊W / interval⌋ + 1 starts, whoever asks when', () => {
    fc.assert(
      fc.property(times, rpm, fc.integer({ min: 1, max: 60_000 }), (asks, r, w) => {
        const interval = 60_000 / r;
        const s = starts(asks, interval).sort((a, b) => a - b);
        for (let i = 0; i < s.length; i++) {
          let j = i;
          while (j + 1 < s.length && s[j + 1]! - s[i]! < w) j++;
          expect(j - i + 1).toBeLessThanOrEqual(Math.floor(w / interval) + 1);
        }
      }),
    );
  });

  it('starts each request as early as the spacing allows (no slot is wasted while requests wait)', () => {
    fc.assert(
      fc.property(times, rpm, (asks, r) => {
        const interval = 60_000 / r;
        const s = starts(asks, interval);
        s.forEach((t, k) => {
          expect(t).toBeCloseTo(k === 0 ? asks[0]! : Math.max(asks[k]!, s[k - 1]! + interval), 6);
        });
      }),
    );
  });

  it('starts nothing during a pause, and a pause only ever extends', () => {
    fc.assert(
      fc.property(
        times,
        fc.option(rpm, { nil: undefined }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 120_000 }), fc.integer({ min: 0, max: 30_000 })), {
          maxLength: 5,
        }),
        (asks, r, pauses) => {
          const s = starts(asks, r ? 60_000 / r : 0, pauses);
          // every start requested at or after a pause began is at or after its end
          s.forEach((t, k) => {
            for (const [at, ms] of pauses)
              if (asks[k]! >= at && t >= at) expect(t >= at + ms || t < at).toBe(true);
          });
          let st: SlotState = { next: 0, pauseUntil: 0 };
          for (const [at, ms] of pauses) {
            const before = st.pauseUntil;
            st = extendPause(st, at, ms);
            expect(st.pauseUntil).toBeGreaterThanOrEqual(before);
          }
        },
      ),
    );
  });

  it('with no RPM limit, starts at once unless paused', () => {
    expect(reserveSlot({ next: 99, pauseUntil: 0 }, 5, 0)).toMatchObject({ reserved: true, waitMs: 0 });
    expect(reserveSlot({ next: 0, pauseUntil: 50 }, 5, 0)).toMatchObject({ reserved: false, waitMs: 45 });
  });
});

describe('LocalGate', () => {
  it('spaces starts on a fake clock and honours a pause', async () => {
    let now = 0;
    const gate = new LocalGate(
      600,
      () => now,
      async (ms) => {
        now += ms;
      },
    );
    const at: number[] = [];
    for (let i = 0; i < 3; i++) {
      await gate.pace();
      at.push(now);
    }
    expect(at).toEqual([0, 100, 200]);
    await gate.pause(1000);
    await gate.pace();
    expect(now).toBeGreaterThanOrEqual(1200);
  });
});

describe('LocalGate and a pause that begins while a request waits for its slot', () => {
  it('holds the waiting request until the pause ends', async () => {
    let now = 0;
    const gate = new LocalGate(
      60,
      () => now,
      async (ms) => {
        now += ms;
        // a 429 arrives elsewhere while this request sleeps towards its slot
        if (now === 1000) await gate.pause(5000);
      },
    );
    await gate.pace(); // slot at 0
    await gate.pace(); // slot at 1000, but paused at 1000 until 6000
    expect(now).toBeGreaterThanOrEqual(6000);
  });
});
