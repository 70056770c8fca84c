import { Option } from 'commander';
import type { PiiReport } from '../../app/pii/run.js';
import { malformedIssue } from '../../corpus/malformed.js';
import { BeianError, formatIssue } from '../../errors.js';
import { PII_LABELS } from '../../pii/labels.js';
import { jsonOption, type Register } from '../command.js';
import type { CliContext } from '../context.js';
import { collect, intIn, positiveInt } from '../flags.js';
import { formatTable, printJson } from '../output.js';
import { createProgress } from '../progress.js';
import { withStore } from '../with-store.js';

interface PiiFlags {
  format?: 'jsonl' | 'txt' | 'csv';
  field?: string[];
  encoding?: 'utf8' | 'gbk' | 'gb18030';
  findings?: string;
  redact?: boolean;
  out?: string;
  config?: string;
  jobs?: string;
  model?: string;
  save: boolean;
  json?: boolean;
  queue?: string;
  attach?: string;
  shardBytes?: string;
  attempts?: string;
  queuePrefix?: string;
  partsDir?: string;
}

export const formatBytes = (n: number): string =>
  n < 1024
    ? `${n} B`
    : n < 1024 ** 2
      ? `${(n / 1024).toFixed(1)} KiB`
      : n < 1024 ** 3
        ? `${(n / 1024 ** 2).toFixed(1)} MiB`
        : `${(n / 1024 ** 3).toFixed(2)} GiB`;

const MAX_MALFORMED_SHOWN = 20;

export const register: Register = (program, run, ctx) => {
  const pii = program.command('pii [inputs...]');
  jsonOption(
    pii
      .description(ctx.t('pii.description'))
      .addOption(new Option('--format <format>', ctx.t('pii.option.format')).choices(['jsonl', 'txt', 'csv']))
      .option('--field <field>', ctx.t('pii.option.field'), collect)
      .addOption(
        new Option('--encoding <encoding>', ctx.t('pii.option.encoding')).choices(['utf8', 'gbk', 'gb18030']),
      )
      .option('--findings <file>', ctx.t('pii.option.findings'))
      .option('--redact', ctx.t('pii.option.redact'))
      .option('--out <dir>', ctx.t('pii.option.out'))
      .option('--config <file>', ctx.t('pii.option.config'))
      .option('--jobs <n>', ctx.t('pii.option.jobs'))
      .option('--model <weights.json>', ctx.t('pii.option.model'))
      .option('--no-save', ctx.t('pii.option.noSave'))
      .option('--queue <redis-url>', ctx.t('pii.option.queue'))
      .option('--attach <run>', ctx.t('pii.option.attach'))
      .option('--shard-bytes <n>', ctx.t('pii.option.shardBytes'))
      .option('--attempts <n>', ctx.t('pii.option.attempts'))
      .option('--parts-dir <dir>', ctx.t('pii.option.partsDir'))
      .option('--queue-prefix <prefix>', ctx.t('worker.option.prefix'))
      .addHelpText('after', `\n${ctx.t('pii.help.examples')}\n`),
    ctx,
  ).action(
    run(async (c, inputs: string[], flags: PiiFlags) => {
      if (flags.redact && !flags.out) throw BeianError.of('USAGE', 'pii.redactNeedsOut');
      // a folder given without --redact would be silently ignored and the user would believe a clean copy exists
      if (flags.out && !flags.redact) throw BeianError.of('USAGE', 'pii.outNeedsRedact');
      if (!inputs.length && !flags.attach) throw BeianError.of('USAGE', 'queue.needInputs');
      if (flags.attach && !flags.queue) throw BeianError.of('USAGE', 'queue.attachNeedsQueue');
      const jobs = positiveInt(flags.jobs, '--jobs');
      const { readProjectFile } = await import('../../app/project-file.js');
      const project = await readProjectFile(flags.config, c.cwd);
      const options = {
        inputs,
        ...(flags.format ? { format: flags.format } : {}),
        ...(flags.field ? { fields: flags.field } : {}),
        ...(flags.encoding ? { encoding: flags.encoding } : {}),
        ...(flags.findings ? { findingsPath: flags.findings } : {}),
        ...(flags.model ? { modelFile: flags.model } : {}),
        ...(flags.redact && flags.out ? { outDir: flags.out } : {}),
        ...(project?.pii ? { section: project.pii } : {}),
        env: c.env,
        cwd: c.cwd,
      };
      let report: PiiReport;
      // the inputs the report is saved under: an attached run's own
      let saved: readonly string[] = inputs;
      if (flags.queue) {
        const shardBytes = positiveInt(flags.shardBytes, '--shard-bytes');
        const attempts = positiveInt(flags.attempts, '--attempts');
        const { queuedPii } = await import('./pii-queue.js');
        const queued = await queuedPii(c, {
          queue: flags.queue,
          ...(flags.queuePrefix ? { prefix: flags.queuePrefix } : {}),
          ...(flags.attach ? { attach: flags.attach } : {}),
          ...(flags.json ? { json: true } : {}),
          submit: {
            ...options,
            ...(shardBytes ? { shardBytes } : {}),
            ...(attempts ? { attempts } : {}),
            ...(flags.partsDir ? { partsDir: flags.partsDir } : {}),
          },
        });
        report = queued.report;
        saved = queued.inputs;
      } else {
        const { runPii } = await import('../../app/pii/run.js');
        const progress = createProgress(c, c.t('pii.progress'), { json: flags.json });
        report = await runPii({
          ...options,
          ...(jobs ? { jobs } : {}),
          onProgress: (done, total) => progress.update({ done, total, detail: formatBytes(done) }),
        });
        progress.finish();
      }
      let reportId: string | undefined;
      if (flags.save) {
        const { savePiiReport } = await import('../../app/pii/save.js');
        await withStore(c, async (store) => {
          reportId = await savePiiReport(store, report, [...saved], c.now());
        });
      }
      const failed = report.redaction !== undefined && report.redaction.residualHigh > 0;
      if (flags.json) {
        printJson(c, reportId ? { ...report, reportId } : report);
        return failed ? 1 : 0;
      }
      printReport(c, report);
      if (flags.findings) c.out(`${c.t('pii.findingsWritten', { file: flags.findings })}\n`);
      if (reportId) c.out(`${c.t('pii.saved', { id: reportId })}\n`);
      if (failed) c.err(`${c.t('pii.residualFail')}\n`);
      return failed ? 1 : 0;
    }),
  );
  registerTrain(program, run, ctx);
};

