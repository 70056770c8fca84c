import { hasContext, hasNegativeContext, matches } from '../context.js';
import { type Detector, type Finding, finding } from '../types.js';

/** Cheap pre-check: most corpus lines cannot contain this type at all. */
const HINT = /\d{7}/;

// 往来港澳通行证 C + letter/digit + 7 digits (old: W + 8); 往来台湾通行证 L/T + 8 digits;
// 港澳居民来往内地通行证 (回乡证) H/M + 8 or 10 digits.
const CANDIDATE =
  /(?<![0-9A-Za-z])(?:C[A-HJ-NP-Z0-9]\d{7}|W\d{8}|[LT]\d{8}|[HM]\d{8}(?:\d{2})?)(?![0-9A-Za-z])/g;
const LABELS = ['通行证', '回乡证', '台胞证', '港澳', '台湾', '往来', '证件'];

/** Hong Kong/Macau/Taiwan travel permits. Unlabelled only for the distinctive C-form. */
export const travelPermit: Detector = {
  type: 'cn-travel-permit',
  // a capital letter and 7–10 digits, the whole run of letters and digits (9 or more)
  applies: (p) => p.digitRun >= 7 && p.upper && p.alnumRun >= 9,
  detect(text) {
    const out: Finding[] = [];
    if (!HINT.test(text)) return out;
    for (const m of matches(CANDIDATE, text)) {
      const labelled = hasContext(text, m.index, LABELS, 16);
      if (!labelled && (hasNegativeContext(text, m.index) || !/^C[A-Z]/.test(m[0]))) continue;
      out.push(finding('cn-travel-permit', text, m.index, m.index + m[0].length, labelled ? 0.92 : 0.65));
    }
    return out;
  },
};
