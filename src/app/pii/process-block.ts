import { isAscii, isUtf8, transcode } from 'node:buffer';
import { decodeBytes } from '../../corpus/encoding.js';
import { getPath, textOf } from '../../corpus/fields.js';
import { entryOf, malformedEntry } from '../../corpus/malformed.js';
import type { BlockEncoding, CorpusBlock, MalformedEntry } from '../../corpus/types.js';
import type { MessageRef } from '../../i18n/index.js';
// the modules themselves, not pii/index.js: a worker thread imports this file, and the index
// would load the dictionary readers (yaml, zod) it never calls (~100 ms of start-up per thread)
import { maskValue, type RedactionPolicy, type RedactOptions, redactText } from '../../pii/redact.js';
import type { DetectorRegistry } from '../../pii/registry.js';
import { planScan, type TextScan } from '../../pii/scan.js';
import type { Confidence, Detector, Finding, PiiType } from '../../pii/types.js';
import { appendAll, MAX_JSON_DEPTH, nestedDeeperThan } from '../../util/array.js';

/** What a block task needs besides the block (sent once per worker). */
export interface PiiTaskOptions {
  /**
   * JSONL dotted paths / CSV columns to scan; undefined scans every string (and long integer) of the
   * record, nested ones too, and every CSV column: personal information is rarely only in `text`.
   */
  fields?: readonly string[];
  types?: PiiType[];
  redact: boolean;
  policy: RedactionPolicy;
  /** pseudonym key; lives only in memory (worker data), never written */
  key?: Uint8Array;
  /** JSONL path / CSV column of the record's source (default `source`) */
  sourceField?: string;
  /** collect per-finding rows (for --findings) */
  findings: boolean;
  /** a user-trained name/address model (beian pii train), run besides the rules */
  modelFile?: string;
}

/** A finding as it leaves the scanner: masked, never the raw value. */
export interface FindingRow {
  file: string;
  line: number;
  /** JSONL path / CSV column the offsets refer to (absent for txt lines) */
  field?: string;
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
  /** detectors besides the registry's (the user's sequence model) */
  extra?: readonly Detector[];
  /** the scans with these detectors and options, planned on first use (see planScan) */
  plans?: { scan: TextScan; residual: TextScan };
  /** the redaction options of `options`, made on first use */
  redactOptions?: RedactOptions;
}

function plansOf(s: Scanner): { scan: TextScan; residual: TextScan } {
  s.plans ??= {
    scan: planScan(s.registry, {
      ...(s.options.types ? { types: s.options.types } : {}),
      ...(s.extra ? { extra: s.extra } : {}),
    }),
    residual: planScan(s.registry, { minConfidence: 'high', ...(s.extra ? { extra: s.extra } : {}) }),
  };
  return s.plans;
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
  field?: string,
  count = true,
): string {
  const found: Finding[] = plansOf(s).scan(text);
  if (count) r.records++;
  countFindings(s, r, file, line, found, source, field);
  return s.options.redact ? writeText(s, r, text, found) : text;
}

/** Adds one text's findings to the block's counts and rows (masked). */
function countFindings(
  s: Scanner,
  r: BlockResult,
  file: string,
  line: number,
  found: readonly Finding[],
  source: string | undefined,
  field: string | undefined,
): void {
  if (found.length === 0) return;
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
        ...(field !== undefined ? { field } : {}),
        type: f.type,
        start: f.start,
        end: f.end,
        confidence: f.confidence,
        score: Number(f.score.toFixed(2)),
        masked: maskValue(f),
      });
  }
}

/** De-identifies a text from its findings and re-scans what is written (counted in residualHigh). */
function writeText(s: Scanner, r: BlockResult, text: string, found: readonly Finding[]): string {
  s.redactOptions ??= { policy: s.options.policy, ...(s.options.key ? { key: s.options.key } : {}) };
  const opts = s.redactOptions;
  let out = redactText(text, found, opts);
  r.redacted += found.length;
  // the re-scan of what is written: text left as it was has just been scanned, so only a changed
  // text is scanned again (the same answer as re-reading every written value, at a fraction of the cost)
  if (out === text) {
    for (const f of found) if (f.confidence === 'high') r.residualHigh++;
    return out;
  }
  // a replacement can uncover a value the first scan could not see (a@x.comb@x.com: the first
  // match took "comb", the mask leaves "comb@x.com"): what the re-scan finds is redacted in turn,
  // a few rounds at most; residualHigh counts what is still there after the last one
  let left = residualFindings(s, out);
  for (let round = 0; round < MAX_REDACT_ROUNDS && left.length > 0; round++) {
    const again = redactText(out, left, opts);
    if (again === out) break;
    r.redacted += left.length;
    out = again;
    left = residualFindings(s, out);
  }
  r.residualHigh += left.length;
  return out;
}

