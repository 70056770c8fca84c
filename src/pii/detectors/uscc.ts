import { PROVINCE_CODES, USCC_CHARS, usccChecksumOk } from '../checksums.js';
import { hasContext, hasNegativeContext, matches } from '../context.js';
import { type Detector, type Finding, finding } from '../types.js';

/** Cheap pre-check: most corpus lines cannot contain this type at all. */
const HINT = /\d{6}/;

const C = '0-9A-HJ-NPQRTUWXY';
// registration authority + organisation type, 6-digit division code, 9-character organisation code, check
const CANDIDATE = new RegExp(`(?<![0-9A-Za-z])[1-9ANY][${C}]\\d{6}[${C}]{9}[${C}](?![0-9A-Za-z])`, 'g');
const LABELS = ['信用代码', '社会信用', 'USCC', '税号', '纳税人识别号', '营业执照'];

/**
 * 统一社会信用代码 (GB 32100-2015), the legal person's public identifier; it identifies sole
 * proprietors (个体工商户) too, so it is reported. All-digit codes must carry a label or pass the
 * check character, since resident ID numbers share their shape.
 */
export const uscc: Detector = {
  type: 'cn-uscc',
  applies: (p) => p.digitRun >= 6 && p.alnumRun >= 18,
  detect(text) {
    const out: Finding[] = [];
    if (!HINT.test(text)) return out;
    for (const m of matches(CANDIDATE, text)) {
      const v = m[0];
      if ([...v].some((ch) => !USCC_CHARS.includes(ch))) continue;
      const labelled = hasContext(text, m.index, LABELS);
      const ok = usccChecksumOk(v);
      const hasLetter = /[A-Z]/.test(v);
      // characters 3–8 are an administrative division code: its province part must exist
      const division = PROVINCE_CODES.has(v.slice(2, 4));
      // an all-digit 18-character number passes the check character one time in 31: an order or
      // tracking number must not pass for a USCC, so without a label it needs a real division code
      // and no order/serial wording before it, and even then it is only "possible"
      let score: number;
      if (!ok) score = labelled ? 0.45 : 0;
      else if (labelled) score = 0.97;
      else if (hasNegativeContext(text, m.index)) score = 0;
      else if (hasLetter) score = division ? 0.97 : 0.6;
      else score = division ? 0.5 : 0;
      if (score <= 0) continue;
      out.push(finding('cn-uscc', text, m.index, m.index + v.length, score));
    }
    return out;
  },
};
