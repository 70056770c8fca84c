import { type Command, Option } from 'commander';
import type { ScanReport } from '../../app/scan.js';
import type { ScanStart } from '../../app/scan-start.js';
import { malformedIssue, malformedReason } from '../../corpus/malformed.js';
import type { CorpusEncoding } from '../../corpus/types.js';
import { BeianError } from '../../errors.js';
import { writeFileAtomicSync } from '../../io/atomic.js';
import type { Kb } from '../../kb/query.js';
import { jsonOption, type Register, type RunAction } from '../command.js';
import type { CliContext, ExitCode } from '../context.js';
import { num, positiveInt } from '../flags.js';
import { formatTable, printJson } from '../output.js';
import { createProgress } from '../progress.js';
import { withStore } from '../with-store.js';
import { lexiconOptions, loadSelected } from './lexicon.js';

interface ScanFlags {
  format?: 'jsonl' | 'txt' | 'csv';
  field?: string;
  sourceField?: string;
  encoding?: string;
  wholeFile?: boolean;
  seed: string;
  sampleFraction?: string;
  flagScore: string;
  out?: string;
  flagged?: string;
  threads?: string;
  maxRecordBytes?: string;
  save?: boolean;
  sampleOut?: string;
  lexicon?: string[];
  naughtyWords?: boolean;
  allow?: string[];
  pinyin?: boolean;
  json?: boolean;
  queue?: string;
  attach?: string;
  shardBytes?: string;
  attempts?: string;
  queuePrefix?: string;
}

const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;

export const register: Register = (program, run, ctx) => {
  const cmd = jsonOption(program.command('scan [inputs...]').description(ctx.t('scan.description')), ctx)
    .addOption(new Option('--format <format>', ctx.t('scan.option.format')).choices(['jsonl', 'txt', 'csv']))
    .option('--field <path>', ctx.t('scan.option.field'))
    .option('--source-field <path>', ctx.t('scan.option.sourceField'))
    .option('--encoding <encoding>', ctx.t('scan.option.encoding'))
    .option('--whole-file', ctx.t('scan.option.wholeFile'))
    .option('--seed <n>', ctx.t('scan.option.seed'), '1')
    .option('--sample-fraction <x>', ctx.t('scan.option.sampleFraction', { min: '0.1' }))
    .option('--flag-score <n>', ctx.t('scan.option.flagScore'), '3')
    .option('--out <report.html>', ctx.t('scan.option.out'))
    .option('--flagged <out.jsonl>', ctx.t('scan.option.flagged'))
    .option('--threads <n>', ctx.t('scan.option.threads'))
    .option('--max-record-bytes <n>', ctx.t('scan.option.maxRecord'))
    .option('--save', ctx.t('scan.option.save'))
    .option('--sample-out <sample.jsonl>', ctx.t('scan.option.sampleOut'))
    .option('--queue <redis-url>', ctx.t('scan.option.queue'))
    .option('--attach <run>', ctx.t('scan.option.attach'))
    .option('--shard-bytes <n>', ctx.t('scan.option.shardBytes'))
    .option('--attempts <n>', ctx.t('scan.option.attempts'))
    .option('--queue-prefix <prefix>', ctx.t('worker.option.prefix'));
  lexiconOptions(cmd, ctx).action(
    run(async (c, inputs: string[], o: ScanFlags) => {
      const { parseEncoding } = await import('../../corpus/encoding.js');
      const encoding = o.encoding === undefined ? undefined : parseEncoding(o.encoding);
      if (o.encoding !== undefined && !encoding)
        throw BeianError.of('USAGE', 'scan.badEncoding', { value: o.encoding });
      if (!inputs.length && !o.attach) throw BeianError.of('USAGE', 'queue.needInputs');
      if (o.attach && !o.queue) throw BeianError.of('USAGE', 'queue.attachNeedsQueue');
      const { existsSync } = await import('node:fs');
      for (const i of inputs)
        if (!existsSync(i)) throw BeianError.of('NOT_FOUND', 'file.notFound', { file: i });
      const threads = num(o.threads, '--threads') || undefined;
      // a local scan's threads start now and load their modules while this one loads the library
      const { likelySegments, startScan } = await import('../../app/scan-start.js');
      const start = o.queue
        ? undefined
        : await startScan(
            inputs,
            threads,
            await likelySegments({
              ...(o.lexicon ? { files: o.lexicon } : {}),
              ...(o.naughtyWords ? { naughtyWords: true } : {}),
            }),
          );
      try {
        return await scanWith(c, inputs, o, { threads, encoding, start });
      } finally {
        await start?.close();
      }
    }),
  );
  registerReview(cmd, run, ctx);
};

