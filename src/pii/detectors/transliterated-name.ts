import { ByteMask } from '../../util/byte-mask.js';
import type { PiiDictionaries } from '../dictionaries.js';
import { type Finding, finding } from '../types.js';
import { packHan } from '../word-stats.js';
import { codeAt } from './code-at.js';
import { type Cue, codeSet, cueLists } from './code-tables.js';

/**
 * Foreign names written in Chinese characters (伯南克, 扎卡耶夫, 乔什·), beyond what the surname-led
 * reading of person-name.ts finds. A run of transliteration characters is a club, a city or a firm
 * as often as a person (切尔西, 阿纳海姆, 威廉希尔), and the characters alone do not tell them apart,
 * so a run is reported only with something a reviewer can see:
 * - a word right before it that introduces a person (主帅, 画家, 刺杀…: `titles` of name-cues.yaml
 *   and `before` of transliteration.yaml), or right after it that people do (表示, 缺阵, 执教, 的《…);
 * - a name dot at its end (乔什·, the given name of a name cut off), or its Latin spelling in
 *   brackets after it (泰勒（matthewtaylor）);
 * - a Slavic or Georgian surname ending (…维奇, …耶夫, …斯基) on a run of three or more;
 * - a list (、 和 与 及 以及 +) with another name in it, or with a cue beside it.
 * Runs that hold a known place, club or brand (not-names, translit-stop), that are an ordinary word,
 * or that run into a place or organisation word (…岛, …球场, …队) are never names. Pure.
 */
export interface TransliteratedResult {
  /** names found here, in text order */
  added: Finding[];
  /** names found before that lie inside one of them and give way to it (达米恩 in 达米恩·赫斯特) */
  replaced: ReadonlySet<Finding>;
}
/**
 * `hints`: what the caller already knows of the text (MAY_HAVE_DOT: a · • ‧ or ・ may stand in it;
 * MAY_HAVE_LATIN: an ASCII letter may); a pass whose bit is clear skips the text without reading
 * it. Default: both set (the text is searched).
 */
export type TransliteratedNames = (
  text: string,
  found: readonly Finding[],
  hints?: number,
) => TransliteratedResult;
export const MAY_HAVE_DOT = 1;
export const MAY_HAVE_LATIN = 2;

/** `found` with the result applied: the replaced ones out, the added ones in, by start. */
export function mergeInto(found: Finding[], r: TransliteratedResult): void {
  if (r.added.length === 0 && r.replaced.size === 0) return;
  if (r.replaced.size > 0) {
    let k = 0;
    for (const f of found) if (!r.replaced.has(f)) found[k++] = f;
    found.length = k;
  }
  found.push(...r.added);
  found.sort((a, b) => a.start - b.start);
}

/** one cue: `medium` (person-name.ts finds a `medium` name again wherever it recurs in the text) */
const CUE_SCORE = 0.68;
const DOUBLE_CUE_SCORE = 0.86;
const SHAPE_SCORE = 0.66;
/** as person-name.ts scores a dotted run without a cue */
const DOTTED_SCORE = 0.75;
const LIST_SCORE = 0.66;
/** three or more runs in a 、 list, no name or cue among them */
const CHAIN_SCORE = 0.63;
interface Span {
  s: number;
  e: number;
}
const GLOSS_SCORE = 0.74;
const MAX_LETTERS = 10;
/** the longest run of characters and dots read as a name (汉斯·克里斯蒂安·安徒生 is 11) */
const MAX_RUN = 24;

const isHan = (c: number): boolean => c >= 0x4e00 && c <= 0x9fff;
const isLatin = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** · • ‧ ・ - －: a dot between the parts of a name (. and □ only inside one, see isInnerDot) */
const isDot = (c: number): boolean =>
  c === 0xb7 || c === 0x2022 || c === 0x2027 || c === 0x30fb || c === 45 || c === 0xff0d;
const isInnerDot = (c: number): boolean => isDot(c) || c === 46 || c === 0x25a1;
/** · • ‧ ・: a dot that only joins names (not a dash or a full stop) */
const isMiddleDot = (c: number): boolean => c === 0xb7 || c === 0x2022 || c === 0x2027 || c === 0x30fb;
// the codes of the predicates above, for the tables built from them
const MIDDLE_DOT_CODES = [0xb7, 0x2022, 0x2027, 0x30fb];
const DASH_CODES = [45, 0xff0d];
const INNER_DOT_CODES = [...MIDDLE_DOT_CODES, ...DASH_CODES, 46, 0x25a1];
const MIDDLE_DOTS = MIDDLE_DOT_CODES.map((c) => String.fromCharCode(c));
// the classes of a character rightCue asks about, a byte per UTF-16 code (U+FFFF, codeAt's
// outside, in none)
const MIDDLE_DOT = 1;
/** - －: a dot only where more text follows */
const DASH = 2;
/** （ ( */
const OPEN_BRACKET = 4;
/** an ASCII letter */
const LATIN = 8;
/** what goes on with a name after a dot: Han, ASCII or full-width letters and digits */
const GOES_ON = 16;
/** A-Z */
const UPPER = 32;
/** 0-9 */
const DIGIT = 64;
const CHAR_CLASS = ((): Uint8Array => {
  // (by ranges: a loop over every code ran once, cold, and was compiled for it)
  const t = new Uint8Array(0x10000);
  const set = (from: number, to: number, bit: number): void => {
    for (let c = from; c <= to; c++) t[c] = (t[c] as number) | bit;
  };
  for (const c of MIDDLE_DOT_CODES) set(c, c, MIDDLE_DOT);
  for (const c of DASH_CODES) set(c, c, DASH);
  for (const c of [40, 0xff08]) set(c, c, OPEN_BRACKET);
  for (const [from, to] of [
    [65, 90],
    [97, 122],
  ] as const) {
    set(from, to, LATIN);
    set(from, to, GOES_ON);
  }
  set(65, 90, UPPER);
  set(48, 57, DIGIT);
  set(0x4e00, 0x9fff, GOES_ON);
  set(0xff21, 0xff5a, GOES_ON);
  set(48, 57, GOES_ON);
  set(0xff10, 0xff19, GOES_ON);
  return t;
})();
const ANY_MIDDLE_DOT = /[·•‧・]/;
/** a Latin capital or lower-case letter, ASCII or full-width (约翰·Ｃ·雷利) */
const isInitial = (c: number): boolean =>
  isLatin(c) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
