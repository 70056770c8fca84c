/**
 * Where a target's start rate and pauses are enforced. The policy (policy.ts) asks its gate before
 * every attempt; the default gate lives in this process, a shared one (queue/rate-gate.ts, Redis)
 * makes the same limits hold for every worker on every machine together.
 */
export interface RateGate {
  /** a concurrency slot on top of the policy's own (adaptive, per process) one; resolves to its release */
  acquire(): Promise<() => Promise<void>>;
  /** resolves when a request may start: after any pause, at the next free RPM slot */
  pace(): Promise<void>;
  /** no request starts before `ms` from now (a 429's Retry-After) */
  pause(ms: number): Promise<void>;
}

/** The start-slot book shared by the local gate and (in Lua) the Redis one. */
export interface SlotState {
  /** earliest time the next reservation may start (ms) */
  next: number;
  /** nothing starts before this time (ms) */
  pauseUntil: number;
}

export type Reservation =
  /** a slot is booked: start after `waitMs` */
  | { reserved: true; waitMs: number; state: SlotState }
  /** paused: ask again after `waitMs` (no slot is booked during a pause) */
  | { reserved: false; waitMs: number; state: SlotState };

/**
 * Books the next start slot: slots are `intervalMs` apart (60 000 / rpm) whoever asks, so in any
 * window of W ms at most ⌊W / interval⌋ + 1 requests start. `intervalMs` 0 means no RPM limit.
 * Pure: the Redis gate runs the same arithmetic atomically in a Lua script.
 */
export function reserveSlot(state: SlotState, now: number, intervalMs: number): Reservation {
  if (state.pauseUntil > now) return { reserved: false, waitMs: state.pauseUntil - now, state };
  if (intervalMs <= 0) return { reserved: true, waitMs: 0, state };
  const slot = Math.max(now, state.next);
  return { reserved: true, waitMs: slot - now, state: { ...state, next: slot + intervalMs } };
}

/** A pause only ever extends: a shorter Retry-After never cuts a longer one short. */
export function extendPause(state: SlotState, now: number, ms: number): SlotState {
  const until = now + Math.max(0, ms);
  return until > state.pauseUntil ? { ...state, pauseUntil: until } : state;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const noRelease = async () => {};

/** The in-process gate: RPM spacing and pauses for this process's requests only. */
export class LocalGate implements RateGate {
  private state: SlotState = { next: 0, pauseUntil: 0 };
  private readonly interval: number;

  constructor(
    rpm: number | undefined,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = defaultSleep,
  ) {
    this.interval = rpm ? 60_000 / rpm : 0;
  }

  async acquire(): Promise<() => Promise<void>> {
    return noRelease;
  }

  async pace(): Promise<void> {
    for (;;) {
      const r = reserveSlot(this.state, this.now(), this.interval);
      this.state = r.state;
      if (r.reserved && r.waitMs === 0) return;
      await this.sleep(r.waitMs);
      // a pause that began while this request waited for its slot holds it back too
      if (r.reserved && this.state.pauseUntil <= this.now()) return;
    }
  }

  async pause(ms: number): Promise<void> {
    this.state = extendPause(this.state, this.now(), ms);
  }
}
