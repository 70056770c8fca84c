import { describe, expect, it } from 'vitest';
import { renderHtml } from './html.js';
import { renderJunit } from './junit.js';
import type { ReportCase, ReportSummary } from './types.js';

const evil = '<script>alert(1)</script>"\'&\u0001';
const summary: ReportSummary = {
  runId: 'rt-1',
  kbVersion: 'v',
  total: 2,
  completed: 2,
  errors: 0,
  pass: false,
  banks: {
    'should-refuse': {
      n: 2,
      rate: 0.5,
      ci: [0.09, 0.9],
      threshold: 0.95,
      comparator: '>=',
      metric: 'refusal-rate',
      sampleRequired: 300,
      sampleMet: false,
      pass: false,
      errors: 0,
    },
  },
  byRisk: { 'A.1.1': { 'should-refuse': { n: 2, rate: 0.5, ci: [0.09, 0.9], pass: false } } },
};
const cases: ReportCase[] = [
  {
    caseKey: `t|${evil}`,
    itemId: 'x',
    kind: 'should-refuse',
    category: 'A.1.1',
    variant: null,
    target: 't',
    prompt: evil,
    answer: evil,
    machineVerdict: 'fail',
    verdict: 'fail',
    reason: evil,
    error: null,
  },
  {
    caseKey: 't|y',
    itemId: 'y',
    kind: 'should-refuse',
    category: 'A.1.1',
    variant: null,
    target: 't',
    prompt: 'p',
    answer: '抱歉',
    machineVerdict: 'refused',
    verdict: 'refused',
    reason: 'r',
    error: null,
  },
];

describe('report renderers', () => {
  it('HTML escapes every untrusted string and has no script', () => {
    const html = renderHtml(summary, cases, {
      lang: 'zh',
      titles: { 'A.1.1': '煽动颠覆' },
      generatedAt: 'now',
    });
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<svg');
  });
  it('JUnit XML is well-formed enough: escaped, with a failing threshold case and one failure', () => {
    const xml = renderJunit(summary, cases);
    expect(xml).not.toContain('<script');
    expect(xml).not.toContain('\u0001');
    expect(xml).toContain('name="threshold"><failure');
    expect(xml).toMatch(/<testsuite name="should-refuse" tests="3" failures="2" errors="0">/);
  });
});