/** The scan itself, once its inputs are checked (and a local scan's threads started). */
async function scanWith(
  c: CliContext,
  inputs: string[],
  o: ScanFlags,
  {
    threads,
    encoding,
    start,
  }: { threads: number | undefined; encoding: CorpusEncoding | undefined; start: ScanStart | undefined },
): Promise<ExitCode> {
  const { kb, lex, selection } = await loadSelected(c, o);
  const { threshold } = await import('../../kb/query.js');
  const minFraction = threshold(kb, 'corpus.technical.sample-fraction.min');
  const fraction = num(o.sampleFraction, '--sample-fraction');
  if (fraction !== undefined && (fraction < minFraction.value || fraction > 1))
    throw BeianError.of('USAGE', 'scan.badFraction', {
      value: fraction,
      min: minFraction.value,
      id: minFraction.id,
    });
  const { runScan } = await import('../../app/scan.js');
  const progress = createProgress(c, c.t('scan.progress'), { json: o.json });
  const started = Date.now();
  const maxRecord = num(o.maxRecordBytes, '--max-record-bytes');
  const read = {
    ...(o.format ? { format: o.format } : {}),
    ...(o.field ? { field: o.field } : {}),
    ...(o.sourceField ? { sourceField: o.sourceField } : {}),
    ...(encoding ? { encoding } : {}),
    ...(o.wholeFile ? { txtRecord: 'file' as const } : {}),
    ...(maxRecord ? { maxRecordBytes: maxRecord } : {}),
  };
  const seed = num(o.seed, '--seed') ?? 1;
  const flagScore = num(o.flagScore, '--flag-score') ?? 3;
  if (o.queue) {
    const { queuedScan } = await import('./scan-queue.js');
    const shardBytes = positiveInt(o.shardBytes, '--shard-bytes');
    const attempts = positiveInt(o.attempts, '--attempts');
    const queued = await queuedScan(c, kb, {
      queue: o.queue,
      ...(o.queuePrefix ? { prefix: o.queuePrefix } : {}),
      ...(o.attach ? { attach: o.attach } : {}),
      ...(o.json ? { json: true } : {}),
      submit: {
        inputs,
        read,
        seed,
        ...(fraction !== undefined ? { sampleFraction: fraction } : {}),
        flagScore,
        selection,
        lexicon: lex,
        ...(shardBytes ? { shardBytes } : {}),
        ...(attempts ? { attempts } : {}),
        ...(o.flagged ? { flaggedOut: o.flagged } : {}),
        ...(o.sampleOut ? { sampleOut: o.sampleOut } : {}),
      },
    });
    // an attached run writes the files its submission named
    const written = {
      ...o,
      ...(queued.flagged ? { flagged: queued.flagged } : {}),
      ...(queued.sampleOut ? { sampleOut: queued.sampleOut } : {}),
    };
    return reportScan(c, kb, written, queued.inputs, queued.report);
  }
  const report = await runScan(
    kb,
    lex,
    {
      inputs,
      read,
      seed,
      ...(fraction !== undefined ? { sampleFraction: fraction } : {}),
      flagScore,
      ...(threads ? { threads } : {}),
      ...(o.flagged ? { flaggedOut: o.flagged } : {}),
      ...(o.sampleOut
        ? {
            manualSample: async (sample) => {
              const { piiMasker, writeManualSample } = await import('../../app/scan-review.js');
              writeManualSample(o.sampleOut as string, sample, await piiMasker());
            },
          }
        : {}),
      onProgress: (p) => {
        const mb = p.bytes / 1e6;
        const secs = Math.max((Date.now() - started) / 1000, 1e-3);
        progress.update({
          done: Math.round(mb),
          total: Math.round(p.totalBytes / 1e6),
          detail: `${p.records} records · ${(mb / secs).toFixed(1)} MB/s`,
        });
      },
    },
    start,
  );
  progress.finish();
  return reportScan(c, kb, o, inputs, report);
}

