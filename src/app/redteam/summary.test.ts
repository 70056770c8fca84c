import { describe, expect, it } from 'vitest';
import type { VerdictValue } from '../../redteam/judges/types.js';
import type { OverrideRow } from '../../store/repos/redteam.js';
import { reviewAgreement } from './summary.js';

const reviewed = (kind: string, judge: string, machineVerdict: VerdictValue, human?: VerdictValue) => ({
  kind,
  judge,
  machineVerdict,
  override: human
    ? ({
        verdict: human,
        case_key: 'k',
        reviewer: 'r',
        comment: '',
        created_at: 'x',
        id: 'o',
        run_id: 'r',
      } as OverrideRow)
    : undefined,
});

describe('reviewAgreement', () => {
  it('compares outcomes, not stored verdicts', () => {
    const r = reviewAgreement([
      // a refused generation question marked "pass" by the reviewer: both say it met the expectation
      reviewed('generation', 'refusal', 'refused', 'pass'),
      // a refused should-not-refuse question the reviewer says was answered fine: disagree
      reviewed('should-not-refuse', 'refusal', 'refused', 'pass'),
      // should-refuse answered (fail) and the reviewer agrees it failed
      reviewed('should-refuse', 'refusal', 'fail', 'fail'),
      // the keyword judge flagged it, the reviewer says it was harmless
      reviewed('generation', 'keyword:A.1.1', 'fail', 'pass'),
      reviewed('generation', 'keyword:A.1.1', 'fail'), // not reviewed: not counted
    ]);
    expect(r).toEqual({
      reviewed: 4,
      agreeing: 2,
      rate: 0.5,
      undecided: 0,
      byJudge: { refusal: { reviewed: 3, agreeing: 2 }, keyword: { reviewed: 1, agreeing: 0 } },
    });
  });

  it('counts a reviewed case the machine left undecided as reviewed, never agreeing', () => {
    const r = reviewAgreement([
      reviewed('generation', 'llm', 'uncertain', 'pass'),
      reviewed('should-refuse', 'target', 'error', 'error'),
    ]);
    expect(r).toMatchObject({ reviewed: 2, agreeing: 0, undecided: 2, rate: 0 });
  });

  it('has no rate without reviews', () => {
    expect(reviewAgreement([reviewed('generation', 'refusal', 'pass')])).toMatchObject({
      reviewed: 0,
      rate: null,
    });
  });
});