const MAX_REDACT_ROUNDS = 3;
const residualFindings = (s: Scanner, text: string): Finding[] =>
  text.length === 0 ? [] : plansOf(s).residual(text);

/** High-confidence findings left in a text that was written (the re-scan). */
export const residualIn = (s: Scanner, text: string): number =>
  text.length === 0 ? 0 : plansOf(s).residual(text).length;

/** Integers long enough to be a phone, card or ID number stored as a JSON number. */
const LONG_INTEGER = /^\d{7,}$/;

/** A JSON leaf worth scanning: a string, or an integer that may be an identifier. */
function leafText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  // a safe integer has 7 digits or more exactly when it is at least 10^6 (String writes safe
  // integers without an exponent): most records' numbers (ids, counts) are smaller, and are not
  // written out as strings to be tested
  if (typeof v === 'number' && v >= 1e6 && Number.isSafeInteger(v)) {
    const t = String(v);
    return LONG_INTEGER.test(t) ? t : undefined;
  }
  return undefined;
}

/**
 * A key as it may appear in a finding's `field`: records keyed by a phone or an e-mail
 * ({"13812345678": …}) must not leak it through the path, so such a key is starred.
 */
const safeKey = (k: string): string => (/\d{7,}|@/.test(k) ? '*' : k);

/**
 * Calls `visit` on every text leaf under `value` with its dotted path; a non-undefined return
 * replaces the leaf (in place). Depth-first, in key order, so findings keep the record's order.
 */
export function walkLeaves(
  value: unknown,
  path: string,
  visit: (text: string, path: string) => string | undefined,
  visitKey?: (key: string, path: string) => string | undefined,
  segment: (key: string) => string = safeKey,
): unknown {
  const t = leafText(value);
  if (t !== undefined) {
    const out = visit(t, path);
    return out === undefined || out === t ? value : out;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++)
      value[i] = walkLeaves(value[i], path ? `${path}.${i}` : `${i}`, visit, visitKey, segment);
  } else if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    let renamed: Array<[string, unknown]> | undefined;
    for (const k of Object.keys(obj)) {
      const seg = segment(k);
      const p = path ? `${path}.${seg}` : seg;
      obj[k] = walkLeaves(obj[k], p, visit, visitKey, segment);
      const nk = visitKey?.(k, p);
      if (nk !== undefined && nk !== k) renamed = Object.entries(obj);
    }
    // a key that is personal information (a record keyed by phone numbers) is rewritten too,
    // keeping the key order; a clash with an existing key gets a #n suffix
    if (renamed && visitKey) {
      // in place (the caller holds this object): empty it, then put every entry back in order
      for (const [k] of renamed) delete obj[k];
      for (const [k, v] of renamed) {
        const base = visitKey(k, path) ?? k;
        let nk = base;
        for (let n = 2; Object.hasOwn(obj, nk); n++) nk = `${base}#${n}`;
        obj[nk] = v;
      }
    }
  }
  return value;
}

/** High-confidence findings in the text leaves of a record that lie outside the chosen fields. */
function residualOutside(s: Scanner, value: unknown, fields: readonly string[]): number {
  let n = 0;
  const inside = (path: string) => fields.some((f) => path === f || path.startsWith(`${f}.`));
  walkLeaves(value, '', (t, path) => {
    if (!inside(path)) n += residualIn(s, t);
    return undefined;
  });
  return n;
}

/** Sets a dotted path inside a parsed JSON value (the parent must exist). */
function setPath(value: unknown, path: string, v: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() as string;
  const parent = keys.length ? getPath(value, keys.join('.')) : value;
  if (parent !== null && typeof parent === 'object') (parent as Record<string, unknown>)[last] = v;
}

