import { isUtf8 } from 'node:buffer';
import type { Matcher } from '../lexicon/matcher.js';
import type { CountedMatches } from '../lexicon/rules.js';
import {
  type AuditOptions,
  type AuditTally,
  auditItems,
  emptyTally,
  fileSampler,
  keepBottom,
  MANUAL_SEED,
  type ManualCandidate,
  mergeTally,
} from './audit.js';
import type { CorpusBlock, CorpusItem } from './types.js';

type Candidate = Extract<CorpusItem, { kind: 'record' }>;

/** A candidate line left for another thread to judge (it needs jieba, which this one lacks). */
export interface DeferredRecord {
  line: number;
  text: string;
  hits?: Int32Array;
}

/** A block's tally less its deferred records, which are listed (see finishDeferred). */
export type LinesTally = AuditTally & { deferred?: DeferredRecord[] };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

type LinesBlock = Extract<CorpusBlock, { kind: 'lines' }>;

/**
 * Whether a block can take the fast path: one txt record a line, valid UTF-8 throughout, no NUL
 * (a NUL line is reported as malformed by parseBlock). Checked natively, in microseconds.
 */
export function fastLines(block: CorpusBlock): LinesBlock | undefined {
  const fast =
    block.kind === 'lines' &&
    block.format === 'txt' &&
    !block.wholeFile &&
    (block.encoding === 'auto' || block.encoding === 'utf8') &&
    isUtf8(block.bytes) &&
    // Buffer's indexOf is memchr; a plain Uint8Array's (what a worker receives) is ~7x slower
    Buffer.from(block.bytes.buffer, block.bytes.byteOffset, block.bytes.byteLength).indexOf(0) < 0;
  return fast ? block : undefined;
}

/**
 * The audit of a txt block straight from its UTF-8 bytes: the matcher walks every line without
 * decoding it, and only lines where a keyword (or allow phrase) occurs are decoded and audited
 * like any record (auditItems). A line without any occurrence has no match by construction, so
 * it only counts as a record and in the sample. Same tally as parseBlock + auditItems.
 */
export function auditUtf8Lines(
  block: LinesBlock,
  /** the matcher's line walk: Matcher.lines, or its WebAssembly twin (lexicon/wasm) */
  walk: Matcher['lines'],
  count: CountedMatches,
  options: AuditOptions,
  /** a count's error that defers its record to another thread instead of failing the block */
  defers?: (e: unknown) => boolean,
): LinesTally {
  const { bytes, file } = block;
  const t = emptyTally();
  const key = fileSampler(options.seed, file);
  const manualKey = fileSampler(options.seed ^ MANUAL_SEED, file);
  const manual = options.manualSize ?? 0;
  // manual-sample keys of the lines without a hit, decoded only if they make the block's bottom-k
  const quiet: Array<{ key: number; line: number; start: number; end: number }> = [];
  const fraction = options.sampleFraction;
  let candidates: Candidate[] = [];
  // the walk's hits of each candidate (undefined: walk its text again), by candidate
  let hitsOf: Array<Int32Array | undefined> = [];
  let line = block.firstLine;
  walk(bytes, 0, bytes.length, (start, end, hit, blank, hits) => {
    const n = line++;
    if (blank) return;
    if (hit) {
      const last = end > start && bytes[end - 1] === 0x0d ? end - 1 : end;
      candidates.push({ kind: 'record', file, line: n, text: utf8.decode(bytes.subarray(start, last)) });
      hitsOf.push(hits);
      return;
    }
    t.records++;
    if (key(n) < fraction) t.sample.size++;
    if (manual) quiet.push({ key: manualKey(n), line: n, start, end });
  });
  // Records this thread cannot judge are left out of its tally and listed for another.
  let counted: CountedMatches = count;
  const deferred: DeferredRecord[] = [];
  if (defers) {
    const kept: Candidate[] = [];
    const keptHits: Array<Int32Array | undefined> = [];
    const results: Array<ReturnType<CountedMatches>> = [];
    candidates.forEach((c, k) => {
      const hits = hitsOf[k];
      try {
        results.push(count(c.text, hits));
      } catch (e) {
        if (!defers(e)) throw e;
        deferred.push({ line: c.line, text: c.text, ...(hits ? { hits } : {}) });
        return;
      }
      kept.push(c);
      keptHits.push(hits);
    });
    candidates = kept;
    hitsOf = keptHits;
    let r = 0;
    counted = (text, hits) => (candidates[r]?.text === text ? (results[r++] ?? []) : count(text, hits));
  }
  // The candidates are audited as records, in order, each counted once (auditItems): the k-th count
  // is the k-th candidate's, and takes its hits when its text is the one given.
  let k = 0;
  const withHits: CountedMatches = (text) => {
    const c = candidates[k];
    const hits = hitsOf[k++];
    return c?.text === text ? counted(text, hits) : counted(text);
  };
  const audited = auditItems(candidates, 0, withHits, options);
  mergeTally(t, audited);
  if (manual) {
    quiet.sort((a, b) => a.key - b.key);
    const max = options.manualTextChars ?? 4000;
    const drawn: ManualCandidate[] = quiet.slice(0, manual).map((q) => {
      const last = q.end > q.start && bytes[q.end - 1] === 0x0d ? q.end - 1 : q.end;
      const text = utf8.decode(bytes.subarray(q.start, last));
      return {
        key: q.key,
        file,
        line: q.line,
        text: text.length > max ? text.slice(0, max) : text,
        truncated: text.length > max,
        flagged: false,
        keywords: [],
      };
    });
    t.manual = keepBottom([...t.manual, ...drawn], manual);
  }
  t.bytes = bytes.length;
  return deferred.length ? Object.assign(t, { deferred }) : t;
}

/**
 * A block's tally with its deferred records audited here (`count` has jieba): the same tally as
 * if its thread had judged them, flagged records in line order and cut to the options' maximum,
 * the manual candidates to the sample size.
 */
export function finishDeferred(
  t: LinesTally,
  file: string,
  count: CountedMatches,
  options: AuditOptions,
): AuditTally {
  const { deferred, ...rest } = t;
  if (!deferred?.length) return rest;
  const records: Candidate[] = deferred.map((d) => ({ kind: 'record', file, line: d.line, text: d.text }));
  let k = 0;
  const more = auditItems(
    records,
    0,
    (text) => {
      const d = deferred[k++];
      return d?.text === text ? count(text, d.hits) : count(text);
    },
    options,
  );
  const merged = mergeTally(rest, more);
  merged.flaggedRecords.sort((a, b) => a.line - b.line);
  const max = options.maxFlaggedRecords;
  if (max !== undefined && merged.flaggedRecords.length > max) merged.flaggedRecords.length = max;
  if (options.manualSize) merged.manual = keepBottom(merged.manual, options.manualSize);
  return merged;
}
