import { hasContext, hasNegativeContext, matches } from '../context.js';
import { type Detector, type Finding, finding } from '../types.js';

/** Cheap pre-check: most corpus lines cannot contain this type at all. */
const HINT = /0\d{2,3}/;

// Area code 010, 02x or 0[3-9]xx, in parentheses or followed by a dash/space, then a 7–8 digit
// subscriber number (not starting with 0 or 1), optional extension.
const CANDIDATE =
  /(?<![0-9A-Za-z])(?:(?:\+86|0086)[\s-]?)?(?:\((0(?:10|2\d|[3-9]\d{2}))\)\s?|(0(?:10|2\d|[3-9]\d{2}))[\s-])[2-9]\d{2,3}[ -]?\d{4}(?:(?:-|转|ext\.?)\d{1,5})?(?![0-9A-Za-z])/g;
const BARE = /(?<![0-9A-Za-z])0(?:10|2\d|[3-9]\d{2})[2-9]\d{6,7}(?![0-9A-Za-z])/g;
const LABELS = ['电话', '座机', '固话', 'Tel', 'tel', '传真', 'Fax', '联系'];

/** Landlines with an area code: (010) 6512 3456, 021-61234567, 0755 86001234 转 8. */
export const landline: Detector = {
  type: 'cn-landline',
  // every form starts its area code with a 0 that opens a run of digits, or follows +86
  applies: (p) => p.digits >= 9 && p.digitRun >= 3 && p.zeroLead,
  detect(text) {
    const out: Finding[] = [];
    if (!HINT.test(text)) return out;
    for (const m of matches(CANDIDATE, text)) {
      if (hasNegativeContext(text, m.index)) continue;
      out.push(finding('cn-landline', text, m.index, m.index + m[0].length, 0.9));
    }
    // Unseparated digits only count when labelled (otherwise they are order numbers, amounts...).
    for (const m of matches(BARE, text)) {
      if (!hasContext(text, m.index, LABELS)) continue;
      out.push(finding('cn-landline', text, m.index, m.index + m[0].length, 0.75));
    }
    return out;
  },
};