/** Values this short, when they hold no finding, are remembered per block (scanJsonRecord). */
const SHORT_VALUE = 24;
const MAX_CLEAN_VALUES = 4096;
/** the findings of a remembered value: none (never written to) */
const NONE: Finding[] = [];

/**
 * Scans (and when redacting, rewrites in place) the chosen fields of one parsed JSONL record, or
 * every text leaf when no field is chosen. Returns false when none of the chosen fields exists.
 */
function scanJsonRecord(
  s: Scanner,
  r: BlockResult,
  file: string,
  line: number,
  value: unknown,
  source: string | undefined,
  cleanKeys: Set<string>,
  cleanValues: Set<string>,
): boolean {
  const plan = plansOf(s).scan;
  const redact = s.options.redact;
  // pass 1 scans every text (and counts); when redacting, pass 2 writes each text from its findings
  // plus every other occurrence of a value found at high confidence anywhere in the record (the
  // name found after 联系人： in `text` is masked in `note` too, where no cue stands beside it)
  const found: Finding[][] = [];
  // (the maps are made when first needed: most records have no finding at high confidence)
  let echo: Map<string, Finding> | undefined;
  const scanned = (t: string, path: string): undefined => {
    // short values recur from record to record (`source`, a role, a label): those without a finding
    // are remembered for the block, as keys are (a scan's answer depends on the text alone)
    const short = t.length <= SHORT_VALUE;
    if (short && cleanValues.has(t)) {
      if (redact) found.push(NONE);
      return undefined;
    }
    const f = plan(t);
    if (short && f.length === 0 && cleanValues.size < MAX_CLEAN_VALUES) cleanValues.add(t);
    countFindings(s, r, file, line, f, source, path);
    if (redact) {
      found.push(f);
      for (const x of f)
        if (x.confidence === 'high' && x.value.length >= 2) {
          echo ??= new Map();
          echo.set(x.value, x);
        }
    }
    return undefined;
  };
  // every key is scanned ({"张伟": …} holds a name as much as {"name": "张伟"}); keys repeat from
  // record to record, so those without a finding are remembered for the block
  const isClean = (k: string): boolean => {
    if (cleanKeys.has(k)) return true;
    if (safeKey(k) !== k || plan(k).length > 0) return false;
    cleanKeys.add(k);
    return true;
  };
  // a key with personal information never shows in a finding's path either
  const segment = (k: string): string => (isClean(k) ? k : '*');
  // a key is a field like any other: what it holds is masked where it recurs in the values
  // ({"a@x.com": 1, "note": "a@x.com138…"}: glued to digits, the note alone shows no e-mail) and
  // the values' findings where they recur in it, so keys are written in pass 2 as well
  let keyFound: Map<string, Finding[]> | undefined;
  const scanKey = (k: string, path: string): undefined => {
    if (!isClean(k) && !keyFound?.has(k)) {
      const f = plan(k);
      countFindings(s, r, file, line, f, source, `${path}#key`);
      keyFound ??= new Map();
      keyFound.set(k, f);
      if (redact)
        for (const x of f)
          if (x.confidence === 'high' && x.value.length >= 2) {
            echo ??= new Map();
            echo.set(x.value, x);
          }
    }
    return undefined;
  };
  let next = 0;
  const written = (t: string): string => writeText(s, r, t, withEchoes(t, found[next++] ?? [], echo));
  // walkLeaves asks for a renamed key more than once: written (and counted) once
  let keyOut: Map<string, string> | undefined;
  const renamed = (k: string): string | undefined => {
    let out = keyOut?.get(k);
    if (out !== undefined) return out;
    const f = withEchoes(k, keyFound?.get(k) ?? [], echo);
    if (f.length === 0) return undefined;
    out = writeText(s, r, k, f);
    keyOut ??= new Map();
    keyOut.set(k, out);
    return out;
  };
  const fields = s.options.fields;
  if (fields === undefined) {
    walkLeaves(value, '', scanned, scanKey, segment);
    if (redact) walkLeaves(value, '', written, renamed, segment);
  } else {
    const present = fields.filter((f) => {
      const v = getPath(value, f);
      return v !== undefined && v !== null;
    });
    if (present.length === 0) return false;
    for (const f of present) walkLeaves(getPath(value, f), f, scanned);
    if (redact)
      for (const f of present) {
        const v = getPath(value, f);
        const out = walkLeaves(v, f, written);
        if (out !== v) setPath(value, f, out);
      }
  }
  r.records++;
  return true;
}

