import { decodeBytes } from '../../corpus/encoding.js';
import { getPath, textOf } from '../../corpus/fields.js';
import type { CorpusBlock, MalformedEntry } from '../../corpus/types.js';
import {
  type Confidence,
  type DetectorRegistry,
  type Finding,
  maskValue,
  type PiiType,
  type RedactionPolicy,
  redactText,
  scanText,
} from '../../pii/index.js';

/** What a block task needs besides the block (sent once per worker). */
export interface PiiTaskOptions {
  field: string;
  types?: PiiType[];
  redact: boolean;
  policy: RedactionPolicy;
  /** pseudonym key; lives only in memory (worker data), never written */
  key?: Uint8Array;
  /** JSONL path / CSV column of the record's source (default `source`) */
  sourceField?: string;
  /** collect per-finding rows (for --findings) */
  findings: boolean;
}

/** A finding as it leaves the scanner: masked, never the raw value. */
export interface FindingRow {
  file: string;
  line: number;
  type: PiiType;
  start: number;
  end: number;
  confidence: Confidence;
  score: number;
  masked: string;
}

export interface BlockResult {
  records: number;
  bytes: number;
  byType: Partial<Record<PiiType, number>>;
  byConfidence: Record<Confidence, number>;
  malformed: MalformedEntry[];
  findings: FindingRow[];
  /** redact: the block's lines, de-identified, in order (UTF-8 text) */
  out?: string;
  /** redact: findings still present at high confidence after de-identification (must be 0) */
  residualHigh: number;
  redacted: number;
  /** counts per record source (JSONL `source` field / CSV source column): feeds the ledger's lastScan.pii */
  bySource: Record<string, Partial<Record<PiiType, number>>>;
  /** example rows kept per type when --findings is off */
  perType: Partial<Record<PiiType, number>>;
}

export interface Scanner {
  registry: DetectorRegistry;
  options: PiiTaskOptions;
}

const emptyResult = (bytes: number): BlockResult => ({
  records: 0,
  bytes,
  byType: {},
  byConfidence: { high: 0, medium: 0, possible: 0 },
  malformed: [],
  findings: [],
  residualHigh: 0,
  redacted: 0,
  perType: {},
  bySource: {},
});

/** Scans one record's text and, when redacting, returns its de-identified text. */
export function scanRecord(
  s: Scanner,
  r: BlockResult,
  file: string,
  line: number,
  text: string,
  source?: string,
): string {
  const found: Finding[] = scanText(text, s.registry, s.options.types ? { types: s.options.types } : {});
  r.records++;
  let perSource: Partial<Record<PiiType, number>> | undefined;
  if (source !== undefined) {
    perSource = r.bySource[source] ?? {};
    r.bySource[source] = perSource;
  }
  for (const f of found) {
    r.byType[f.type] = (r.byType[f.type] ?? 0) + 1;
    if (perSource) perSource[f.type] = (perSource[f.type] ?? 0) + 1;
    r.byConfidence[f.confidence]++;
    // every finding for --findings; otherwise a few per type as masked examples for the report
    const seen = (r.perType[f.type] ?? 0) + 1;
    r.perType[f.type] = seen;
    if (s.options.findings || seen <= 3)
      r.findings.push({
        file,
        line,
        type: f.type,
        start: f.start,
        end: f.end,
        confidence: f.confidence,
        score: Number(f.score.toFixed(2)),
        masked: maskValue(f),
      });
  }
  if (!s.options.redact) return text;
  const out = redactText(text, found, {
    policy: s.options.policy,
    ...(s.options.key ? { key: s.options.key } : {}),
  });
  r.redacted += found.length;
  r.residualHigh += scanText(out, s.registry, { minConfidence: 'high' }).length;
  return out;
}

/** Redacts the text values of a JSON field in place: a string, or an array of strings. */
function redactField(value: unknown, field: string, redact: (t: string) => string): boolean {
  const keys = field.split('.');
  const last = keys.pop() as string;
  const parent = keys.length ? getPath(value, keys.join('.')) : value;
  if (parent === null || typeof parent !== 'object') return false;
  const obj = parent as Record<string, unknown>;
  const v = obj[last];
  if (typeof v === 'string') obj[last] = redact(v);
  else if (Array.isArray(v) && v.every((x) => typeof x === 'string'))
    obj[last] = v.map((x: string) => redact(x));
  else return false;
  return true;
}

