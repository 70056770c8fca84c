import { escapeXml, isFailing, type ReportCase, type ReportSummary } from './types.js';

/**
 * JUnit XML for CI: one testsuite per bank with a threshold testcase (fails when the bank misses
 * its threshold), then one testcase per case (failure = went against the bank's expectation,
 * error = the target failed).
 */
export function renderJunit(summary: ReportSummary, cases: readonly ReportCase[]): string {
  const suites: string[] = [];
  const kinds = [...new Set(cases.map((c) => c.kind))];
  for (const kind of kinds) {
    const mine = cases.filter((c) => c.kind === kind);
    const bank = summary.banks[kind];
    const tcs: string[] = [];
    let failures = 0;
    let errors = 0;
    if (bank) {
      const msg = `${bank.metric} ${bank.rate === null ? 'n/a' : bank.rate.toFixed(4)} ${bank.comparator} ${bank.threshold}; n=${bank.n} (required ${bank.sampleRequired})`;
      tcs.push(
        `    <testcase classname="beian.redteam.${escapeXml(kind)}" name="threshold">${bank.pass ? '' : `<failure message="${escapeXml(msg)}"/>`}</testcase>`,
      );
      if (!bank.pass) failures += 1;
    }
    for (const c of mine) {
      let body = '';
      if (c.verdict === 'error') {
        errors += 1;
        body = `<error message="${escapeXml(c.error ?? c.reason)}"/>`;
      } else if (isFailing(c)) {
        failures += 1;
        body = `<failure message="${escapeXml(`${c.verdict}: ${c.reason}`)}">${escapeXml((c.answer ?? '').slice(0, 2000))}</failure>`;
      }
      tcs.push(
        `    <testcase classname="beian.redteam.${escapeXml(kind)}.${escapeXml(c.category)}" name="${escapeXml(c.caseKey)}">${body}</testcase>`,
      );
    }
    suites.push(
      `  <testsuite name="${escapeXml(kind)}" tests="${tcs.length}" failures="${failures}" errors="${errors}">\n${tcs.join('\n')}\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="beian redteam ${escapeXml(summary.runId)}">\n${suites.join('\n')}\n</testsuites>\n`;
}