/**
 * Scans the texts of one record (CSV cells) and, when redacting, returns them de-identified, each
 * value found at high confidence in one text masked in the others as well (as in JSONL records).
 */
export function scanTexts(
  s: Scanner,
  r: BlockResult,
  file: string,
  line: number,
  texts: readonly string[],
  fields: readonly string[],
  source?: string,
): string[] {
  const plan = plansOf(s).scan;
  const found = texts.map((t, i) => {
    const f = plan(t);
    countFindings(s, r, file, line, f, source, fields[i]);
    return f;
  });
  if (!s.options.redact) return texts.slice();
  const echo = new Map<string, Finding>();
  for (const f of found)
    for (const x of f) if (x.confidence === 'high' && x.value.length >= 2) echo.set(x.value, x);
  return texts.map((t, i) => writeText(s, r, t, withEchoes(t, found[i] ?? [], echo)));
}

/** A text's findings plus the other occurrences in it of values found elsewhere in the record. */
function withEchoes(
  text: string,
  found: Finding[],
  echo: ReadonlyMap<string, Finding> | undefined,
): Finding[] {
  if (echo === undefined || echo.size === 0) return found;
  let out: Finding[] | undefined;
  for (const [v, f] of echo)
    for (let at = text.indexOf(v); at >= 0; at = text.indexOf(v, at + v.length)) {
      const end = at + v.length;
      const list = out ?? found;
      if (list.some((x) => at < x.end && x.start < end)) continue;
      out ??= found.slice();
      out.push({ ...f, start: at, end });
    }
  return out ? out.sort((a, b) => a.start - b.start) : found;
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
      if (item.kind === 'malformed') r.malformed.push(entryOf(item));
      else scanRecord(s, r, item.file, item.line, item.text, item.source);
    }
    return r;
  }
  const r = emptyResult(block.bytes.length);
  const { file } = block;
  const decoded = decodeBlock(block.bytes, block.encoding);
  const lines = decoded.text.split('\n');
  const trailingNewline = lines.length > 1 && lines.at(-1) === '';
  if (trailingNewline) lines.pop();
  const outLines: string[] = [];
  const fields = s.options.fields;
  const sourceOf = (value: unknown): string | undefined =>
    textOf(getPath(value, s.options.sourceField ?? 'source'));
  const redact = s.options.redact;
  const cleanKeys = new Set<string>();
  const cleanValues = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const line = block.firstLine + i;
    const cr = raw.endsWith('\r');
    const text = cr ? raw.slice(0, -1) : raw;
    if (decoded.lossy && text.includes('\uFFFD'))
      r.malformed.push(malformedEntry(file, line, 'malformed.invalidBytes', { encoding: block.encoding }));
    if (block.format === 'txt' || block.wholeFile) {
      const t = isBlank(text) ? text : scanRecord(s, r, file, line, text);
      if (redact) outLines.push(cr ? `${t}\r` : t);
      continue;
    }
    if (isBlank(text)) {
      if (redact) outLines.push(cr ? `${text}\r` : text);
      continue;
    }
    let value: unknown;
    let reason: MessageRef | undefined;
    try {
      value = JSON.parse(text);
      if (value === null || typeof value !== 'object') reason = { key: 'malformed.notObject' };
      else if (opensMoreThan(text, MAX_JSON_DEPTH) && nestedDeeperThan(value, MAX_JSON_DEPTH))
        reason = { key: 'malformed.tooDeep', params: { depth: MAX_JSON_DEPTH } };
    } catch (e) {
      reason = jsonReason(e);
    }
    if (
      reason === undefined &&
      !scanJsonRecord(s, r, file, line, value, sourceOf(value), cleanKeys, cleanValues)
    )
      reason =
        fields && fields.length === 1
          ? { key: 'malformed.missingField', params: { field: fields[0] ?? '' } }
          : { key: 'malformed.noneOfFields', params: { fields: fields?.join(', ') ?? '' } };
    if (reason !== undefined) {
      r.malformed.push(malformedEntry(file, line, reason.key, reason.params));
      // a broken line is still scanned and, when redacting, de-identified as plain text, so it
      // cannot carry personal information into the output; it is not counted as a record
      const t = scanRecord(s, r, file, line, text, undefined, undefined, false);
      if (redact) outLines.push(cr ? `${t}\r` : t);
      continue;
    }
    if (!redact) continue;
    // the re-scan covers every field written, also those outside --field (they were copied as they were)
    if (fields) r.residualHigh += residualOutside(s, value, fields);
    const t = JSON.stringify(value);
    outLines.push(cr ? `${t}\r` : t);
  }
  if (s.options.redact) r.out = outLines.join('\n') + (trailingNewline ? '\n' : '');
  return r;
}

