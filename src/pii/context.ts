/**
 * Context around a candidate: look-alike numbers (order numbers, ISBNs, timestamps, prices) are
 * recognised by the words just before them; real identifiers are often labelled (身份证, 手机).
 */
const NEGATIVE = [
  '订单',
  '单号',
  '流水',
  '交易号',
  '运单',
  '快递',
  'ISBN',
  'isbn',
  '书号',
  '编号',
  '序列号',
  '时间戳',
  'timestamp',
  '价格',
  '金额',
  '￥',
  '¥',
  '元',
  '版本',
  'version',
  'Order',
  'order',
  'No.',
  'ID:',
  'id=',
  'uid',
  'UID',
];

/** The `window` characters before `start`. */
export const before = (text: string, start: number, window = 12): string =>
  text.slice(Math.max(0, start - window), start);

export const after = (text: string, end: number, window = 6): string => text.slice(end, end + window);

/**
 * A list of words as one expression that matches where any of them stands: one search of the head
 * instead of one per word (the negative list's 27 searches cost four times its one).
 */
const anyOf = (words: readonly string[]): RegExp =>
  new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
const NEGATIVE_ANY = anyOf(NEGATIVE);
/** the detectors' label lists (module constants), each made into its expression once */
const wordsAny = new WeakMap<readonly string[], RegExp>();

export function hasNegativeContext(text: string, start: number, window = 12): boolean {
  return NEGATIVE_ANY.test(before(text, start, window));
}

export function hasContext(text: string, start: number, words: readonly string[], window = 12): boolean {
  if (words.length === 0) return false;
  let re = wordsAny.get(words);
  if (re === undefined) {
    re = anyOf(words);
    wordsAny.set(words, re);
  }
  return re.test(before(text, start, window));
}

/** Strips spaces and dashes: grouped card and phone numbers compare digit for digit. */
export const digitsOnly = (value: string): string => value.replace(/[^0-9Xx]/g, '');

/**
 * Every match of a global regex, with its index (regex must have the g flag). An array, not a
 * generator: the structured detectors run this on most lines, and a generator's object and its
 * iterator results were a good part of what a scan allocates.
 */
export function matches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    out.push(m);
  }
  return out;
}

/**
 * The source of a lookbehind for where an identifier number may start: not after a digit or a
 * letter (SN110101…, order and serial tokens), except right after an e-mail's top-level domain
 * (abc@163.com110101…: an e-mail glued to the number).
 */
export const NUMBER_START = String.raw`(?:(?<![0-9A-Za-z])|(?<=@[A-Za-z0-9.-]{0,253}[A-Za-z0-9]\.[A-Za-z]{2,24}))`;
