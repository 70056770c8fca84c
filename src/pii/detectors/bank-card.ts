import { luhnOk } from '../checksums.js';
import { hasContext, hasNegativeContext, matches, NUMBER_START } from '../context.js';
import { type Detector, type Finding, finding } from '../types.js';

/** Cheap pre-check: most corpus lines cannot contain this type at all. */
const HINT = /\d{4}/;

// 15–19 digits, plain or in groups of four separated by a space or dash. The (?=\d) in front
// changes no match (every form starts with a digit) but lets the engine skip to digits before it
// tries NUMBER_START's two look-behinds at a position (half this expression's time on news text).
const CANDIDATE = new RegExp(
  `(?=\\d)${NUMBER_START}(?:\\d{15,19}|\\d{4}([ -])\\d{4}\\1\\d{4}\\1\\d{3,7}(?:\\1\\d{1,3})?)(?![0-9A-Za-z])`,
  'g',
);
const LABELS = ['卡号', '银行卡', '信用卡', '储蓄卡', '借记卡', '账号', '帐号', '户名', 'card', 'Card'];

/** Issuer identification prefixes: UnionPay 62/81, Visa, Mastercard, Amex, JCB, Discover, Diners. */
function knownBin(d: string): boolean {
  const two = Number(d.slice(0, 2));
  const four = Number(d.slice(0, 4));
  if (d.startsWith('62') || d.startsWith('81')) return d.length >= 16;
  if (d.startsWith('4')) return d.length === 16 || d.length === 19;
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return d.length === 16;
  if (two === 34 || two === 37) return d.length === 15;
  if (four >= 3528 && four <= 3589) return d.length >= 16;
  if (d.startsWith('6011') || d.startsWith('65')) return d.length >= 16;
  if (two === 36 || two === 38) return d.length >= 14;
  return false;
}

/** Bank cards: Luhn plus a known BIN. A failed Luhn on a labelled UnionPay-looking number is "possible". */
export const bankCard: Detector = {
  type: 'bank-card',
  applies: (p) => p.digits >= 15 && p.digitRun >= 4,
  detect(text) {
    const out: Finding[] = [];
    if (!HINT.test(text)) return out;
    for (const m of matches(CANDIDATE, text)) {
      const digits = m[0].replace(/\D/g, '');
      if (digits.length < 15 || digits.length > 19 || !knownBin(digits)) continue;
      const labelled = hasContext(text, m.index, LABELS);
      const negative = !labelled && hasNegativeContext(text, m.index);
      const luhn = luhnOk(digits);
      const score = luhn ? (negative ? 0 : labelled ? 0.98 : 0.9) : labelled ? 0.5 : 0;
      if (score <= 0) continue;
      out.push(finding('bank-card', text, m.index, m.index + m[0].length, score));
    }
    return out;
  },
};