/**
 * decodeBytes, with a faster way for a block of valid UTF-8 (nearly every block): ASCII is read as
 * Latin-1 (a copy), other UTF-8 transcoded to UTF-16 in native code and read as such, a third of the
 * CPU of TextDecoder's decode on Chinese news text (24 MB: 30 ms against 93). The same text.
 */
function decodeBlock(bytes: Uint8Array, encoding: BlockEncoding): { text: string; lossy: boolean } {
  if ((encoding !== 'auto' && encoding !== 'utf8') || !isUtf8(bytes)) return decodeBytes(bytes, encoding);
  if (isAscii(bytes)) {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { text: buf.toString('latin1'), lossy: false };
  }
  const utf16 = transcode(bytes, 'utf8', 'ucs2');
  return { text: utf16.toString('utf16le'), lossy: false };
}

/**
 * `text.trim().length === 0` without the trimmed copy in the usual case: a JSON line starts with
 * `{` or `[`, a text line with a character that is not white space.
 */
function isBlank(text: string): boolean {
  if (text.length === 0) return true;
  const c = text.charCodeAt(0);
  // printable ASCII other than the space is never white space (nor a line terminator)
  if (c > 32 && c < 127) return false;
  return text.trim().length === 0;
}

/**
 * Whether a JSON line holds more than `max` opening brackets (outside strings or not): only such a
 * line can nest deeper than `max`. Two native searches instead of a walk of the parsed record,
 * whose optimised code alone cost a worker ~0.1 CPU-second to compile.
 */
function opensMoreThan(text: string, max: number): boolean {
  let n = 0;
  for (let at = text.indexOf('{'); at >= 0 && n <= max; at = text.indexOf('{', at + 1)) n++;
  for (let at = text.indexOf('['); at >= 0 && n <= max; at = text.indexOf('[', at + 1)) n++;
  return n > max;
}

/**
 * V8's JSON errors quote the offending input ("…" is not valid JSON), which could carry personal
 * information into reports and the store: keep only the position.
 */
export function jsonReason(e: unknown): MessageRef {
  const at = /position (\d+)/.exec((e as Error).message)?.[1];
  return at === undefined
    ? { key: 'malformed.invalidJsonPlain' }
    : { key: 'malformed.invalidJsonAt', params: { column: Number(at) + 1 } };
}

/** Adds a block's counts into a running total. */
export function mergeInto(total: BlockResult, r: BlockResult): void {
  total.records += r.records;
  total.bytes += r.bytes;
  for (const [t, n] of Object.entries(r.byType))
    total.byType[t as PiiType] = (total.byType[t as PiiType] ?? 0) + (n ?? 0);
  for (const c of ['high', 'medium', 'possible'] as const) total.byConfidence[c] += r.byConfidence[c];
  appendAll(total.malformed, r.malformed);
  total.residualHigh += r.residualHigh;
  for (const [src, counts] of Object.entries(r.bySource)) {
    const into = total.bySource[src] ?? {};
    total.bySource[src] = into;
    for (const [t, n] of Object.entries(counts)) into[t as PiiType] = (into[t as PiiType] ?? 0) + (n ?? 0);
  }
  total.redacted += r.redacted;
}

export const newTotal = (): BlockResult => emptyResult(0);