/** Prints (or saves, renders) a scan report, local or merged from a queued run. */
async function reportScan(
  c: CliContext,
  kb: Kb,
  o: ScanFlags,
  inputs: readonly string[],
  report: ScanReport,
): Promise<ExitCode> {
  if (report.records === 0)
    throw BeianError.of(
      'INPUT_INVALID',
      'scan.empty',
      { files: report.files },
      {
        issues: report.malformed.map(malformedIssue),
      },
    );
  if (o.sampleOut && report.manualSample) report.manualSample.file = o.sampleOut;
  if (o.out) {
    const { renderScanHtml, scanHtmlLabels } = await import('../../app/scan-html.js');
    const { pick } = await import('../../i18n/index.js');
    const riskName = (id: string) => {
      const r = kb.risks.find((x) => x.id === id);
      return r ? pick(r.title, c.lang) : '';
    };
    writeFileAtomicSync(o.out, renderScanHtml(report, scanHtmlLabels(c.t, riskName)));
  }
  let savedId: string | undefined;
  if (o.save) {
    const { saveScan } = await import('../../app/scan.js');
    await withStore(c, async (store) => {
      savedId = await saveScan(store, inputs, report, c.now());
    });
  }
  if (o.json) {
    printJson(c, savedId ? { ...report, id: savedId } : report);
    return report.verdict === 'pass' ? 0 : 1;
  }
  const rows: string[][] = [
    [c.t('scan.records'), String(report.records)],
    [c.t('scan.bytes'), String(report.bytes)],
    [c.t('scan.flagged'), `${report.flagged} (${pct(report.flaggedRate)})`],
    [c.t('scan.malformed'), String(report.malformed.length)],
    ...Object.entries(report.byCategory).map(([k, v]) => [`  ${k}`, String(v)]),
  ];
  c.out(`${formatTable(['', ''], rows)}\n`);
  for (const m of report.malformed.slice(0, 10)) c.out(`  ${m.file}:${m.line} ${malformedReason(m, c.t)}\n`);
  const s = report.sample;
  c.out(
    `${c.t('scan.sampleLine', { size: s.size, fraction: s.fraction, seed: s.seed, flagged: s.flagged, rate: pct(s.rate), lo: pct(s.ci[0]), hi: pct(s.ci[1]), pass: pct(1 - s.rate), min: pct(report.threshold.passRateMin) })}\n`,
  );
  c.out(
    `${c.t('scan.fullLine', { flagged: report.flagged, records: report.records, pass: pct(report.threshold.passRate), min: pct(report.threshold.passRateMin) })}\n`,
  );
  for (const src of report.sources.filter((x) => x.overThreshold))
    c.out(
      `${c.t('scan.sourceOver', { source: src.source, rate: pct(src.rate), max: pct(report.sourceThreshold.max) })}\n`,
    );
  if (o.out) c.out(`${c.t('cli.wrote', { file: o.out })}\n`);
  if (o.flagged) c.out(`${c.t('cli.wrote', { file: o.flagged })}\n`);
  if (o.sampleOut && report.manualSample) {
    c.out(
      `${c.t('scan.sampleOut', { file: o.sampleOut, size: report.manualSample.size, required: report.manualSample.required })}\n`,
    );
    if (!o.save) c.out(`${c.t('scan.sampleNeedsSave')}\n`);
  }
  c.out(`${c.t('lexicon.version', { version: report.lexicon.version })}\n`);
  if (savedId) c.out(`${c.t('scan.saved', { id: savedId })}\n`);
  c.out(`${c.t('scan.verdict')}: ${c.t(report.verdict === 'pass' ? 'scan.pass' : 'scan.fail')}\n`);
  return report.verdict === 'pass' ? 0 : 1;
}

function registerReview(cmd: Command, run: RunAction, ctx: CliContext): void {
  jsonOption(cmd.command('review <sample.jsonl>').description(ctx.t('scan.review.description')), ctx)
    .option('--reviewer <name>', ctx.t('scan.review.option.reviewer'))
    .action(
      run(async (c, file: string, sub: { reviewer?: string; json?: boolean }) => {
        // `scan` declares --json too; commander hands it to the parent when it comes after `review`
        const o = { ...sub, json: sub.json || (cmd.opts() as { json?: boolean }).json };
        const { existsSync } = await import('node:fs');
        if (!existsSync(file)) throw BeianError.of('NOT_FOUND', 'file.notAFile', { file });
        const [{ loadKb }, { recordReview }] = await Promise.all([
          import('../../kb/index.js'),
          import('../../app/scan-review.js'),
        ]);
        const kb = loadKb();
        const result = await withStore(c, (store) =>
          recordReview(store, kb, file, { now: c.now(), ...(o.reviewer ? { reviewer: o.reviewer } : {}) }),
        );
        const r = result.review;
        const ok = r.sampleMin.ok && r.passRateMin.ok && r.pending === 0 && result.issues.length === 0;
        if (o.json) {
          printJson(c, { scan: result.scan, ...r, issues: result.issues, ok });
          return result.issues.length ? 2 : ok ? 0 : 1;
        }
        const { formatIssue } = await import('../../errors.js');
        for (const i of result.issues.slice(0, 20)) c.err(`  ${formatIssue(i, c.t)}\n`);
        c.out(
          `${formatTable(
            ['', c.t('scan.review.value'), c.t('scan.review.required')],
            [
              [
                c.t('scan.review.reviewed'),
                String(r.size),
                `≥ ${r.sampleMin.value}  ${r.sampleMin.ok ? '✓' : '✗'}`,
              ],
              [c.t('scan.review.failed'), String(r.failed), ''],
              [c.t('scan.review.pending'), String(r.pending), r.pending ? '✗' : '✓'],
              [
                c.t('scan.review.passRate'),
                pct(r.passRate),
                `≥ ${pct(r.passRateMin.value)}  ${r.passRateMin.ok ? '✓' : '✗'}`,
              ],
            ],
          )}\n`,
        );
        c.out(`${c.t('scan.review.stored', { scan: result.scan })}\n`);
        c.out(`${c.t('scan.verdict')}: ${c.t(ok ? 'scan.pass' : 'scan.fail')}\n`);
        return result.issues.length ? 2 : ok ? 0 : 1;
      }),
    );
}
