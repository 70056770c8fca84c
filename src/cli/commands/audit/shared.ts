import { type Command, Option } from 'commander';
import type { AuditEvidence } from '../../../app/fairness/evidence.js';
import type { OnProgress } from '../../../app/fairness/log-audit.js';
import type { DisparityReport, PriceReport } from '../../../fairness/report.js';
import { writeFileAtomicSync } from '../../../io/atomic.js';
import { jsonOption } from '../../command.js';
import type { CliContext, ExitCode } from '../../context.js';
import { EXIT } from '../../exit-codes.js';
import { printJson } from '../../output.js';
import { createProgress } from '../../progress.js';
import { withStore } from '../../with-store.js';

export interface Common {
  json?: boolean;
  html?: string;
  save: boolean;
  seed: string;
  format?: 'csv' | 'tsv' | 'jsonl';
  reference?: string;
  service?: string;
}

export { collectList as collect } from '../../flags.js';

export function seedOf(raw: string): number {
  const n = Number(raw);
  return Number.isInteger(n) ? n : [...raw].reduce((h, ch) => (Math.imul(h, 31) + ch.charCodeAt(0)) | 0, 7);
}

export async function loadData() {
  const { loadKb } = await import('../../../kb/index.js');
  const { loadFairnessData } = await import('../../../fairness/data.js');
  return loadFairnessData(loadKb());
}

/** Stores the evidence unless --no-save; prints where. */
export async function saveEvidence(
  c: CliContext,
  opts: { save: boolean; json?: boolean | undefined },
  evidence: AuditEvidence,
): Promise<void> {
  if (!opts.save) return;
  const { saveAudit } = await import('../../../app/fairness/evidence.js');
  await withStore(c, async (s) => {
    const id = await saveAudit(s, evidence, c.now());
    if (!opts.json) c.out(`${c.t('audit.saved', { db: s.location, id })}\n`);
  });
}

export /** Bad input outranks a flag: the rows that could not be read must be fixed first. */
const exitFor = (malformed: number, flags: number): ExitCode =>
  malformed > 0 ? EXIT.badInput : flags > 0 ? EXIT.complianceFailed : EXIT.ok;

type LogReport = PriceReport | DisparityReport;

/** What every log audit takes from the shared flags (and the progress bar it reports to). */
export interface LogAuditCommon {
  file: string;
  reference: string | undefined;
  seed: number;
  format: Common['format'];
  data: Awaited<ReturnType<typeof loadData>>;
  onProgress: OnProgress;
}

/** Runs one log audit with the shared flags and a progress bar, then reports it (`finishLogAudit`). */
export async function runLogAudit(
  c: CliContext,
  opts: Common,
  log: string,
  name: 'price' | 'disparity',
  audit: (common: LogAuditCommon) => Promise<LogReport>,
): Promise<ExitCode> {
  const progress = createProgress(c, `audit ${name}`, { json: opts.json });
  const report = await audit({
    file: log,
    reference: opts.reference,
    seed: seedOf(opts.seed),
    format: opts.format,
    data: await loadData(),
    onProgress: (done, total) => progress.update({ done, total }),
  });
  progress.finish();
  return finishLogAudit(c, opts, log, report);
}

/** HTML, JSON or terminal output, stored evidence and the exit code: the same for every log audit. */
async function finishLogAudit(
  c: CliContext,
  opts: Common,
  log: string,
  report: LogReport,
): Promise<ExitCode> {
  if (opts.html) {
    const html = await import('../../../fairness/html.js');
    writeFileAtomicSync(
      opts.html,
      report.kind === 'price'
        ? html.renderPriceHtml(report, c.lang)
        : html.renderDisparityHtml(report, c.lang),
    );
  }
  if (opts.json) printJson(c, report);
  else {
    const print = await import('./print.js');
    if (report.kind === 'price') print.printPrice(c, report);
    else print.printDisparity(c, report);
    if (opts.html) c.out(`${c.t('audit.wroteHtml', { file: opts.html })}\n`);
  }
  await saveEvidence(c, opts, {
    kind: report.kind,
    subject: log,
    serviceId: opts.service,
    failed: report.flags.length > 0,
    flagCount: report.flags.length,
    dataVersion: report.dataVersion,
    result: report,
  });
  return exitFor(report.malformedCount, report.flags.length);
}

export function common(cmd: Command, c: CliContext) {
  return jsonOption(cmd, c)
    .option('--reference <value>', c.t('audit.opt.reference'))
    .option('--seed <n>', c.t('audit.opt.seed'), '1')
    .addOption(new Option('--format <format>', c.t('audit.opt.format')).choices(['csv', 'tsv', 'jsonl']))
    .option('--html <file>', c.t('audit.opt.html'))
    .option('--service <id>', c.t('audit.opt.service'))
    .option('--no-save', c.t('audit.opt.noSave'));
}
