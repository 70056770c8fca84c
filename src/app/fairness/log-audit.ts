import { statSync } from 'node:fs';
import { BeianError, issueOf, messageOf } from '../../errors.js';
import { type FairnessData, param } from '../../fairness/data.js';
import { analyseDisparity, DisparityAccumulator, type DisparityParams } from '../../fairness/disparity.js';
import { type LogFormat, readLog } from '../../fairness/log-reader.js';
import { analysePrice, PriceAccumulator, type PriceParams } from '../../fairness/price.js';
import { type DisparityReport, MalformedLog, type PriceReport } from '../../fairness/report.js';
import { createRng } from '../../fairness/rng.js';
import { parseBool, parseDuration, parseNumber, parseTime } from '../../fairness/values.js';
import type { MessageKey } from '../../i18n/index.js';

/** Progress of a streaming audit, in bytes of the input file. */
export type OnProgress = (bytes: number, totalBytes: number | undefined) => void;

export const priceParams = (d: FairnessData): PriceParams => ({
  alpha: param(d, 'price.alpha'),
  fdrQ: param(d, 'price.fdr.q'),
  minEffect: param(d, 'price.min-effect'),
  minCells: param(d, 'price.randomisation.min-cells'),
  bootstrap: param(d, 'resampling.bootstrap'),
  permutations: param(d, 'resampling.permutations'),
  ciLevel: param(d, 'ci.level'),
});

export const disparityParams = (d: FairnessData): DisparityParams => ({
  diMin: param(d, 'disparity.disparate-impact.min'),
  alpha: param(d, 'disparity.alpha'),
  minGroup: param(d, 'disparity.min-group-size'),
  eodMaxAbs: param(d, 'disparity.equal-opportunity.max-abs'),
  exposureMin: param(d, 'disparity.exposure-ratio.min'),
  ciLevel: param(d, 'ci.level'),
});

function fileSize(file: string): number | undefined {
  try {
    return statSync(file).size;
  } catch {
    return undefined;
  }
}

/** What both audits take the same way: the log, how to read it, the seed and the parameters. */
interface LogInput {
  file: string;
  seed: number;
  format?: LogFormat;
  data: FairnessData;
  onProgress?: OnProgress;
}

/** Reports a cell the audit cannot use: the row is skipped, its line, column and value listed. */
type Reject = (line: number, column: string | undefined, value: string | undefined, key: MessageKey) => void;

/** Streams the log once, counting every row and collecting the unusable ones (bad cells, unreadable lines). */
async function streamLog(
  input: LogInput,
  columns: readonly string[],
  row: (values: readonly (string | undefined)[], line: number, reject: Reject) => void,
): Promise<{ rows: number; bad: MalformedLog }> {
  const bad = new MalformedLog();
  let rows = 0;
  const reject: Reject = (line, column, value, key) =>
    bad.add({ line, column, value: value ?? '', ...messageOf(key) });
  await readLog(
    input.file,
    columns,
    {
      row(v, line) {
        rows += 1;
        row(v, line, reject);
      },
      malformed(line, key, params) {
        rows += 1;
        bad.add({ line, ...messageOf(key, params) });
      },
      progress: input.onProgress,
    },
    { format: input.format, totalBytes: fileSize(input.file) },
  );
  return { rows, bad };
}

/** The fields every log-audit report starts with. */
const reportHead = (input: LogInput, read: { rows: number; bad: MalformedLog }, validRows: number) => ({
  file: input.file,
  rows: read.rows,
  validRows,
  malformed: read.bad.listed,
  malformedCount: read.bad.count,
  seed: input.seed,
  dataVersion: input.data.version,
});

export interface PriceAuditInput extends LogInput {
  item: string;
  price: string;
  group: string;
  time?: string;
  window?: string;
  reference?: string;
}

