import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FILING_STATES } from './lifecycle.js';
import { portfolioReadiness } from './readiness.js';

describe('portfolioReadiness', () => {
  it('folds states into phases per service, least ready first', () => {
    const r = portfolioReadiness(
      [
        { id: 'a1', serviceId: 'a', serviceName: 'A', state: 'filed', evidence: 1 },
        { id: 'a2', serviceId: 'a', serviceName: 'A', state: 'published', evidence: 2 },
        { id: 'b1', serviceId: 'b', serviceName: 'B', state: 'assessing', evidence: 0 },
        { id: 'b2', serviceId: 'b', serviceName: 'B', state: 'expert-review' },
        { id: 'b3', serviceId: 'b', serviceName: 'B', state: 'cancelled' },
        { id: 'c1', serviceId: 'c', serviceName: 'C', state: 'change-pending' },
      ],
      [{ service: 'c', overdue: true }],
    );
    expect(r.services.map((s) => s.serviceId)).toEqual(['c', 'b', 'a']);
    const b = r.services[1]!;
    expect(b.phases).toEqual({ done: 0, 'in-review': 1, 'in-progress': 0, todo: 1, attention: 0 });
    expect(b.filings).toBe(2);
    expect(b.withoutEvidence).toBe(1);
    expect(r.services[2]!.ready).toBe(1);
    expect(r.services[0]!.overdue).toBe(1);
    expect(r.total).toEqual({ done: 2, 'in-review': 1, 'in-progress': 0, todo: 1, attention: 1 });
  });

  it('counts every filing that is not cancelled exactly once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ s: fc.constantFrom('x', 'y', 'z'), state: fc.constantFrom(...FILING_STATES) })),
        (rows) => {
          const r = portfolioReadiness(
            rows.map((row, i) => ({ id: String(i), serviceId: row.s, serviceName: row.s, state: row.state })),
            [],
          );
          const live = rows.filter((row) => row.state !== 'cancelled').length;
          expect(Object.values(r.total).reduce((a, b) => a + b, 0)).toBe(live);
          expect(r.services.reduce((a, s) => a + s.filings, 0)).toBe(live);
          for (const s of r.services) expect(s.ready).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