/** a Latin-script word or handle (Grubby, filip, TH000): not inside a URL, an e-mail or a longer token */
const LATIN_TOKEN =
  /(?<![A-Za-z0-9_.@/:#'’-])[A-Za-z](?:[A-Za-z]|['’][A-Za-z]){1,19}[0-9]{0,3}(?![A-Za-z0-9_@./'’=-])/g;
/** a run-together Latin full name: a given name and one or two capitalised parts, with a particle */
const FULL_NAME = /^([A-Z][a-z]+)((?:(?:Mc|Mac|O['’]|De|Di|Da|Van|Von|La|Le)?[A-Z][a-z]+){1,2})$/;
/** …led by a known given name, no cue: as person-name.ts scores a given-name-led pair */
const FULL_NAME_SCORE = 0.7;
/** a Latin spelling in brackets, closed or cut off at the end or a comma */
const GLOSS_AFTER = /^[（(]([A-Za-z][A-Za-z .'-]{1,40})(?:[）)]|[，,、])/;
/** the same where the text ends within reach: there an unclosed gloss may run to the end, white space after it aside */
const GLOSS_AT_END = /^[（(]([A-Za-z][A-Za-z .'-]{1,40})(?:[）)]|\s*$|[，,、])/;
/** a Latin token is an acronym: 1-3 capitals, then only digits (/^[A-Z]{1,3}[0-9]*$/: BBC, SPL, IV, TH000) */
export const ACRONYM = 1;
/** …capitals only (/^[A-Z]+$/) */
export const ALL_CAPITALS = 2;
/** …holds a digit (/[0-9]/) */
export const HAS_DIGIT = 4;
/**
 * The shape of the token text[s, e) (a LATIN_TOKEN match: ASCII letters, apostrophes, digits) as
 * ACRONYM | ALL_CAPITALS | HAS_DIGIT bits, by the class table in one loop: readLatin asked three
 * regular expressions of every token (same answers, property-tested).
 */
export function latinTokenShape(text: string, s: number, e: number): number {
  let k = s;
  while (k < e && ((CHAR_CLASS[text.charCodeAt(k)] as number) & UPPER) !== 0) k++;
  const capitals = k - s;
  let digits = 0;
  let other = 0;
  for (; k < e; k++)
    if (((CHAR_CLASS[text.charCodeAt(k)] as number) & DIGIT) !== 0) digits++;
    else other++;
  return (
    (capitals >= 1 && capitals <= 3 && other === 0 ? ACRONYM : 0) |
    (capitals > 0 && k - s === capitals ? ALL_CAPITALS : 0) |
    (digits > 0 ? HAS_DIGIT : 0)
  );
}
/** Latin words beside cues that name nobody */
const LATIN_NOT_NAME = new Set(
  'blog http https www com cn net org html htm php weibo app ios android wifi the and for with from you are not but all can new one ceo cfo cto coo vip mvp nba cba fifa uefa wcg dota dota2 war3 gsl pc tv dvd cd mv ktv id qq msn vs and or of in on at to by'.split(
    ' ',
  ),
);

/** (a longer word is none of them: no lower-case copy of it made to ask) */
const LATIN_NOT_NAME_LONGEST = Math.max(...[...LATIN_NOT_NAME].map((w) => w.length));

const NO_FINDINGS: readonly Finding[] = [];

// the word list's answers for a pair of characters, a bit each (see pairFacts)
const PAIR_TAGGED = 1;
const PAIR_FREQUENT50 = 2;
/** words2 */
const PAIR_WORD = 4;
const PAIR_NAME = 8;
const PAIR_FREQUENT300 = 16;
/** 8192 pairs: 40 KB, in cache */
const PAIR_SLOTS = 8192;
const NO_REPLACED: ReadonlySet<Finding> = new Set();

/** what joins the items of a list of names */
const LIST_JOIN = ['以及', '、', '和', '与', '及', '同', '+', '＋', '/'];

export interface TransliteratedOptions {
  /**
   * false: the list pass runs whenever a plain run or Latin word is left, even with no join beside
   * any (the reference its prefilter is property-tested against; default true)
   */
  listPrefilter?: boolean;
  /**
   * false: readRuns reads every character for a run's start, not every other one between runs (the
   * reference its skip is property-tested against; default true)
   */
  runSkip?: boolean;
  /**
   * slots of the table of the word list's answers by pair of characters (a power of two from 2; 0: none,
   * the sets asked every time, the reference it is property-tested against; default PAIR_SLOTS)
   */
  pairSlots?: number;
}

export function createTransliteratedNames(
  d: PiiDictionaries,
  options: TransliteratedOptions = {},
): TransliteratedNames {
  const listPrefilter = options.listPrefilter ?? true;
  const runSkip = options.runSkip ?? true;
  const pairSlots = options.pairSlots ?? PAIR_SLOTS;
  if (
    !(pairSlots === 0 || (Number.isInteger(Math.log2(pairSlots)) && pairSlots >= 2 && pairSlots <= 1 << 24))
  )
    throw new RangeError(`pairSlots: 0 or a power of two from 2, not ${pairSlots}`);
  const t = d.transliteration;
  if (t === undefined) return () => ({ added: [], replaced: new Set() });
  const cues = d.nameCues;
  const words = d.words;
  // the transliteration characters, a byte per code (read in bounds only: at every character of
  // every text, and in the runs; one table, so one table's worth of cache)
  // (2: a dot that may stand inside a run, see isInnerDot: readRuns' skip reads both in one load)
  const letterTable = new Uint8Array(0x10000);
  for (const c of INNER_DOT_CODES) letterTable[c] = 2;
  for (const ch of cues.translit + t.chars) letterTable[ch.charCodeAt(0)] = 1;
  // beside a name dot, also the characters of common renderings too frequent to start a run (大卫, 伊丽莎白)
  const dottedLetter = codeSet(cues.translit + t.chars + t['dotted-chars']);
  // each cue list's bit in `edges` (see cueLists); 16 bits: room for 16 lists, 11 are made below
  const edges = new Uint16Array(0x10000);
  const cueOf = cueLists(edges, 1);
  const stops = cueOf(
    [...cues['translit-stop'], ...t['not-names']].filter((w) => w.length >= 2),
    false,
  );
  const titles = cueOf([...cues.titles, ...t.before], true);
  const latinTitles = cueOf([...cues.titles, ...t.before, ...t['latin-before']], true);
  const labels = cueOf(cues.before.strong, true);
  const after = cueOf([...cues.speech, ...cues.after.strong, ...t.after], false);
  const placeAfter = cueOf([...cues['org-suffix'], ...t['place-after']], false);
  const endings = cueOf(t['surname-endings'], true);
  const adverbs = cueOf(t.adverbs, false);
  const joins = cueOf(LIST_JOIN, false);
  const fullName = (token: string): boolean => {
    const m = FULL_NAME.exec(token);
    return m !== null && d.latinGivenNames.has(m[1] as string) && (m[2] as string).length >= 3;
  };
  const realName = cueOf(['原名', '本名', '真名', '，原名', '，本名', '，真名'], false);
  const joinsBefore = cueOf(LIST_JOIN, true);

  const endsWith = (cue: Cue, text: string, end: number): number =>
    ((edges[codeAt(text, end - 1)] as number) & cue.bit) === 0 ? 0 : cue.index.longestEndingAt(text, end);
  const startsWith = (cue: Cue, text: string, at: number): number =>
    ((edges[codeAt(text, at)] as number) & cue.bit) === 0 ? 0 : cue.index.longestStartingAt(text, at);
  /** a known place, club or brand starts inside the span (切尔西, 杜莎夫人…: also one that runs past its end) */
  const hasStop = (text: string, s: number, e: number): boolean => {
    for (let k = s; k < e - 1; k++) {
      const n = startsWith(stops, text, k);
      // a two-character one (马里, 罗马) only at the end: 马里奥 and 罗马诺 are names
      if (n >= 3 || (n === 2 && k + 2 >= e)) return true;
    }
    return false;
  };
  /**
   * hasStop for a name that may be dotted: a dotted one only when it is a known firm or place as a
   * whole (威廉·希尔), so that 亚伯拉罕·林肯, 亨利·福特 and 萨尔瓦多·达利 stay names
   */
  const stopped = (text: string, s: number, e: number): boolean => {
    for (let k = s + 1; k < e - 1; k++)
      if (isInnerDot(text.charCodeAt(k))) return startsWith(stops, text, s) === e - s;
    return hasStop(text, s, e);
  };
  // What the word list says of a pair of Han characters (packHan; -1: not two), a bit per set,
  // kept for the last pairs asked in a small table by the pair's hash: the same few thousand pairs
  // (美国, 多达) come back at most runs, where asking the sets took up to five hash probes.
  const pairKeys = new Int32Array(pairSlots).fill(-1);
  const pairValues = new Uint8Array(pairSlots);
  const pairShift = 32 - Math.log2(Math.max(pairSlots, 2));
  const pairFacts = (ab: number): number => {
    if (ab < 0 || words === undefined) return 0;
    const slot = pairSlots === 0 ? 0 : Math.imul(ab, 0x9e3779b1) >>> pairShift;
    if (pairKeys[slot] === ab) return pairValues[slot] as number;
    const f =
      (words.taggedPersons.has(ab) ? PAIR_TAGGED : 0) |
      (words.frequent50.has(ab) ? PAIR_FREQUENT50 : 0) |
      (words.words2.has(ab) ? PAIR_WORD : 0) |
      (words.names.has(ab) ? PAIR_NAME : 0) |
      (words.frequent300.has(ab) ? PAIR_FREQUENT300 : 0);
    if (pairSlots > 0) {
      pairKeys[slot] = ab;
      pairValues[slot] = f;
    }
    return f;
  };
  /** the span is an ordinary word (哈哈, 基本, 东西) or opens with a frequent one (基金…, 本赛…) */
  const ordinary = (text: string, s: number, e: number): boolean => {
    if (words === undefined) return false;
    const a = text.charCodeAt(s);
    const b = text.charCodeAt(s + 1);
    const ab = packHan(a, b);
    // (an entry jieba tags as a foreign name, 科尔, or as a person, 托雷斯, is none, however frequent)
    if (e - s === 2) {
      const f = pairFacts(ab);
      return (
        (f & PAIR_TAGGED) === 0 &&
        ((f & PAIR_FREQUENT50) !== 0 || (f & (PAIR_WORD | PAIR_NAME)) === PAIR_WORD)
      );
    }
    if (e - s === 3) {
      const key = (a * 0x10000 + b) * 0x10000 + text.charCodeAt(s + 2);
      if (words.taggedPersons.has(key)) return false;
      if (words.words3.has(key) && !words.names.has(key)) return true;
    }
    return (pairFacts(ab) & PAIR_FREQUENT300) !== 0;
  };
  /** the span's first character closes a word with the one before it (佛罗伦萨 → no 罗伦萨) */
  const gluedBefore = (text: string, s: number): boolean =>
    words !== undefined &&
    s > 0 &&
    (pairFacts(packHan(text.charCodeAt(s - 1), text.charCodeAt(s))) & PAIR_FREQUENT50) !== 0;
  /** the span's last character opens a frequent word with the next one (加德纳基本 → 加德纳) */
  const gluedAfter = (text: string, e: number): boolean =>
    words !== undefined &&
    e < text.length &&
    (pairFacts(packHan(text.charCodeAt(e - 1), text.charCodeAt(e))) & PAIR_FREQUENT50) !== 0;

  /** the maximal run of transliteration characters (dots inside) from s; its end */
  const runEnd = (text: string, s: number): number => {
    let e = s;
    for (;;) {
      while (e < text.length && letterTable[text.charCodeAt(e)] === 1) e++;
      if (
        e > s &&
        e + 1 < text.length &&
        isInnerDot(text.charCodeAt(e)) &&
        letterTable[text.charCodeAt(e + 1)] === 1
      ) {
        e++;
        continue;
      }
      return e;
    }
  };
  const dotted = (text: string, s: number, e: number): boolean => {
    for (let k = s + 1; k < e - 1; k++) if (isInnerDot(text.charCodeAt(k))) return true;
    return false;
  };
  /** every character a transliteration character or a dot between two (哈利·波特) */
  const allLetters = (text: string, s: number, e: number): boolean => {
    if (e - s < 2) return false;
    for (let k = s; k < e; k++) {
      const c = text.charCodeAt(k);
      if (!dottedLetter.has(c) && !(isInnerDot(c) && k > s && k < e - 1)) return false;
    }
    return true;
  };
  const letters = (text: string, s: number, e: number): number => {
    let n = 0;
    for (let k = s; k < e; k++) if (letterTable[text.charCodeAt(k)] === 1) n++;
    return n;
  };
  /** a clean span: no known place or brand in it, no ordinary word, no place word after it */
  const clean = (text: string, s: number, e: number): boolean => {
    const n = letters(text, s, e);
    if (n < 2 || n > MAX_LETTERS) return false;
    if (hasStop(text, s, e) || ordinary(text, s, e)) return false;
    if (e < text.length && startsWith(after, text, e) === 0 && startsWith(placeAfter, text, e) > 0)
      return false;
    return true;
  };
  /** clean() but for a three-character run that is an entry of the list (not a very frequent word's start) */
  const cleanWord3 = (text: string, s: number, e: number): boolean =>
    !hasStop(text, s, e) &&
    (pairFacts(packHan(text.charCodeAt(s), text.charCodeAt(s + 1))) & PAIR_FREQUENT300) === 0 &&
    !(e < text.length && startsWith(after, text, e) === 0 && startsWith(placeAfter, text, e) > 0);
  const leftCue = (text: string, s: number): boolean => {
    if (s === 0) return false;
    if (endsWith(titles, text, s) > 0) return true;
    let j = s;
    while (j > 0 && s - j < 2 && (text[j - 1] === '：' || text[j - 1] === ':' || text[j - 1] === ' ')) j--;
    return endsWith(labels, text, j) > 0;
  };
  /** right after the span: 1 a cue word, 2 a name dot not followed by more of the name, 3 a Latin gloss */
  const rightCue = (text: string, e: number): number => {
    if (e >= text.length) return 0;
    // (…扮演者, …王子者: the cue word is part of a longer word), after an adverb or two (也表示, 再度因伤)
    for (let at = e, k = 0; k < 3 && at < text.length; k++) {
      const n = startsWith(after, text, at);
      if (n > 0 && codeAt(text, at + n) !== 0x8005) return 1;
      const a = startsWith(adverbs, text, at);
      if (a === 0) break;
      at += a;
    }
    // (every test below runs at every call, by table and arithmetic: a test first reached long after
    // readRuns was optimised has no type feedback, and reaching it threw readRuns' code away)
    const cc = CHAR_CLASS[text.charCodeAt(e)] as number;
    const nc = CHAR_CLASS[codeAt(text, e + 1)] as number;
    // a dot and then no more of the name (乔什·, 凯特·): not a dash (米格－29) at the text's end, not a
    // Latin initial (约翰·Ｃ·) or anything else that goes on with a name
    const dot = (cc & (e + 1 < text.length ? MIDDLE_DOT | DASH : MIDDLE_DOT)) !== 0 ? 1 : 0;
    const more = (nc & GOES_ON) !== 0 ? 1 : 0;
    if (dot > more) return 2;
    // a Latin spelling in brackets
    return ((cc & OPEN_BRACKET) !== 0 ? 1 : 0) + ((nc & LATIN) !== 0 ? 1 : 0) === 2 ? 3 : 0;
  };
  /** what may follow a name that a title alone introduces: no more Han characters of a word (大师梅兰芳) */
  const PARTICLE_AFTER = codeSet('的了在是和与及等也就都将已为被把对从给向还又并均再于曾便却');
  const endsClean = (text: string, e: number): boolean =>
    e >= text.length || !isHan(text.charCodeAt(e)) || PARTICLE_AFTER.has(text.charCodeAt(e));
  /**
   * inside the title of a work (《纳尼亚传奇2：凯斯宾王子》, or its end when the text starts in it):
   * its characters are named, not people. `bracket` is the first 《 or 》 at or after `at` (-1: none).
   */
  const nextBracket = (text: string, at: number): number => {
    // (native searches: most texts hold neither, and a loop in JavaScript read them to the end; each
    // kind searched again only once passed, as `at` only grows between two resetBrackets: a text
    // with many 《…》 is not searched to the next 》 at every 《 and back)
    if (openAt !== -1 && openAt < at) openAt = text.indexOf('《', at);
    if (closeAt !== -1 && closeAt < at) closeAt = text.indexOf('》', at);
    const open = openAt;
    const close = closeAt;
    return open < 0 ? close : close < 0 ? open : Math.min(open, close);
  };
  /**
   * A name joined by a dot (伊丽莎白·泰勒, 大卫•卢森博格, 约翰·Ｃ·雷利): the dotted-name characters on
   * both sides of a · • ‧ ・ (a Latin initial between two dots too), at most 8 each side. Its span or -1.
   */
  const dottedAt = (text: string, d: number): { s: number; e: number } | undefined => {
    let s = d;
    while (s > 0 && d - s < 8 && dottedLetter.has(text.charCodeAt(s - 1))) s--;
    if (d - s < 2) return undefined;
    let e = d;
    for (;;) {
      const from = e + 1;
      let k = from;
      while (k < text.length && k - from < 8 && dottedLetter.has(text.charCodeAt(k))) k++;
      // a Latin initial between dots (约翰·Ｃ·雷利)
      if (
        k === from &&
        k + 1 < text.length &&
        isMiddleDot(text.charCodeAt(k + 1)) &&
        isInitial(text.charCodeAt(k))
      )
        k++;
      if (k === from) break;
      e = k;
      if (!(e + 1 < text.length && isMiddleDot(text.charCodeAt(e)))) break;
    }
    if (e === d) return undefined;
    // the last part gives back a character that opens a word with what follows (马卡罗夫当天, 伊斯特伍德大师)
    const lastDot = Math.max(text.lastIndexOf('·', e - 1), text.lastIndexOf('•', e - 1), d);
    while (e > lastDot + 2 && gluedAfter(text, e)) e--;
    return { s, e };
  };

  /** some span has a list join right after it or right before it */
  const anyJoined = (text: string, spans: readonly Span[]): boolean => {
    for (const p of spans)
      if (startsWith(joins, text, p.e) > 0 || endsWith(joinsBefore, text, p.s) > 0) return true;
    return false;
  };

  // The state of the text being read. The pass is synchronous and never re-entered, so its
  // questions are made once with the detector, not as a dozen closures per text (most texts have no
  // candidate, and the closures, a Set and a typed array each cost more than the answer).
  let cur = '';
  let curFound: readonly Finding[] = NO_FINDINGS;
  let curHints = 0;
  let out: Finding[] = [];
  /** the positions names already cover (found before, or here): one byte a character */
  let covered: Uint8Array = new Uint8Array(0);
  /** covered holds this text's positions (made at the first question: most texts have no candidate) */
  let maskReady = false;
  // (a buffer kept between texts, see ByteMask)
  const coveredBytes = new ByteMask();
  /** the next 《 or 》, found again only once passed (one scan of the text in all); -2: not looked for */
  let bracket = -2;
  /** the next 《 and the next 》 (-1: none; -2: not looked for) */
  let openAt = -2;
  let closeAt = -2;
  const resetBrackets = (): void => {
    bracket = -2;
    openAt = -2;
    closeAt = -2;
  };
  /** curFound by start, made at the first question of the dotted names */
  let sorted: readonly Finding[] = NO_FINDINGS;
  let sortedReady = false;
  let replaced: Set<Finding> | undefined;
  /** the next of each kind of middle dot at or after the last question (-1: none) */
  const dotAt = [-1, -1, -1, -1];

  const mask = (): Uint8Array => {
    if (!maskReady) {
      const n = cur.length;
      covered = coveredBytes.zeroed(n);
      for (const f of curFound) covered.fill(1, f.start, Math.min(f.end, n));
      maskReady = true;
    }
    return covered;
  };
  const taken = (s: number, e: number): boolean => {
    if (curFound.length === 0 && out.length === 0) return false;
    const m = mask();
    // (the buffer may be longer than the text: nothing past its end is covered)
    const end = Math.min(e, cur.length);
    for (let k = s; k < end; k++) if (m[k] === 1) return true;
    return false;
  };
  const add = (s: number, e: number, score: number): void => {
    out.push(finding('person-name', cur, s, e, score));
    mask().fill(1, s, Math.min(e, cur.length));
  };
  const inTitle = (s: number): boolean => {
    if (bracket !== -1 && bracket < s) bracket = nextBracket(cur, s);
    return bracket >= 0 && cur.charCodeAt(bracket) === 0x300b;
  };
  /** its Latin spelling in brackets right after a name ending at e (泰勒（matthewtaylor）, 萨加诺夫斯基（marek) */
  const gloss = (e: number): void => {
    const g = (e + 44 >= cur.length ? GLOSS_AT_END : GLOSS_AFTER).exec(cur.slice(e, e + 44));
    const latin = g?.[1]?.replace(/[ .'-]+$/, '');
    if (latin === undefined || latin.length < 2 || LATIN_NOT_NAME.has(latin.toLowerCase())) return;
    const s = e + 1;
    if (!taken(s, s + latin.length)) add(s, s + latin.length, GLOSS_SCORE);
  };
  const replace = (f: Finding): void => {
    if (replaced === undefined) replaced = new Set();
    replaced.add(f);
  };
  /** the first index of the findings before, by start, starting at or after s (binary search) */
  const firstFrom = (s: number): number => {
    if (!sortedReady) {
      // (they are mostly in order already: then they are their own sorted copy, sort being stable)
      let inOrder = true;
      for (let k = 1; k < curFound.length && inOrder; k++)
        inOrder = (curFound[k - 1] as Finding).start <= (curFound[k] as Finding).start;
      sorted = inOrder ? curFound : [...curFound].sort((a, b) => a.start - b.start);
      sortedReady = true;
    }
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as Finding).start < s) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  /** the name found before that starts at s */
  const foundAt = (s: number): Finding | undefined => {
    // (the index first: firstFrom makes `sorted`)
    const k = firstFrom(s);
    const f = sorted[k];
    return f !== undefined && f.start === s && f.type === 'person-name' ? f : undefined;
  };
  /** the findings inside [s, e), or undefined when one crosses its edges */
  const foundInside = (s: number, e: number): Finding[] | undefined => {
    const lo = firstFrom(s);
    // (any finding starting before s that reaches into the span; findings may nest, so look back)
    for (let k = lo - 1; k >= 0 && k >= lo - 8; k--) if ((sorted[k] as Finding).end > s) return undefined;
    const inside: Finding[] = [];
    for (let k = lo; k < sorted.length && (sorted[k] as Finding).start < e; k++) {
      const f = sorted[k] as Finding;
      if (f.end > e) return undefined;
      inside.push(f);
    }
    return inside;
  };
  /**
   * The first middle dot at or after `from`, -1 when none: each kind searched natively and only
   * again once passed (a text with many · and no • is not searched to its end at every ·).
   */
  const nextDot = (from: number): number => {
    let best = -1;
    for (let k = 0; k < MIDDLE_DOTS.length; k++) {
      let p = dotAt[k] as number;
      if (p >= 0 && p < from) {
        p = cur.indexOf(MIDDLE_DOTS[k] as string, from);
        dotAt[k] = p;
      }
      if (p >= 0 && (best < 0 || p < best)) best = p;
    }
    return best;
  };
  /** a name found before stands in brackets right after e, or 原名/本名/真名 does */
  const realNameAfter = (e: number): boolean => {
    const c = codeAt(cur, e);
    if (c === 0xff08 || c === 40) {
      const inner = foundAt(e + 1);
      const close = inner === undefined ? -1 : codeAt(cur, inner.end);
      return close === 0xff09 || close === 41;
    }
    return startsWith(realName, cur, e) > 0;
  };

  return (text, found, hints = MAY_HAVE_DOT | MAY_HAVE_LATIN) => {
    cur = text;
    curFound = found;
    curHints = hints;
    out = [];
    maskReady = false;
    resetBrackets();
    sortedReady = false;
    replaced = undefined;
    try {
      readText();
      out.sort((a, b) => a.start - b.start);
      return { added: out, replaced: replaced ?? NO_REPLACED };
    } finally {
      // (no reference to the text kept past its scan)
      cur = '';
      curFound = NO_FINDINGS;
      sorted = NO_FINDINGS;
      out = [];
    }
  };

  // One text's reading in four parts, each its own function: TurboFan compiles (and, after a
  // deoptimisation in one of them, recompiles) each alone, not one function of all four.
  function readText(): void {
    /** candidate spans that are clean but have no cue of their own: for the list pass */
    const plain: Span[] = [];
    readDotted();
    readRuns(plain);
    readLatin(plain);
    // every list rule needs a join right after a plain run or right before it (a chain's 、 is one):
    // without one the list pass can add nothing, and its maps are not built
    if (plain.length > 0 && (!listPrefilter || anyJoined(cur, plain))) readLists(plain);
  }

  function readDotted(): void {
    const text = cur;
    const found = curFound;
    // names joined by a middle dot first: they may replace shorter readings inside them (达米恩 of
    // 达米恩·赫斯特, read after 艺术家 as a bare given name)
    // what was found before and is no person: a transliterated name inside the title of a work
    // (《哈利·波特与魔法石》, 《萨维奇一家》: a character), one that holds a firm or place
    // (威廉·希尔) or stands before a place word (阿里·萨米扬球场, 盖蒂信托), or a word that names
    // nobody read in brackets after a name (聂远（blog）)
    for (const f of found) {
      if (f.type !== 'person-name') continue;
      if (
        isLatin(f.value.charCodeAt(0)) &&
        f.value.length <= LATIN_NOT_NAME_LONGEST &&
        LATIN_NOT_NAME.has(f.value.toLowerCase())
      )
        replace(f);
      else if (
        allLetters(text, f.start, f.end) &&
        (stopped(text, f.start, f.end) ||
          inTitle(f.start) ||
          (startsWith(placeAfter, text, f.end) > 0 && startsWith(after, text, f.end) === 0))
      )
        replace(f);
    }
    resetBrackets();
    if ((curHints & MAY_HAVE_DOT) !== 0 && ANY_MIDDLE_DOT.test(text)) {
      for (let k = 0; k < MIDDLE_DOTS.length; k++) dotAt[k] = text.indexOf(MIDDLE_DOTS[k] as string);
      for (let d = nextDot(1); d > 0 && d < text.length - 1; d = nextDot(d + 1)) {
        if (!dottedLetter.has(text.charCodeAt(d - 1))) continue;
        const span = dottedAt(text, d);
        if (span === undefined) continue;
        const { s, e } = span;
        d = e;
        if (inTitle(s) || stopped(text, s, e)) continue;
        // what was found across its edges stays; what lies inside it gives way (the dotted names do
        // not overlap each other: d moves past each)
        const inside = foundInside(s, e);
        if (inside === undefined) continue;
        if (inside.length === 1 && inside[0]?.start === s && inside[0]?.end === e) continue;
        for (const f of inside) replace(f);
        add(s, e, DOTTED_SCORE);
      }
    }
  }

  function readRuns(plain: Span[]): void {
    const text = cur;
    resetBrackets();
    for (let i = 0; i < text.length; ) {
      // (i only lands on a letter that starts a run: after a run it moves to the run's end)
      if (letterTable[text.charCodeAt(i)] !== 1) {
        // what a run of one letter leads to is nothing, and a run of two or more holds one of any two
        // characters in a row, all letters or dots: so only every other character is read until one
        // is (i + 1, i + 3…), and the reading goes on from the one before it (a run there starts
        // there: one starting before it would hold a character read and passed)
        let q = i + 1;
        if (runSkip) while (q < text.length && letterTable[text.charCodeAt(q)] === 0) q += 2;
        i = q - 1 > i ? q - 1 : i + 1;
        continue;
      }
      const end = runEnd(text, i);
      // a run far longer than any name (哈哈哈… of a post) is none, and would cost its length squared
      if (end - i > MAX_RUN) {
        i = end;
        continue;
      }
      // (a two-character run that is an ordinary word, 美国 or 多达, is the commonest case: ruled out first)
      if (
        !(
          end - i < 2 ||
          (end - i === 2 && ordinary(text, i, end)) ||
          taken(i, end) ||
          gluedBefore(text, i) ||
          inTitle(i)
        )
      )
        readRun(text, i, end, plain);
      i = Math.max(end, i + 1);
    }
  }

  /**
   * The run [i, end) that readRuns leaves (one in ten): its reading. A function of its own, not
   * inlined (too large), so that a rare branch first taken late (a type-feedback deoptimisation)
   * recompiles this one, not readRuns' loop over every character.
   */
  function readRun(text: string, i: number, end: number, plain: Span[]): void {
    // (the reading found as two numbers, not an object: the rare branches that set it then need no
    // property feedback, whose absence deoptimised readRuns)
    let bestE = -1;
    let bestScore = 0;
    const left = leftCue(text, i);
    // the longest reading with a cue after it (索斯盖特拿了 has none at 拿; 托雷斯再度 has 再度?)
    for (let e = end; e >= i + 2 && bestE < 0; e--) {
      if (isInnerDot(text.charCodeAt(e - 1))) continue;
      // the cue first: most runs have none, and clean() is the dearer test
      const r = rightCue(text, e);
      // (a three-character entry of jieba's list is read as a name before a word people do: the list
      // tags 奥巴马 and 加拉斯 as places; the known places and clubs are in not-names)
      if (r === 0 || !(clean(text, i, e) || (r === 1 && e - i === 3 && cleanWord3(text, i, e)))) continue;
      if (e < end && r === 1 && gluedAfter(text, e)) continue;
      bestE = e;
      bestScore = r === 3 ? GLOSS_SCORE : left ? DOUBLE_CUE_SCORE : CUE_SCORE;
    }
    // without a cue after it, a run needs a dot, a title, a surname ending or a list beside it
    if (
      bestE < 0 &&
      (left ||
        dotted(text, i, end) ||
        endsWith(endings, text, end) > 0 ||
        startsWith(joins, text, end) > 0 ||
        endsWith(joinsBefore, text, i) > 0) &&
      clean(text, i, end) &&
      !gluedAfter(text, end)
    ) {
      const n = letters(text, i, end);
      if (dotted(text, i, end) && n >= 3) {
        bestE = end;
        bestScore = DOTTED_SCORE;
      } else if (left && endsClean(text, end)) {
        bestE = end;
        bestScore = CUE_SCORE;
      }
      // a Slavic or Georgian surname ending (扎卡耶夫, 乔沃维奇): a name wherever it stands
      else if (n >= 3 && endsWith(endings, text, end) > 0) {
        bestE = end;
        bestScore = SHAPE_SCORE;
      } else plain.push({ s: i, e: end });
    }
    if (bestE >= 0) {
      add(i, bestE, bestScore);
      gloss(bestE);
    }
  }

  /** the Latin glosses and names; the plain Latin words go to `plain` after the Han runs */
  function readLatin(plain: Span[]): void {
    const text = cur;
    const found = curFound;
    // the Latin spelling in brackets after a name the older rules found, cut off at the end of the
    // text or a comma (签证官江德力（charles): theirs needs the closing bracket
    // (the bracket first: the cheapest test, and the one that fails at nearly every name)
    for (const f of found)
      if (
        (codeAt(text, f.end) === 0xff08 || codeAt(text, f.end) === 40) &&
        f.type === 'person-name' &&
        !/[A-Za-z]/.test(f.value)
      )
        gloss(f.end);
    // Latin-script names and handles: after a role (解说BBC, 高手IdrA) with nothing glued after them
    if ((curHints & MAY_HAVE_LATIN) !== 0 && /[A-Za-z]{2}/.test(text)) {
      LATIN_TOKEN.lastIndex = 0;
      for (let m = LATIN_TOKEN.exec(text); m !== null; m = LATIN_TOKEN.exec(text)) {
        const s = m.index;
        const e = s + m[0].length;
        if (taken(s, e) || (m[0].length <= LATIN_NOT_NAME_LONGEST && LATIN_NOT_NAME.has(m[0].toLowerCase())))
          continue;
        // a handle with the real name after it (Rock(李学洋), Nada原名李允烈): even an acronym
        if (realNameAfter(e)) {
          add(s, e, CUE_SCORE);
          continue;
        }
        // an acronym (BBC, SPL, IV) is no name, and a list item needs four letters (not ssp)
        const shape = latinTokenShape(text, s, e);
        if ((shape & ACRONYM) !== 0) continue;
        if (endsWith(latinTitles, text, s) > 0 && (endsClean(text, e) || rightCue(text, e) === 1))
          add(s, e, CUE_SCORE);
        // a known given name and a surname written together, with a Mc/O'/Van… particle or a third
        // part the older rules do not read (GrahamMcTavish, BrendanO’Connor, JohnRonaldTolkien)
        // (FULL_NAME opens with a capital and holds five letters or more)
        else if (e - s >= 5 && ((CHAR_CLASS[text.charCodeAt(s)] as number) & UPPER) !== 0 && fullName(m[0]))
          add(s, e, FULL_NAME_SCORE);
        else if (e - s >= 4 && (shape & (ALL_CAPITALS | HAS_DIGIT)) === 0) plain.push({ s, e });
      }
    }
  }

  // lists: a plain run joined to a name (found here or before) by 、 和 与 及 以及 + is one too;
  // a sweep forward and one back carry it along a list in either direction (linear in the text)
  function readLists(plain: Span[]): void {
    const text = cur;
    const found = curFound;
    plain.sort((a, b) => a.s - b.s);
    const byEnd = new Map<number, number>();
    const byStart = new Map<number, number>();
    for (const f of [...found, ...out]) {
      if (f.type !== 'person-name' || f.score < 0.6) continue;
      byEnd.set(f.end, f.start);
      byStart.set(f.start, f.end);
    }
    const listed = new Set<number>();
    // three or more runs in a row joined by 、 (布丰、格罗索、马特拉齐), none a place or a word: a
    // list of people with nothing else beside it
    for (let k = 0; k < plain.length; ) {
      let m = k;
      while (
        m + 1 < plain.length &&
        (plain[m + 1] as Span).s === (plain[m] as Span).e + 1 &&
        text.charCodeAt((plain[m] as Span).e) === 0x3001
      )
        m++;
      if (m - k >= 2 && plain.slice(k, m + 1).every((p) => isHan(text.charCodeAt(p.s))))
        for (let q = k; q <= m; q++) {
          const p = plain[q] as Span;
          if (taken(p.s, p.e)) continue;
          add(p.s, p.e, CHAIN_SCORE);
          byEnd.set(p.e, p.s);
          byStart.set(p.s, p.e);
          listed.add(q);
        }
      k = m + 1;
    }
    for (let k = 0; k < plain.length; k++) {
      const p = plain[k] as { s: number; e: number };
      const j = endsWith(joinsBefore, text, p.s);
      if (j > 0 && byEnd.has(p.s - j) && !taken(p.s, p.e)) {
        add(p.s, p.e, LIST_SCORE);
        byEnd.set(p.e, p.s);
        byStart.set(p.s, p.e);
        listed.add(k);
      }
    }
    for (let k = plain.length - 1; k >= 0; k--) {
      const p = plain[k] as { s: number; e: number };
      const j = startsWith(joins, text, p.e);
      if (!listed.has(k) && j > 0 && byStart.has(p.e + j) && !taken(p.s, p.e)) {
        add(p.s, p.e, LIST_SCORE);
        byStart.set(p.s, p.e);
      }
    }
  }
}
