import { idCardChecksumOk, PROVINCE_CODES, plausibleBirthDate } from '../checksums.js';
import { hasContext, hasNegativeContext, matches, NUMBER_START } from '../context.js';
import { type Detector, type Finding, finding } from '../types.js';

/** Cheap pre-check: most corpus lines cannot contain this type at all. */
const HINT = /\d{15}/;

// (?=\d): as in bank-card.ts, the same matches, found without NUMBER_START's look-behinds at every position
const CANDIDATE = new RegExp(`(?=\\d)${NUMBER_START}(?:\\d{17}[\\dXx]|\\d{15})(?![0-9A-Za-z])`, 'g');
const LABELS = ['身份证', '证件号', '公民身份', 'ID card', '身份号码'];

/**
 * 居民身份证号码: 18 digits (GB 11643, ISO 7064 MOD 11-2 check character) or the legacy 15-digit
 * form. A plausible division prefix and birth date are required; a failed checksum is reported as
 * "possible" (a typo or a look-alike), never as verified.
 */
export const idCard: Detector = {
  type: 'cn-id-card',
  applies: (p) => p.digitRun >= 15,
  detect(text) {
    const out: Finding[] = [];
    if (!HINT.test(text)) return out;
    for (const m of matches(CANDIDATE, text)) {
      const v = m[0];
      if (!PROVINCE_CODES.has(v.slice(0, 2))) continue;
      const long = v.length === 18;
      const year = long ? Number(v.slice(6, 10)) : 1900 + Number(v.slice(6, 8));
      const month = Number(v.slice(long ? 10 : 8, long ? 12 : 10));
      const day = Number(v.slice(long ? 12 : 10, long ? 14 : 12));
      if (!plausibleBirthDate(year, month, day)) continue;
      if (!long && /[Xx]/.test(v)) continue;
      const labelled = hasContext(text, m.index, LABELS);
      const negative = !labelled && hasNegativeContext(text, m.index);
      let score: number;
      if (long) score = idCardChecksumOk(v) ? (negative ? 0.55 : 0.98) : labelled ? 0.55 : negative ? 0 : 0.4;
      else score = labelled ? 0.9 : negative ? 0 : 0.6;
      if (score <= 0) continue;
      out.push(finding('cn-id-card', text, m.index, m.index + v.length, score, { birthYear: year }));
    }
    return out;
  },
};
