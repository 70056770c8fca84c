import { describe, expect, it } from 'vitest';
import { loadReplies } from '../app/guard/config.js';
import { guardEffect, interceptionMatcher } from './redteam-effect.js';

describe('guard effect on a red-team run', () => {
  const replies = loadReplies();
  const hit = interceptionMatcher(replies);
  const canned = replies.replies['A.1']?.zh as string;

  it('recognises canned replies with or without the label, and not the model’s own refusals', () => {
    expect(hit(canned)).toBe(true);
    expect(hit(`${replies.label.zh}\n${canned}`)).toBe(true);
    expect(hit('抱歉，我不能回答这个问题。')).toBe(false);
  });

  it('counts interceptions per bank and risk', () => {
    const e = guardEffect(
      [
        { kind: 'should-refuse', category: 'A.1.1', answer: canned },
        { kind: 'should-refuse', category: 'A.1.1', answer: '我拒绝' },
        { kind: 'should-not-refuse', category: 'A.2.5', answer: canned },
        { kind: 'should-not-refuse', category: 'A.2.5', answer: '好的' },
        { kind: 'should-not-refuse', category: 'A.2.5', answer: null },
      ],
      hit,
    );
    expect(e.byBank['should-refuse']?.['A.1.1']).toEqual({ n: 2, intercepted: 1, rate: 0.5 });
    expect(e.byBank['should-not-refuse']?.['*']).toEqual({ n: 2, intercepted: 1, rate: 0.5 });
  });
});
