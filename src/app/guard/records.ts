import { createHash } from 'node:crypto';
import type { Interception } from '../../guard/guard.js';
import {
  createDetectors,
  DEFAULT_POLICY,
  loadPiiDictionaries,
  redactText,
  scanText,
} from '../../pii/index.js';
import type { Store } from '../../store/index.js';
import {
  type InterceptionRecord,
  interceptionCounts,
  listInterceptions,
  purgeInterceptions,
  saveInterceptions,
} from '../../store/repos/guard.js';

/** A user id as stored: salted SHA-256, 16 hex digits. The salt keeps ids from being guessed back. */
export const hashUser = (user: string, salt: string): string =>
  createHash('sha256').update(salt).update('\0').update(user).digest('hex').slice(0, 16);

// API keys and tokens users paste into prompts: provider-style keys (sk-…), and any long opaque run.
const SECRET = /\b(?:sk|pk|rk|ak|api|key|token)[-_][A-Za-z0-9_-]{8,}|[A-Za-z0-9+/_=-]{32,}/gi;

/** Replaces key-like strings with [KEY]: records keep no credential, whoever sent it. */
export const maskSecrets = (text: string): string => text.replace(SECRET, '[KEY]');

export interface Recorder {
  record(i: Interception): void;
  /** Writes what is queued (also runs on a timer). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Queues interceptions and writes them in batches, off the request path: the excerpt's personal
 * information masked with the PII detectors, the user hashed. Bounded: past `maxQueue` rows the
 * oldest queued are counted as dropped rather than growing memory.
 */
export function createRecorder(
  store: Store,
  o: {
    salt: string;
    retentionDays: number;
    clock: () => Date;
    intervalMs?: number;
    maxQueue?: number;
    onError?: (e: unknown) => void;
  },
): Recorder & { dropped: () => number } {
  const detectors = createDetectors(loadPiiDictionaries());
  const queue: InterceptionRecord[] = [];
  const max = o.maxQueue ?? 10_000;
  let dropped = 0;
  let writing: Promise<void> = Promise.resolve();
  const mask = (text: string) =>
    text === '' ? text : maskSecrets(redactText(text, scanText(text, detectors), { policy: DEFAULT_POLICY }));
  const flush = (): Promise<void> => {
    writing = writing.then(async () => {
      const rows = queue.splice(0, queue.length);
      try {
        await saveInterceptions(store, rows);
      } catch (e) {
        o.onError?.(e);
      }
    });
    return writing;
  };
  const purge = () =>
    purgeInterceptions(store, new Date(o.clock().getTime() - o.retentionDays * 86_400_000)).catch((e) =>
      o.onError?.(e),
    );
  void purge();
  const timer = setInterval(() => void flush(), o.intervalMs ?? 1000);
  const daily = setInterval(() => void purge(), 3_600_000);
  timer.unref();
  daily.unref();
  return {
    record(i) {
      if (queue.length >= max) {
        queue.shift();
        dropped += 1;
      }
      queue.push({
        at: i.at,
        direction: i.direction,
        risk: i.risk,
        keyword: i.keyword,
        keywordId: i.keywordId,
        action: i.action,
        userHash: i.user === undefined ? undefined : hashUser(i.user, o.salt),
        excerpt: mask(i.excerpt),
      });
    },
    flush,
    async close() {
      clearInterval(timer);
      clearInterval(daily);
      await flush();
    },
    dropped: () => dropped,
  };
}

export interface GuardSummary {
  since: string;
  total: number;
  byDay: Array<{ day: string; risk: string; n: number }>;
  byRisk: Array<{ risk: string; direction: string; action: string; n: number }>;
  topKeywords: Array<{ keyword: string; keywordId: string; risk: string; n: number }>;
  suspended: Array<{ userHash: string; at: string }>;
}

/** What the dashboard and the filing materials show: counts over the last `days`. */
export async function guardSummary(store: Store, now: Date, days = 30): Promise<GuardSummary> {
  const since = new Date(now.getTime() - days * 86_400_000);
  const counts = await interceptionCounts(store, since);
  const byDay = new Map<string, { day: string; risk: string; n: number }>();
  const byRisk = new Map<string, { risk: string; direction: string; action: string; n: number }>();
  let total = 0;
  for (const c of counts) {
    total += c.n;
    const d = byDay.get(`${c.day}|${c.risk}`) ?? { day: c.day, risk: c.risk, n: 0 };
    d.n += c.n;
    byDay.set(`${c.day}|${c.risk}`, d);
    const k = `${c.risk}|${c.direction}|${c.action}`;
    const r = byRisk.get(k) ?? { risk: c.risk, direction: c.direction, action: c.action, n: 0 };
    r.n += c.n;
    byRisk.set(k, r);
  }
  const recent = await listInterceptions(store, since, 5000);
  const kw = new Map<string, { keyword: string; keywordId: string; risk: string; n: number }>();
  const suspended: Array<{ userHash: string; at: string }> = [];
  for (const r of recent) {
    if (r.action === 'suspend' && r.userHash) suspended.push({ userHash: r.userHash, at: r.at });
    else {
      const e = kw.get(r.keywordId) ?? { keyword: r.keyword, keywordId: r.keywordId, risk: r.risk, n: 0 };
      e.n += 1;
      kw.set(r.keywordId, e);
    }
  }
  return {
    since: since.toISOString(),
    total,
    byDay: [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day) || a.risk.localeCompare(b.risk)),
    byRisk: [...byRisk.values()].sort((a, b) => b.n - a.n),
    topKeywords: [...kw.values()].sort((a, b) => b.n - a.n).slice(0, 20),
    suspended: suspended.slice(0, 50),
  };
}

/** The filing materials' view of the records (关键词拦截 / 违规用户处置): counts over `days`, none when empty. */
export async function guardEvidence(store: Store, now: Date, days = 180) {
  const s = await guardSummary(store, now, days);
  if (s.total === 0) return undefined;
  const sum = (f: (r: GuardSummary['byRisk'][number]) => boolean) =>
    s.byRisk.filter(f).reduce((a, r) => a + r.n, 0);
  return {
    since: s.since,
    total: s.total,
    byDirection: {
      input: sum((r) => r.direction === 'input' && r.action !== 'suspend'),
      output: sum((r) => r.direction === 'output'),
    },
    byAction: {
      block: sum((r) => r.action === 'block'),
      mask: sum((r) => r.action === 'mask'),
      flag: sum((r) => r.action === 'flag'),
    },
    suspended: sum((r) => r.action === 'suspend'),
  };
}
