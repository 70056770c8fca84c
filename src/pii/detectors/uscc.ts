import { USCC_CHARS, usccChecksumOk } from '../checksums.js';
import { hasContext, matches } from '../context.js';
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
  detect(text) {
    const out: Finding[] = [];
    if (!HINT.test(text)) return out;
    for (const m of matches(CANDIDATE, text)) {
      const v = m[0];
      if ([...v].some((ch) => !USCC_CHARS.includes(ch))) continue;
      const labelled = hasContext(text, m.index, LABELS);
      const ok = usccChecksumOk(v);
      const hasLetter = /[A-Z]/.test(v);
      const score = ok ? (hasLetter || labelled ? 0.97 : 0.7) : labelled ? 0.45 : 0;
      if (score <= 0) continue;
      out.push(finding('cn-uscc', text, m.index, m.index + v.length, score));
    }
    return out;
  },
};
