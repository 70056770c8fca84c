import { hasContext, hasNegativeContext, matches } from '../context.js';
import { type Detector, type Finding, finding } from '../types.js';

/** Cheap pre-check: most corpus lines cannot contain this type at all. */
const HINT = /\d{7}/;

// PRC passports: E + 8 digits, E + letter + 7 digits (e-passports), G + 8 (older ordinary),
// D/P/S + 7–8 (diplomatic, public affairs, service).
const CANDIDATE = /(?<![0-9A-Za-z])(?:E[A-HJ-NP-Z0-9]\d{7}|G\d{8}|[DPS]E?\d{7,8})(?![0-9A-Za-z])/g;
const LABELS = ['护照', 'passport', 'Passport', 'PASSPORT', '证件'];

export const passport: Detector = {
  type: 'passport',
  // a capital letter and 7–8 digits, the whole run of letters and digits (8 or more)
  applies: (p) => p.digitRun >= 7 && p.upper && p.alnumRun >= 8,
  detect(text) {
    const out: Finding[] = [];
    if (!HINT.test(text)) return out;
    for (const m of matches(CANDIDATE, text)) {
      const labelled = hasContext(text, m.index, LABELS, 16);
      if (!labelled && hasNegativeContext(text, m.index)) continue;
      // E/G + 8 digits is distinctive; the short D/P/S forms need a label.
      const distinctive = /^[EG]/.test(m[0]);
      if (!labelled && !distinctive) continue;
      out.push(finding('passport', text, m.index, m.index + m[0].length, labelled ? 0.95 : 0.7));
    }
    return out;
  },
};
