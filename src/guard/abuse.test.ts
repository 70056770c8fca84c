import { describe, expect, it } from 'vitest';
import { createAbuseCounter } from './abuse.js';

const rule = { consecutive: 3, perDay: 5, suspendMs: 3_600_000, dayOffsetMinutes: 480 };
const at = (iso: string) => new Date(iso);

describe('abusive-user counter', () => {
  it('suspends after 3 consecutive violations; a clean input resets the run', () => {
    const c = createAbuseCounter(rule);
    c.record('u', true, at('2026-01-01T01:00:00Z'));
    c.record('u', true, at('2026-01-01T01:01:00Z'));
    expect(c.record('u', false, at('2026-01-01T01:02:00Z')).suspended).toBe(false);
    c.record('u', true, at('2026-01-01T01:03:00Z'));
    c.record('u', true, at('2026-01-01T01:04:00Z'));
    const v = c.record('u', true, at('2026-01-01T01:05:00Z'));
    expect(v).toMatchObject({ suspended: true, justSuspended: true, reason: 'consecutive' });
    expect(c.check('u', at('2026-01-01T01:30:00Z')).suspended).toBe(true);
    expect(c.check('u', at('2026-01-01T02:06:00Z')).suspended).toBe(false);
    expect(c.check('other', at('2026-01-01T01:30:00Z')).suspended).toBe(false);
  });

  it('suspends at 5 violations in one China day, not across days', () => {
    const c = createAbuseCounter(rule);
    const alt = (h: number, bad: boolean) =>
      c.record('u', bad, at(`2026-01-01T${String(h).padStart(2, '0')}:00:00Z`));
    for (let h = 0; h < 4; h++) {
      alt(h * 2, true);
      alt(h * 2 + 1, false);
    }
    expect(alt(10, true)).toMatchObject({ suspended: true, reason: 'per-day' });
    const d = createAbuseCounter(rule);
    // 15:00Z is 23:00 in China; 17:00Z is the next China day.
    for (const [t, bad] of [
      ['14:00', true],
      ['14:10', false],
      ['14:20', true],
      ['14:30', false],
      ['15:00', true],
      ['15:10', false],
      ['15:20', true],
      ['15:30', false],
    ] as const)
      d.record('u', bad, at(`2026-01-01T${t}:00Z`));
    expect(d.record('u', true, at('2026-01-01T17:00:00Z')).suspended).toBe(false);
  });
});
