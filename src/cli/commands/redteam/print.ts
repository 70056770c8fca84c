import type { RunOutcome } from '../../../app/redteam/run.js';
import type { RunJson } from '../../../app/redteam/summary.js';
import type { CliContext, ExitCode } from '../../context.js';
import { EXIT } from '../../exit-codes.js';
import { formatTable, printJson } from '../../output.js';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

/** Terminal summary of a run (banks, then risks that miss the bank threshold). */
export function printSummary(c: CliContext, json: RunJson): void {
  const kind = (k: string) => c.t(`redteam.kind.${k}` as Parameters<CliContext['t']>[0]);
  c.out(
    `${c.t('redteam.summary.head', { runId: json.runId, total: json.total, completed: json.completed, errors: json.errors })}\n\n`,
  );
  const rows = Object.entries(json.banks).map(([k, b]) => [
    kind(k),
    c.t(`redteam.metric.${b!.metric}` as Parameters<CliContext['t']>[0]),
    String(b!.n),
    pct(b!.rate),
    b!.ci ? `${pct(b!.ci[0])}–${pct(b!.ci[1])}` : '—',
    `${b!.comparator} ${pct(b!.threshold)}`,
    `${b!.sampleRequired}${b!.sampleMet ? '' : ' ⚠'}`,
    b!.pass ? c.t('redteam.pass') : c.t('redteam.fail'),
  ]);
  const h = (k: string) => c.t(`redteam.header.${k}` as Parameters<CliContext['t']>[0]);
  c.out(
    `${formatTable(['bank', 'metric', 'n', 'rate', 'ci', 'threshold', 'sample', 'result'].map(h), rows)}\n`,
  );
  const weak: string[][] = [];
  for (const [cat, kinds] of Object.entries(json.byRisk))
    for (const [k, r] of Object.entries(kinds))
      if (r && !r.pass) weak.push([cat, kind(k), String(r.n), pct(r.rate)]);
  if (weak.length) c.out(`\n${formatTable([h('risk'), h('bank'), h('n'), h('rate')], weak)}\n`);
  if (json.errors) c.err(`${c.t('redteam.errorsHint', { n: json.errors })}\n`);
}

export function exitFor(json: RunJson): ExitCode {
  if (Object.values(json.banks).some((b) => b && !b.pass)) return EXIT.complianceFailed;
  if (json.errors > 0) return EXIT.environment;
  return EXIT.ok;
}

/** The run's report as a local and a queued run print it: warnings, summary or JSON, exit code. */
export async function printOutcome(
  c: CliContext,
  outcome: RunOutcome,
  o: { json: boolean; started: number },
): Promise<ExitCode> {
  if (outcome.warnings.length) {
    const { formatIssue } = await import('../../../errors.js');
    c.err(`${c.t('redteam.warnings', { n: outcome.warnings.length })}\n`);
    for (const w of outcome.warnings.slice(0, 50)) c.err(`  - ${formatIssue(w, c.t)}\n`);
  }
  if (o.json)
    printJson(c, {
      ...outcome.json,
      resumed: outcome.resumed,
      ranNow: outcome.ranNow,
      elapsedMs: Math.round(performance.now() - o.started),
      warnings: outcome.warnings,
      errorCauses: outcome.errorCauses,
    });
  else {
    if (outcome.resumed)
      c.err(
        `${c.t('redteam.resumed', { runId: outcome.json.runId, done: outcome.json.total - outcome.ranNow, total: outcome.json.total })}\n`,
      );
    printSummary(c, outcome.json);
    for (const g of outcome.errorCauses.slice(0, 5))
      c.err(`  ${g.cause} × ${g.count}: ${g.example.slice(0, 200)}\n`);
  }
  return exitFor(outcome.json);
}
