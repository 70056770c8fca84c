import { readFileSync } from 'node:fs';
import { BeianError, type Issue, issueOf, jsonReason } from '../errors.js';
import { writeFileAtomicSync } from '../io/atomic.js';
import { type Kb, meets, threshold } from '../kb/index.js';
import type { Store } from '../store/index.js';
import { scanById, updateScanReport } from '../store/repos/scans.js';
import type { ManualReview, ManualSample, ScanReport } from './scan.js';

/**
 * The manual check of the standard (a random sample of ≥ corpus.manual.sample.min items, pass rate
 * ≥ corpus.manual.pass-rate.min): `beian scan --sample-out` writes the sample for reviewers (one JSON
 * line per item, `verdict` to fill in), `beian scan review` reads their verdicts back, computes the
 * pass rate against the KB thresholds and stores it with the scan, where the filing materials read it.
 */
export interface SampleLine {
  scan: string;
  n: number;
  file: string;
  line: number;
  source?: string;
  /** the keyword check's opinion, for the reviewer's information */
  flagged: boolean;
  keywords: string[];
  text: string;
  truncated?: boolean;
  /** pass | fail, filled in by the reviewer (合格 / 不合格 accepted) */
  verdict: string | null;
  note?: string;
}

/** Writes the sample atomically (temp file + rename); `mask` de-identifies each text (PII masked). */
export function writeManualSample(
  file: string,
  sample: ManualSample,
  mask: (text: string) => string,
): number {
  const lines = sample.items.map((c, i) => {
    const line: SampleLine = {
      scan: sample.scan,
      n: i + 1,
      file: c.file,
      line: c.line,
      ...(c.source !== undefined ? { source: c.source } : {}),
      flagged: c.flagged,
      keywords: c.keywords,
      text: mask(c.text),
      ...(c.truncated ? { truncated: true } : {}),
      verdict: null,
    };
    return JSON.stringify(line);
  });
  writeFileAtomicSync(file, lines.length ? `${lines.join('\n')}\n` : '');
  return lines.length;
}

const VERDICTS: Record<string, 'pass' | 'fail'> = {
  pass: 'pass',
  ok: 'pass',
  合格: 'pass',
  通过: 'pass',
  fail: 'fail',
  不合格: 'fail',
  违规: 'fail',
};

export interface ParsedReview {
  scan?: string;
  passed: number;
  failed: number;
  pending: number;
  issues: Issue[];
}

/** Reads a reviewed sample file; every bad line becomes an issue with its line number. Pure. */
export function parseReview(content: string, file: string): ParsedReview {
  const out: ParsedReview = { passed: 0, failed: 0, pending: 0, issues: [] };
  content.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    const at = { file, line: i + 1 };
    let v: Partial<SampleLine>;
    try {
      v = JSON.parse(raw) as Partial<SampleLine>;
    } catch (e) {
      out.issues.push(issueOf(at, 'scan.review.badJson', { reason: jsonReason(e) }));
      return;
    }
    if (typeof v.scan !== 'string') {
      out.issues.push(issueOf({ ...at, path: 'scan' }, 'scan.review.missingScan'));
      return;
    }
    if (out.scan === undefined) out.scan = v.scan;
    else if (out.scan !== v.scan) {
      out.issues.push(
        issueOf({ ...at, path: 'scan' }, 'scan.review.otherScan', { scan: v.scan, expected: out.scan }),
      );
      return;
    }
    if (v.verdict === null || v.verdict === undefined || v.verdict === '') {
      out.pending++;
      return;
    }
    const verdict = VERDICTS[String(v.verdict).trim().toLowerCase()];
    if (!verdict) {
      out.issues.push(
        issueOf({ ...at, path: 'verdict' }, 'scan.review.badVerdict', { value: String(v.verdict) }),
      );
      return;
    }
    if (verdict === 'pass') out.passed++;
    else out.failed++;
  });
  return out;
}

/** The review's result against the KB thresholds. Pure. */
export function summariseReview(
  kb: Kb,
  parsed: ParsedReview,
  meta: { file: string; now: Date; reviewer?: string },
): ManualReview {
  const size = parsed.passed + parsed.failed;
  const passRate = size ? parsed.passed / size : 0;
  const sampleMin = threshold(kb, 'corpus.manual.sample.min');
  const rateMin = threshold(kb, 'corpus.manual.pass-rate.min');
  return {
    size,
    passed: parsed.passed,
    failed: parsed.failed,
    pending: parsed.pending,
    passRate,
    sampleMin: { id: sampleMin.id, value: sampleMin.value, ok: meets(sampleMin, size) },
    passRateMin: { id: rateMin.id, value: rateMin.value, ok: size > 0 && meets(rateMin, passRate) },
    reviewedAt: meta.now.toISOString(),
    ...(meta.reviewer ? { reviewer: meta.reviewer } : {}),
    file: meta.file,
  };
}

/** Reads, checks and stores a review with its scan (saved with `beian scan --save`). */
export async function recordReview(
  store: Store,
  kb: Kb,
  file: string,
  meta: { now: Date; reviewer?: string },
): Promise<{ review: ManualReview; scan: string; issues: Issue[] }> {
  const parsed = parseReview(readFileSync(file, 'utf8'), file);
  if (!parsed.scan)
    throw BeianError.of('INPUT_INVALID', 'scan.review.empty', { file }, { issues: parsed.issues });
  const row = await scanById(store, parsed.scan);
  if (!row) throw BeianError.of('NOT_FOUND', 'scan.review.noScan', { scan: parsed.scan });
  const review = summariseReview(kb, parsed, { file, ...meta });
  const report = JSON.parse(row.report_json) as ScanReport;
  report.manualReview = review;
  await updateScanReport(store, row.id, report);
  return { review, scan: row.id, issues: parsed.issues };
}

/** PII masking for texts written for reviewers: PII in scan outputs only masked. */
export async function piiMasker(): Promise<(text: string) => string> {
  const { createDetectors, DEFAULT_POLICY, loadPiiDictionaries, redactText, scanText } = await import(
    '../pii/index.js'
  );
  const detectors = createDetectors(loadPiiDictionaries());
  return (text) => redactText(text, scanText(text, detectors), { policy: DEFAULT_POLICY });
}
