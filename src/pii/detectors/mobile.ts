import { hasContext, hasNegativeContext, matches } from '../context.js';
import { type Detector, type Finding, finding } from '../types.js';

/** Cheap pre-check: most corpus lines cannot contain this type at all. */
const HINT = /\d{4}/;

// +86/0086 prefix, then 1[3-9]x and two groups of four, separated consistently by nothing,
// a space or a dash (138 1234 5678, 138-1234-5678).
// Letters may touch the number (13385010655ISBN, Tel13812345678): only digits extend it.
const CANDIDATE = /(?<![0-9+])(?:(?:\+|00)86[\s-]?)?1[3-9]\d(?:\d{8}|( |-)\d{4}\1\d{4})(?![0-9])/g;
const isLatin = (ch: string | undefined) => ch !== undefined && /[A-Za-z]/.test(ch);
/** Inside a hex token after # (our own pseudonyms, [手机号#3f13812345678a]): digits of a hash, not a phone. */
function inHexToken(text: string, start: number): boolean {
  let k = start;
  while (k > 0 && /[0-9a-f]/.test(text[k - 1] ?? '')) k--;
  // no read before the text's start (optimised code doing so is thrown away and compiled again)
  return k > 0 && text[k - 1] === '#';
}
const LABELS = ['手机', '电话', '联系', 'Tel', 'tel', '致电', '拨打', '微信', 'mobile', '热线'];

/** Mainland mobile numbers (11 digits, 13x–19x), optionally with +86/0086 and grouping. */
export const mobile: Detector = {
  type: 'cn-mobile',
  applies: (p) => p.digitRun >= 11 || (p.digits >= 11 && p.digitRun >= 3),
  detect(text) {
    const out: Finding[] = [];
    if (!HINT.test(text)) return out;
    for (const m of matches(CANDIDATE, text)) {
      const prefixed = /^(?:\+|00)86/.test(m[0]);
      const labelled = prefixed || hasContext(text, m.index, LABELS);
      if (!labelled && hasNegativeContext(text, m.index)) continue;
      const end = m.index + m[0].length;
      if (inHexToken(text, m.index)) continue;
      // letters on both sides: more likely a token or hash than a phone written in text
      // (no read outside the text: optimised code doing so is thrown away and compiled again)
      const inToken = m.index > 0 && end < text.length && isLatin(text[m.index - 1]) && isLatin(text[end]);
      if (inToken && !labelled) {
        out.push(finding('cn-mobile', text, m.index, end, 0.55));
        continue;
      }
      out.push(finding('cn-mobile', text, m.index, end, labelled ? 0.97 : 0.9));
    }
    return out;
  },
};