/** Streams the log once into per item × window × group moments, then analyses them. */
export async function runPriceAudit(input: PriceAuditInput): Promise<PriceReport> {
  let windowMs: number | undefined;
  if (input.window !== undefined) {
    if (input.time === undefined) throw BeianError.of('USAGE', 'audit.log.windowNeedsTime');
    windowMs = parseDuration(input.window);
    if (windowMs === undefined) throw BeianError.of('USAGE', 'audit.log.badWindow', { value: input.window });
  } else if (input.time !== undefined) windowMs = 86_400_000;
  const columns = [input.item, input.price, input.group, ...(input.time === undefined ? [] : [input.time])];
  const acc = new PriceAccumulator(windowMs);
  const read = await streamLog(input, columns, (v, line, reject) => {
    const [item, rawPrice, group, rawTime] = v;
    const price = parseNumber(rawPrice);
    if (price === undefined) return reject(line, input.price, rawPrice, 'malformed.log.price');
    if (item === undefined || item.trim() === '') return reject(line, input.item, item, 'malformed.log.item');
    let time: number | undefined;
    if (input.time !== undefined) {
      time = parseTime(rawTime);
      if (time === undefined) return reject(line, input.time, rawTime, 'malformed.log.time');
    }
    acc.add(item, price, group?.trim() || '(missing)', time);
  });
  if (input.reference !== undefined && !acc.groups.has(input.reference))
    throw BeianError.of(
      'INPUT_INVALID',
      'audit.log.badReference',
      { value: input.reference, column: input.group },
      {
        issues: [
          issueOf({ file: input.file, path: input.group }, 'audit.log.values', {
            values: [...acc.groups.keys()].slice(0, 20).join(', '),
          }),
        ],
      },
    );
  const params = priceParams(input.data);
  const analysis = analysePrice(acc, params, {
    attribute: input.group,
    rng: createRng(input.seed),
    reference: input.reference,
  });
  return {
    kind: 'price',
    ...reportHead(input, read, acc.rows),
    flags: analysis.flags,
    mapping: {
      item: input.item,
      price: input.price,
      group: input.group,
      time: input.time,
      window: input.window,
    },
    params,
    details: { ...analysis, windowMs: windowMs ?? null },
  };
}

export interface DisparityAuditInput extends LogInput {
  groups: string[];
  outcome?: string;
  label?: string;
  rank?: string;
  reference?: string;
}

export async function runDisparityAudit(input: DisparityAuditInput): Promise<DisparityReport> {
  if (input.outcome === undefined && input.rank === undefined)
    throw BeianError.of('USAGE', 'audit.log.needOutcomeOrRank');
  if (input.label !== undefined && input.outcome === undefined)
    throw BeianError.of('USAGE', 'audit.log.labelNeedsOutcome');
  const k = input.groups.length;
  const extra = [input.outcome, input.label, input.rank];
  const columns = [...input.groups, ...extra.filter((c): c is string => c !== undefined)];
  const idx = (c: string | undefined) => (c === undefined ? -1 : columns.indexOf(c, k));
  const [io, il, ir] = [idx(input.outcome), idx(input.label), idx(input.rank)];
  const acc = new DisparityAccumulator(input.groups);
  const read = await streamLog(input, columns, (v, line, reject) => {
    // a yes/no cell; a value that is neither is reported with its line and skips the row
    const boolCell = (at: number, column: string | undefined, key: MessageKey) => {
      if (at < 0) return { ok: true as const, value: undefined };
      const value = parseBool(v[at]);
      if (value !== undefined) return { ok: true as const, value };
      reject(line, column, v[at], key);
      return { ok: false as const };
    };
    const o = boolCell(io, input.outcome, 'malformed.log.outcome');
    if (!o.ok) return;
    const l = boolCell(il, input.label, 'malformed.log.label');
    if (!l.ok) return;
    let rank: number | undefined;
    if (ir >= 0) {
      rank = parseNumber(v[ir]);
      if (rank === undefined || rank < 1) return reject(line, input.rank, v[ir], 'malformed.log.rank');
    }
    const values = new Array<string>(k);
    for (let i = 0; i < k; i++) values[i] = v[i]?.trim() || '(missing)';
    acc.add(values, o.value, l.value, rank);
  });
  const params = disparityParams(input.data);
  const analysis = analyseDisparity(acc, params, { reference: input.reference });
  return {
    kind: 'disparity',
    ...reportHead(input, read, acc.rows),
    flags: analysis.flags,
    mapping: { group: input.groups, outcome: input.outcome, label: input.label, rank: input.rank },
    params,
    details: analysis,
  };
}
