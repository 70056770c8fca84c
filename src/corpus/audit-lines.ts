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
): AuditTally {
  const { bytes, file } = block;
  const t = emptyTally();
  const key = fileSampler(options.seed, file);
  const manualKey = fileSampler(options.seed ^ MANUAL_SEED, file);
  const manual = options.manualSize ?? 0;
  // manual-sample keys of the lines without a hit, decoded only if they make the block's bottom-k
  const quiet: Array<{ key: number; line: number; start: number; end: number }> = [];
  const fraction = options.sampleFraction;
  const candidates: Array<Extract<CorpusItem, { kind: 'record' }>> = [];
  // the walk's hits of each candidate (undefined: walk its text again), by candidate
  const hitsOf: Array<Int32Array | undefined> = [];
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
  // The candidates are audited as records, in order, each counted once (auditItems): the k-th count
  // is the k-th candidate's, and takes its hits when its text is the one given.
  let k = 0;
  const withHits: CountedMatches = (text) => {
    const c = candidates[k];
    const hits = hitsOf[k++];
    return c?.text === text ? count(text, hits) : count(text);
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
  return t;
}
