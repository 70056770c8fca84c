/**
 * The abusive-user rule of TC260-003 §8 (STANDARD.md §4 row 13): a user who sends N consecutive
 * illegal or inducing inputs, or M in one day, is suspended. The thresholds come from the KB;
 * the counter is a value its caller holds (one per guard), keyed by a hashed user id.
 */
export interface AbuseRule {
  consecutive: number;
  perDay: number;
  /** how long a suspension lasts, ms */
  suspendMs: number;
  /** offset of the counting day from UTC, minutes (China: +480) */
  dayOffsetMinutes: number;
}

interface UserState {
  consecutive: number;
  day: number;
  today: number;
  suspendedUntil: number;
}

export interface AbuseVerdict {
  suspended: boolean;
  /** true when this input is the one that triggered the suspension */
  justSuspended: boolean;
  until?: Date;
  reason?: 'consecutive' | 'per-day';
}

export interface AbuseCounter {
  /** Is the user suspended now (without counting anything)? */
  check(user: string, now: Date): AbuseVerdict;
  /** Counts one input (violating or clean) and returns the verdict after it. */
  record(user: string, violating: boolean, now: Date): AbuseVerdict;
  /** Users suspended at `now`, with the end of their suspension. */
  suspended(now: Date): Array<{ user: string; until: Date }>;
}

/** At most this many users are tracked; the oldest clean ones are forgotten first (bounded memory). */
const MAX_USERS = 100_000;

export function createAbuseCounter(rule: AbuseRule): AbuseCounter {
  const users = new Map<string, UserState>();
  const dayOf = (now: Date) => Math.floor((now.getTime() + rule.dayOffsetMinutes * 60_000) / 86_400_000);
  const verdict = (
    s: UserState | undefined,
    now: Date,
    just = false,
    reason?: AbuseVerdict['reason'],
  ): AbuseVerdict =>
    s && s.suspendedUntil > now.getTime()
      ? {
          suspended: true,
          justSuspended: just,
          until: new Date(s.suspendedUntil),
          ...(reason ? { reason } : {}),
        }
      : { suspended: false, justSuspended: false };
  const evict = () => {
    for (const [k, s] of users) {
      if (users.size < MAX_USERS) return;
      if (s.consecutive === 0 && s.suspendedUntil === 0) users.delete(k);
    }
    if (users.size >= MAX_USERS) users.delete(users.keys().next().value as string);
  };
  return {
    check: (user, now) => verdict(users.get(user), now),
    record(user, violating, now) {
      let s = users.get(user);
      const day = dayOf(now);
      if (!s) {
        if (!violating) return { suspended: false, justSuspended: false };
        evict();
        s = { consecutive: 0, day, today: 0, suspendedUntil: 0 };
        users.set(user, s);
      }
      if (s.day !== day) {
        s.day = day;
        s.today = 0;
      }
      if (s.suspendedUntil > now.getTime()) return verdict(s, now);
      if (!violating) {
        s.consecutive = 0;
        return verdict(s, now);
      }
      s.consecutive += 1;
      s.today += 1;
      const reason =
        s.consecutive >= rule.consecutive ? 'consecutive' : s.today >= rule.perDay ? 'per-day' : undefined;
      if (!reason) return verdict(s, now);
      s.suspendedUntil = now.getTime() + rule.suspendMs;
      s.consecutive = 0;
      return verdict(s, now, true, reason);
    },
    suspended(now) {
      const out: Array<{ user: string; until: Date }> = [];
      for (const [user, s] of users)
        if (s.suspendedUntil > now.getTime()) out.push({ user, until: new Date(s.suspendedUntil) });
      return out;
    },
  };
}