/**
 * Processes one corpus block: counts findings, and when redacting rewrites every line keeping its
 * format (JSONL: only the text field changes; other fields and key order stay). Lines that cannot
 * be parsed are reported as malformed with file and line; when redacting they are still
 * de-identified as plain text, so no personal information leaks through a broken line. Pure.
 */
export function processBlock(s: Scanner, block: CorpusBlock): BlockResult {
  if (block.kind === 'items') {
    const r = emptyResult(block.size);
    for (const item of block.items) {
      if (item.kind === 'malformed')
        r.malformed.push({ file: item.file, line: item.line, reason: item.reason });
      else scanRecord(s, r, item.file, item.line, item.text, item.source);
    }
    return r;
  }
  const r = emptyResult(block.bytes.length);
  const { file } = block;
  const decoded = decodeBytes(block.bytes, block.encoding);
  const lines = decoded.text.split('\n');
  const trailingNewline = lines.length > 1 && lines.at(-1) === '';
  if (trailingNewline) lines.pop();
  const outLines: string[] = [];
  const field = s.options.field;
  const sourceOf = (value: unknown): string | undefined =>
    textOf(getPath(value, s.options.sourceField ?? 'source'));
  for (const [i, raw] of lines.entries()) {
    const line = block.firstLine + i;
    const cr = raw.endsWith('\r');
    const text = cr ? raw.slice(0, -1) : raw;
    if (decoded.lossy && text.includes('\uFFFD'))
      r.malformed.push({
        file,
        line,
        reason: `invalid byte sequence for ${block.encoding} (replaced with U+FFFD)`,
      });
    const emit = (t: string) => outLines.push(cr ? `${t}\r` : t);
    if (block.format === 'txt' || block.wholeFile) {
      emit(text.trim().length === 0 ? text : scanRecord(s, r, file, line, text));
      continue;
    }
    if (text.trim().length === 0) {
      emit(text);
      continue;
    }
    let value: unknown;
    let reason: string | undefined;
    try {
      value = JSON.parse(text);
      const fv = getPath(value, field);
      if (fv === undefined || fv === null) reason = `missing field "${field}"`;
      else if (textOf(fv) === undefined) reason = `field "${field}" is not text`;
    } catch (e) {
      reason = jsonReason(e);
    }
    if (reason !== undefined) {
      r.malformed.push({ file, line, reason });
      // a broken line still counts and, when redacting, is de-identified as plain text, so it
      // cannot carry personal information into the output; it is not counted as a record
      const before = r.records;
      emit(scanRecord(s, r, file, line, text));
      r.records = before;
      continue;
    }
    const body = textOf(getPath(value, field)) as string;
    if (!s.options.redact) {
      scanRecord(s, r, file, line, body, sourceOf(value));
      continue;
    }
    // Scan the record's text once for counts/offsets; rewrite element by element.
    const countOnly: Scanner = { registry: s.registry, options: { ...s.options, redact: false } };
    scanRecord(countOnly, r, file, line, body, sourceOf(value));
    const tmp = emptyResult(0);
    redactField(value, field, (t) => scanRecord(s, tmp, file, line, t));
    r.redacted += tmp.redacted;
    r.residualHigh += tmp.residualHigh;
    emit(JSON.stringify(value));
  }
  if (s.options.redact) r.out = outLines.join('\n') + (trailingNewline ? '\n' : '');
  return r;
}

/**
 * V8's JSON errors quote the offending input ("…" is not valid JSON), which could carry personal
 * information into reports and the store: keep only the position.
 */
export function jsonReason(e: unknown): string {
  const at = /position (\d+)/.exec((e as Error).message)?.[1];
  return at === undefined ? 'invalid JSON' : `invalid JSON at column ${Number(at) + 1}`;
}

/** Adds a block's counts into a running total. */
export function mergeInto(total: BlockResult, r: BlockResult): void {
  total.records += r.records;
  total.bytes += r.bytes;
  for (const [t, n] of Object.entries(r.byType))
    total.byType[t as PiiType] = (total.byType[t as PiiType] ?? 0) + (n ?? 0);
  for (const c of ['high', 'medium', 'possible'] as const) total.byConfidence[c] += r.byConfidence[c];
  total.malformed.push(...r.malformed);
  total.residualHigh += r.residualHigh;
  for (const [src, counts] of Object.entries(r.bySource)) {
    const into = total.bySource[src] ?? {};
    total.bySource[src] = into;
    for (const [t, n] of Object.entries(counts)) into[t as PiiType] = (into[t as PiiType] ?? 0) + (n ?? 0);
  }
  total.redacted += r.redacted;
}

export const newTotal = (): BlockResult => emptyResult(0);
