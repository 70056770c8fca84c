import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BeianError } from '../errors.js';
import { loadKb } from '../kb/index.js';
import { chainEntry, verifyChain } from './audit-chain.js';
import { addWorkingDays, buildCalendar } from './calendar.js';
import { chinaCalendar } from './cn-calendar.js';
import { computeDeadlines } from './deadlines.js';
import { validateFilingNumber } from './filing-number.js';
import { checkTransition, FILING_STATES, nextStates, stepFor } from './lifecycle.js';

const kb = loadKb();
const kind = (id: string) => kb.filingKinds.find((k) => k.id === id)!;

describe('calendar', () => {
  it('skips the 2026 National Day holiday and counts the adjusted Saturday working day', () => {
    // 2026-09-30 (Wed) + 1 working day: Oct 1–7 are holidays; the data's adjusted workdays count.
    expect(chinaCalendar.isWorkingDay('2026-10-01')).toBe(false);
    const r = addWorkingDays(chinaCalendar, '2026-09-30', 1);
    expect(r.approximate).toBe(false);
    expect(chinaCalendar.isWorkingDay(r.date)).toBe(true);
    expect(r.date > '2026-10-07' || chinaCalendar.isWorkingDay(r.date)).toBe(true);
  });

  it('ten working days after the demo launch (2026-10-12, Monday) is 2026-10-26', () => {
    expect(addWorkingDays(chinaCalendar, '2026-10-12', 10).date).toBe('2026-10-26');
  });

  it('marks periods outside the data years as approximate', () => {
    const last = chinaCalendar.years.last;
    expect(addWorkingDays(chinaCalendar, `${last + 1}-03-02`, 10).approximate).toBe(true);
  });

  it('property: the result is a working day strictly after the start, with exactly n working days in between', () => {
    const cal = buildCalendar({
      holidays: { '2026-05-01': 'x', '2026-05-04': 'x' },
      workdays: { '2026-05-09': 'x' },
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 30 }), (offset, n) => {
        const start = new Date(Date.UTC(2026, 3, 1 + offset)).toISOString().slice(0, 10);
        const { date } = addWorkingDays(cal, start, n);
        expect(date > start).toBe(true);
        expect(cal.isWorkingDay(date)).toBe(true);
        let count = 0;
        for (let d = new Date(`${start}T00:00:00Z`); ; ) {
          d.setUTCDate(d.getUTCDate() + 1);
          const iso = d.toISOString().slice(0, 10);
          if (cal.isWorkingDay(iso)) count++;
          if (iso === date) break;
        }
        expect(count).toBe(n);
      }),
    );
  });
});

describe('lifecycle', () => {
  it('refuses an invalid move with CONFLICT naming the allowed ones', () => {
    try {
      checkTransition({ kind: kind('algorithm-filing'), from: 'assessing', to: 'published', actor: 'a' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(BeianError);
      expect((e as BeianError).code).toBe('CONFLICT');
      expect((e as BeianError).message).toContain('preparing');
    }
  });

  it('offers expert review only to kinds whose KB steps include it', () => {
    expect(nextStates(kind('genai-filing'), 'submitted')).toContain('expert-review');
    expect(nextStates(kind('algorithm-filing'), 'submitted')).not.toContain('expert-review');
    expect(stepFor(kind('genai-filing'), 'expert-review')?.id).toBe('expert-review');
  });

  it('requires a valid number to become filed, and reasons for rejections', () => {
    const k = kind('algorithm-filing');
    expect(() => checkTransition({ kind: k, from: 'under-review', to: 'filed', actor: 'a' })).toThrow(
      /--number/,
    );
    expect(() =>
      checkTransition({ kind: k, from: 'under-review', to: 'filed', actor: 'a', filingNumber: 'ABC-1' }),
    ).toThrow(/not a algorithm-filing number/);
    expect(
      checkTransition({
        kind: k,
        from: 'under-review',
        to: 'filed',
        actor: 'a',
        filingNumber: `网信算备${'110108000000000000001'.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))}号`,
      }).filingNumber,
    ).toBe('网信算备110108000000000000001号');
    expect(() => checkTransition({ kind: k, from: 'under-review', to: 'rejected', actor: 'a' })).toThrow(
      /reason/,
    );
  });

  it('cancelled is terminal and every state is reachable from assessing in some kind', () => {
    expect(nextStates(kind('algorithm-filing'), 'cancelled')).toEqual([]);
    const seen = new Set<string>(['assessing']);
    const queue = ['assessing'] as (typeof FILING_STATES)[number][];
    while (queue.length) {
      const s = queue.shift()!;
      for (const n of nextStates(kind('genai-filing'), s)) {
        if (seen.has(n)) continue;
        seen.add(n);
        queue.push(n);
      }
    }
    expect([...seen].sort()).toEqual([...FILING_STATES].sort());
  });
});

describe('filing numbers', () => {
  it('accepts the KB examples and rejects swapped formats', () => {
    for (const k of kb.filingKinds) {
      if (k.numberFormat) expect(validateFilingNumber(k, k.numberFormat.example).ok).toBe(true);
    }
    expect(validateFilingNumber(kind('genai-filing'), '网信算备110108000000000000001号').ok).toBe(false);
    const ok = validateFilingNumber(kind('algorithm-filing'), '网信算备110108000000000000001号');
    expect(ok.ok && ok.reminder?.zh).toContain('显著位置');
  });
});

describe('deadlines', () => {
  it('launch, change and cancel deadlines from the KB, overdue against today', () => {
    const base = {
      serviceId: 's',
      serviceName: 'S',
      kind: 'algorithm-filing' as const,
      stateSince: '2026-11-02T08:00:00Z',
    };
    const due = computeDeadlines(
      [
        { ...base, id: 'a', state: 'preparing', launchDate: '2026-10-12' },
        { ...base, id: 'b', state: 'change-pending' },
        { ...base, id: 'c', state: 'published', serviceEndedOn: '2026-11-20' },
        { ...base, id: 'd', state: 'submitted', launchDate: '2026-10-12' },
        { ...base, id: 'e', kind: 'genai-filing', state: 'assessing', launchDate: '2026-10-12' },
      ],
      kb,
      chinaCalendar,
      '2026-11-25',
    );
    expect(due.map((d) => [d.filing, d.event, d.dueDate, d.overdue])).toEqual([
      ['a', 'launch', '2026-10-26', true],
      ['b', 'change', '2026-11-16', true],
      ['c', 'cancel', '2026-12-18', false],
    ]);
  });
});

describe('audit chain', () => {
  it('detects edits, deletions and reordering', () => {
    const entries = [] as ReturnType<typeof chainEntry>[];
    for (let i = 0; i < 5; i++)
      entries.push(
        chainEntry(entries.at(-1), {
          at: `2026-11-2${i}`,
          actor: 'x',
          action: 'a',
          subject: 's',
          details: { i },
        }),
      );
    expect(verifyChain(entries)).toEqual([]);
    const edited = entries.map((e, i) => (i === 2 ? { ...e, actor: 'mallory' } : e));
    expect(verifyChain(edited)[0]).toEqual({ seq: 3, problem: 'hash-mismatch' });
    expect(verifyChain(entries.filter((_, i) => i !== 1)).length).toBeGreaterThan(0);
  });
});
