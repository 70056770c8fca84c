import { LocalGate, type RateGate } from './gate.js';
import { TargetError } from './types.js';

export interface PolicyOptions {
  /** most requests in flight */
  concurrency: number;
  /** most request starts per minute (undefined = unlimited) */
  rpm?: number;
  /** per attempt */
  timeoutMs: number;
  /** extra attempts after the first, on retryable failures */
  retries: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /**
   * where RPM spacing, pauses and the hard concurrency cap are enforced; default: this process
   * only (a LocalGate). A shared gate makes them hold for every worker together.
   */
  gate?: RateGate;
}

export interface Attempted<T> {
  value: T;
  attempts: number;
}

export interface PolicyStats {
  attempts: number;
  retries: number;
  rateLimited: number;
  /** current adaptive concurrency (shrinks on 429, grows back on success) */
  limit: number;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * The shared resilience layer every target goes through: a concurrency limit that halves on 429
 * and grows back one step per window of successes (AIMD), a requests-per-minute pacer, a global
 * pause honouring Retry-After, a timeout per attempt, and retries with full jitter on 5xx,
 * network errors, timeouts and malformed bodies. Client errors (4xx) are not retried.
 */
export class Policy {
  private readonly o: Required<Omit<PolicyOptions, 'rpm' | 'gate'>> & { rpm?: number };
  private readonly gate: RateGate;
  private limit: number;
  private active = 0;
  private readonly waiters: (() => void)[] = [];
  private successesSinceGrow = 0;
  private succeeded = false;
  readonly stats: PolicyStats;

  constructor(options: PolicyOptions) {
    this.o = {
      baseDelayMs: 500,
      maxDelayMs: 30_000,
      random: Math.random,
      sleep: defaultSleep,
      now: Date.now,
      ...options,
    };
    this.gate = options.gate ?? new LocalGate(options.rpm, this.o.now, this.o.sleep);
    this.limit = Math.max(1, options.concurrency);
    this.stats = { attempts: 0, retries: 0, rateLimited: 0, limit: this.limit };
  }

  private async acquire(): Promise<void> {
    while (this.active >= this.limit) await new Promise<void>((r) => this.waiters.push(r));
    this.active += 1;
  }

  private release(): void {
    this.active -= 1;
    if (this.active < this.limit) this.waiters.shift()?.();
  }

  private backoff(attempt: number, err: TargetError): number {
    // the server's Retry-After wins (capped at 5 minutes); otherwise exponential back-off, half jitter
    if (err.retryAfterMs !== undefined) return Math.min(300_000, err.retryAfterMs);
    const exp = Math.min(this.o.maxDelayMs, this.o.baseDelayMs * 2 ** (attempt - 1));
    return exp / 2 + this.o.random() * (exp / 2);
  }

  /** Runs `fn` under the policy; throws the last TargetError when attempts are exhausted. */
  async run<T>(fn: (signal: AbortSignal) => Promise<T>): Promise<Attempted<T>> {
    let attempt = 0;
    for (;;) {
      attempt += 1;
      await this.acquire();
      let failure: TargetError;
      let releaseShared: (() => Promise<void>) | undefined;
      try {
        releaseShared = await this.gate.acquire();
        await this.gate.pace();
        this.stats.attempts += 1;
        // a plain controller and timer: AbortSignal.timeout() makes a transferable signal with a
        // GC-tracked timer, measurably slower at thousands of requests a second
        const ac = new AbortController();
        const timer = setTimeout(
          () => ac.abort(new DOMException(`no answer within ${this.o.timeoutMs} ms`, 'TimeoutError')),
          this.o.timeoutMs,
        );
        let value: T;
        try {
          value = await fn(ac.signal);
        } finally {
          clearTimeout(timer);
        }
        this.onSuccess();
        return { value, attempts: attempt };
      } catch (e) {
        failure =
          e instanceof TargetError
            ? e
            : (e as Error)?.name === 'TimeoutError'
              ? new TargetError('timeout', `no answer within ${this.o.timeoutMs} ms`, { cause: e })
              : new TargetError('network', (e as Error)?.message ?? String(e), { cause: e });
      } finally {
        await releaseShared?.().catch(() => {});
        this.release();
      }
      if (failure.kind === 'rate-limit') await this.onRateLimited(failure);
      // an endpoint that never answered and refuses connections is down, not busy: one quick retry
      // (a server still starting), not minutes of back-off per request
      const unreachable = failure.kind === 'unreachable' && !this.succeeded;
      const retries = unreachable ? Math.min(1, this.o.retries) : this.o.retries;
      if (!failure.retryable || attempt > retries) throw Object.assign(failure, { attempts: attempt });
      this.stats.retries += 1;
      await this.o.sleep(unreachable ? Math.min(250, this.o.baseDelayMs) : this.backoff(attempt, failure));
    }
  }

  private onSuccess(): void {
    this.succeeded = true;
    if (this.limit >= this.o.concurrency) return;
    this.successesSinceGrow += 1;
    if (this.successesSinceGrow >= this.limit) {
      this.successesSinceGrow = 0;
      this.limit += 1;
      this.stats.limit = this.limit;
      this.waiters.shift()?.();
    }
  }

  private async onRateLimited(err: TargetError): Promise<void> {
    this.stats.rateLimited += 1;
    this.limit = Math.max(1, Math.floor(this.limit / 2));
    this.stats.limit = this.limit;
    this.successesSinceGrow = 0;
    // capped as the back-off is: a hostile or broken Retry-After cannot stall every worker for days
    await this.gate.pause(Math.min(300_000, err.retryAfterMs ?? this.o.baseDelayMs));
  }
}

/** The attempt count a failed run() attached to its error. */
export const attemptsOf = (e: unknown): number => (e as { attempts?: number })?.attempts ?? 1;