interface TrainFlags {
  out?: string;
  epochs?: string;
  trainedOn?: string;
  json?: boolean;
}

/**
 * `beian pii-train`: fits the optional name/address model on the user's own labelled data. Its own
 * command, not `pii train`: under `pii`, whose --out and --json mean something else, commander
 * would hand those flags to `pii`, and a corpus file called "train" could not be scanned.
 */
function registerTrain(
  program: Parameters<Register>[0],
  run: Parameters<Register>[1],
  ctx: CliContext,
): void {
  jsonOption(
    program
      .command('pii-train <data...>')
      .description(ctx.t('pii.train.description'))
      .option('--out <weights.json>', ctx.t('pii.train.option.out'))
      .option('--epochs <n>', ctx.t('pii.train.option.epochs'))
      .option('--trained-on <text>', ctx.t('pii.train.option.trainedOn'))
      .addHelpText('after', `\n${ctx.t('pii.train.help')}\n`),
    ctx,
  ).action(
    run(async (c, data: string[], flags: TrainFlags) => {
      if (!flags.out) throw BeianError.of('USAGE', 'pii.train.needsOut');
      const epochs = intIn(flags.epochs, '--epochs', 1, 50) ?? 15;
      const { trainPiiModel } = await import('../../app/pii/train.js');
      const { resolve } = await import('node:path');
      const progress = createProgress(c, c.t('pii.train.progress'), { json: flags.json });
      const report = await trainPiiModel({
        inputs: data.map((d) => resolve(c.cwd, d)),
        out: resolve(c.cwd, flags.out),
        epochs,
        ...(flags.trainedOn ? { trainedOn: flags.trainedOn } : {}),
        onEpoch: (e) => progress.update({ done: e, total: epochs, detail: `${e}/${epochs}` }),
      });
      progress.finish();
      if (flags.json) {
        printJson(c, report);
        return 0;
      }
      c.out(
        `${c.t('pii.train.done', { sentences: report.sentences, names: report.spans['person-name'], addresses: report.spans.address, features: report.features, out: report.out })}\n`,
      );
      for (const i of report.issues.slice(0, MAX_MALFORMED_SHOWN))
        c.err(
          `  ${formatIssue({ file: i.file, line: i.line, message: i.reason, key: i.key, params: i.params }, c.t)}\n`,
        );
      return 0;
    }),
  );
}

function printReport(c: CliContext, report: PiiReport): void {
  const findings = Object.values(report.byType).reduce((a, b) => a + (b ?? 0), 0);
  c.out(`${c.t('pii.summary', { records: report.records, bytes: formatBytes(report.bytes), findings })}\n`);
  if (findings === 0) c.out(`${c.t('pii.none')}\n`);
  else {
    const rows = Object.entries(report.byType)
      .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
      .map(([t, n]) => [t, PII_LABELS[t as keyof typeof PII_LABELS][c.lang], String(n)]);
    c.out(
      `\n${formatTable([c.t('pii.header.type'), c.t('pii.header.label'), c.t('pii.header.count')], rows)}\n\n`,
    );
    c.out(`${c.t('pii.confidence', report.byConfidence)}\n`);
    c.out(`${c.t('pii.examples')}\n`);
    for (const e of report.examples.slice(0, 12))
      c.out(`  ${e.file}:${e.line}  ${e.type}  ${e.masked}  (${e.confidence})\n`);
  }
  const sources = Object.entries(report.bySource);
  if (sources.length) {
    const total = (c: Partial<Record<string, number>>) =>
      Object.values(c).reduce((a, b) => (a ?? 0) + (b ?? 0), 0);
    c.out(
      `${c.t('pii.bySource')} ${sources.map(([src, counts]) => `${src} ${total(counts)}`).join(' · ')}\n`,
    );
  }
  if (report.malformed.length) {
    c.err(`${c.t('pii.malformed', { n: report.malformed.length })}\n`);
    for (const m of report.malformed.slice(0, MAX_MALFORMED_SHOWN))
      c.err(`  ${formatIssue(malformedIssue(m), c.t)}\n`);
    if (report.malformed.length > MAX_MALFORMED_SHOWN)
      c.err(`  ${c.t('pii.malformedMore', { n: report.malformed.length - MAX_MALFORMED_SHOWN })}\n`);
  }
  if (report.redaction) {
    const r = report.redaction;
    c.out(
      `${c.t('pii.redaction', { redacted: r.redacted, out: r.outDir, residual: r.residualHigh, rate: `${(r.residualRate * 100).toFixed(2)}%` })}\n`,
    );
  }
}
