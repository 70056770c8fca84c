import { ByteMask } from '../../util/byte-mask.js';
import { intSet } from '../../util/int-set.js';
import type { PiiDictionaries } from '../dictionaries.js';
import { type Detector, type Finding, finding } from '../types.js';
import { pack3, packHan } from '../word-stats.js';
import { codeAt } from './code-at.js';
import { type Cue, codeSet, cueLists, WordIndex } from './code-tables.js';
import { createTransliteratedNames, MAY_HAVE_DOT, MAY_HAVE_LATIN, mergeInto } from './transliterated-name.js';

const HAN = 1;
const SURNAME = 2;
const STOP = 4;
const GIVEN = 8;
const TRANSLIT = 16;
const AMBIGUOUS = 32;
const SINGLE = 64;
const SOFT_STOP = 128;
/** the last character of a by-line title (记者, 网友…) */
const BYLINE_END = 256;
/** a character that ends a place or clan (村, 庄, 氏…) */
const PLACE_END = 512;
/** the first character of a form of address (王姐, 米大夫) or of an organisation word of two or more (基金) */
const FORM_OR_ORG_HEAD = 1024;
/**
 * a Han character before a candidate at which leftScore is 0, and one after a candidate at which
 * rightScore is 0 (see leftZero below; bits 28 and 29, above the cue lists' bits)
 */
const LEFT_ZERO = 1 << 28;
const RIGHT_ZERO = 1 << 29;
/**
 * the first character of a compound surname (慕 of 慕容), a particle after a name (的, 在, 了…), one
 * before a name (由, 请, 对…), a function word inside a name of three (之, 以, 其…): bits 24 to 27 of
 * `flags`, which every question at a candidate reads anyway, where each was a table of 64 KB of its
 * own (a cache line more per question at a candidate; the cue lists' bits stop below bit 24)
 */
const COMPOUND_HEAD = 1 << 24;
const PARTICLE_AFTER = 1 << 25;
const PARTICLE_BEFORE = 1 << 26;
const MIDDLE_FUNCTION = 1 << 27;

/** Words indexed by the code of their first (or last) character: one probe per text position. */

const MIN_SCORE = 0.6;
const SURNAME_CAP = 3;
const GIVEN_CAP = 3;
const WORD_PENALTY = 6;
const PREFIX_PENALTY = 2;
const GLUE_PENALTY = 3;
const BARE_FLOOR = 3.5;
const NO_CUE_FLOOR = 3;
const AMBIGUOUS_FLOOR = 5;
const SOFT_FLOOR = 3.5;
const SUFFIX_FLOOR = 3.5;
const KNOWN_SCORE = 0.65;
const RECUR_FLOOR = 0.6;
const GIVEN_AGAIN_SCORE = 0.6;
const LIST_AMBIGUOUS_FLOOR = 4;
const LIST_FLOOR = 2;
const GIVEN_LIKE = 1.5;
const NO_CUE_BASE = 0.4;
const WEAK_BONUS = 0.28;
const NO_CUE_MAX = 0.84;
const LEFT_CUE = 0.45;
const RIGHT_CUE = 0.35;
const BLOCKED = -1;
const LIST_SCORE = 0.7;
const LATIN_PAIR_SCORE = 0.75;
const TITLED_GIVEN_SCORE = 0.65;
/** reading(): this reading is none / no reading at this surname is a name */
const NO_READING = -1;
const GIVE_UP = -2;
const BYLINE_TITLES = [
  '记者',
  '通讯员',
  '实习生',
  '网友',
  '编辑',
  '作家',
  '画家',
  '艺术家',
  '歌手',
  '主持人',
  '摄影',
  '作者',
];
const LATIN_ALONE_SCORE = 0.62;
const GLOSS_SCORE = 0.75;
const GLOSS = /[（(]([A-Za-z][A-Za-z .'-]{1,40}[A-Za-z])[）)]/g;
/** 、 和 与 及: between the names of a list */
const LIST_SEP = codeSet('、和与及');
/** what ends a list item */
const LIST_END = codeSet('、，。；：和与及等的也都在是');
const isDigitCode = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
const isHanCode = (c: number): boolean => c >= 0x4e00 && c <= 0x9fff;
/** · • ‧ ・ - － . □: the separators inside a transliterated name (. and □ stand for a lost · in web text) */
const isNameDot = (c: number): boolean =>
  c === 0xb7 ||
  c === 0x2022 ||
  c === 0x2027 ||
  c === 0x30fb ||
  c === 45 ||
  c === 0xff0d ||
  c === 46 ||
  c === 0x25a1;
/** ：, :, or white space between a label and the name (姓名：张三) */
const isLabelGap = (c: number): boolean => c === 0xff1a || c === 58 || c === 32 || c === 9 || c === 0x3000;
/**
 * characters of modern simplified prose (的, 了, and the pronouns and particles of modern speech:
 * 你, 她, 啊, 吧, 很…) and of classical/traditional text (之, 於, 們…), by UTF-16 code
 */
const MODERN_CHAR = 1;
const CLASSICAL_CHAR = 2;
const SCRIPT = new Uint8Array(0x10000);
for (const ch of '的了们这吗呢么说个你她您啊呀吧哦嘛啦哈嗯噢呵咋啥俺咱很')
  SCRIPT[ch.charCodeAt(0)] = MODERN_CHAR;
for (const ch of '之乎也矣焉曰於與兮爲為們這個說國東書長門時會寧詩將無來對還從後發經過開關問題見愛聽現實學覺頭處變體點樣風雲龍鳥馬魚車聲歸舊間萬華義')
  SCRIPT[ch.charCodeAt(0)] = CLASSICAL_CHAR;
/**
 * 之 and 也 are classical unless a modern word starts with them (之后, 之一, 也是, 也有): modern
 * prose uses those all the time, and a short modern sentence holding one and no 的 lost the word
 * statistics; marked by the character after them
 */
const ZHI_YE = 5;
SCRIPT[0x4e4b] = ZHI_YE;
SCRIPT[0x4e5f] = ZHI_YE;
/** the characters after 之 (1) and after 也 (2) that make a modern word with it */
const MODERN_AFTER_ZHI_YE = new Uint8Array(0x10000);
for (const ch of '后前一间际类余初') MODERN_AFTER_ZHI_YE[ch.charCodeAt(0)] = 1;
for (const ch of '是有在没会要能可就都很还将许曾已被把让从正')
  MODERN_AFTER_ZHI_YE[ch.charCodeAt(0)] = (MODERN_AFTER_ZHI_YE[ch.charCodeAt(0)] ?? 0) | 2;
/** ( and （ (a glossed name), A–Z (a Latin name), in the same table */
const PAREN_CHAR = 3;
const UPPER_CHAR = 4;
SCRIPT[0x28] = PAREN_CHAR;
SCRIPT[0xff08] = PAREN_CHAR;
for (let c = 65; c <= 90; c++) SCRIPT[c] = UPPER_CHAR;
/** a–z (a lower-case Latin name) and · • ‧ ・ (a dotted transliteration), in the same table */
const LOWER_CHAR = 6;
const DOT_CHAR = 7;
for (let c = 97; c <= 122; c++) SCRIPT[c] = LOWER_CHAR;
for (const ch of '·•‧・') SCRIPT[ch.charCodeAt(0)] = DOT_CHAR;
export const READS_MODERN = 1;
export const HAS_PAREN = 2;
export const HAS_UPPER = 4;
export const HAS_LOWER = 8;
export const HAS_MIDDLE_DOT = 16;
/**
 * What the whole text says, in one table lookup per code unit (it was four passes: this, two
 * indexOf and a regex). READS_MODERN: modern simplified Chinese, i.e. no classical/traditional
 * character, or a modern one and at most one classical (an expression with a backtracking
 * `[…][\s\S]*[…]` cost more than the whole name search on long lines); HAS_PAREN: a ( or （;
 * HAS_UPPER: an ASCII capital; HAS_LOWER: an ASCII lower-case letter; HAS_MIDDLE_DOT: · • ‧ or ・
 * (the Latin and dotted-name passes skip a text without, instead of a regex over it each).
 */
export function textFacts(text: string): number {
  return scanText(text, SCRIPT, NO_STOPS);
}

/** the bit of a scanText table that marks a character the caller wants the positions of */
const STOP_CHAR = 8;
const NO_STOPS: { at: Int32Array; count: number } = { at: new Int32Array(0), count: 0 };

/**
 * textFacts by a table that is SCRIPT with STOP_CHAR on some characters, whose positions it
 * writes to `stops` (its array at least as long as the text): the name detector's main loop then
 * visits those positions only, where it read a table of its own at every character, a second
 * pass over the text.
 */
function scanText(text: string, table: Uint8Array, stops: { at: Int32Array; count: number }): number {
  let modernSeen = false;
  let classical = 0;
  let facts = 0;
  let count = 0;
  const at = stops.at;
  for (let i = 0; i < text.length; i++) {
    let k = table[text.charCodeAt(i)] ?? 0;
    if (k === 0) continue;
    if (k >= STOP_CHAR) {
      at[count++] = i;
      k -= STOP_CHAR;
      if (k === 0) continue;
    }
    if (k === MODERN_CHAR) modernSeen = true;
    else if (k === CLASSICAL_CHAR) classical++;
    else if (k === ZHI_YE) {
      const want = text.charCodeAt(i) === 0x4e4b ? 1 : 2;
      if (((MODERN_AFTER_ZHI_YE[codeAt(text, i + 1)] ?? 0) & want) !== 0) modernSeen = true;
      // (也 before another verb, 也表示, 也不, is modern as often: only a closing 也, 何也。, is classical)
      else if (want === 1 || !isHanCode(codeAt(text, i + 1))) classical++;
    } else
      facts |=
        k === PAREN_CHAR
          ? HAS_PAREN
          : k === UPPER_CHAR
            ? HAS_UPPER
            : k === LOWER_CHAR
              ? HAS_LOWER
              : HAS_MIDDLE_DOT;
  }
  stops.count = count;
  return facts | (classical === 0 || (classical < 2 && modernSeen) ? READS_MODERN : 0);
}
const LATIN_WORD = /(?<![A-Za-z0-9_.@-])[A-Z][a-z]{2,14}(?: ?[A-Z][a-z]{1,14})?(?![A-Za-z0-9_@-])/g;
const LATIN_LOWER = /(?<![A-Za-z0-9_.@/:#-])[a-z]{3,20}(?![A-Za-z0-9_@./-])/g;
/** lower-case Latin words that stand beside cues but name nobody (blog, http…) */
const LATIN_NOT_NAME = new Set(
  'blog http https www com cn net org html weibo app wifi the and for with from you are not but all can new one'.split(
    ' ',
  ),
);
const LATIN_IN_PARENS = /^[（(]([A-Za-z][A-Za-z .'-]{1,40}[A-Za-z])[）)]/;

/**
 * Person names in running text, by dictionary and context (no statistical model):
 * - Chinese names: a surname (data/pii/surnames.txt) and one or two given-name characters, scored by
 *   what stands around them: a title or role right before (记者唐曜华, 副局长张涛, 总裁沈东军), a
 *   verb of speech right after (…认为, …表示), punctuation or a particle, and how name-like the given
 *   characters are. A candidate that continues a common word (公司执行 → 司执行, 共和党国 → 党国) or
 *   runs into an organisation or place suffix (…公司, …路) is no name. Surname characters that are
 *   mostly function words (和, 同, 高…) need a title or speech cue.
 * - Transliterated and minority names: runs of transliteration characters, joined by · (阿卜杜拉·艾尼瓦尔,
 *   约翰·摩尔), or undotted with a title or speech cue (主帅瓜迪奥拉表示); known places/teams are skipped.
 * - A Latin name in brackets right after a name found (伊桑·科恩（Ethan Coen）).
 * - A name found with good context is found again wherever it recurs in the same text.
 * Scores: a title/label cue plus a speech cue or clear boundary → high; one cue → medium.
 */
export interface PersonNameOptions {
  /**
   * false: the context scores (leftScore, rightScore) are read in full at every candidate, without
   * the tables by the neighbouring character that answer 0 at once where no cue can stand (the
   * reference the prefilters are property-tested against; default true)
   */
  prefilters?: boolean;
}

export function createPersonName(d: PiiDictionaries, options: PersonNameOptions = {}): Detector {
  const prefilters = options.prefilters ?? true;
  const cues = d.nameCues;
  // (32 bits: the low ones above, then one bit per cue list, see cueOf)
  const flags = new Uint32Array(0x10000);
  for (let c = 0x4e00; c <= 0x9fff; c++) flags[c] = HAN;
  for (const s of d.surnames) {
    const c = s.charCodeAt(0);
    flags[c] = (flags[c] ?? 0) | SURNAME | (s.length === 1 ? SINGLE : 0);
  }
  const setFlag = (chars: string, f: number) => {
    for (const ch of chars) if (!/\s/.test(ch)) flags[ch.charCodeAt(0)] = (flags[ch.charCodeAt(0)] ?? 0) | f;
  };
  setFlag(cues.stop, STOP);
  setFlag(cues['soft-stop'], SOFT_STOP);
  setFlag(cues['place-end'], PLACE_END);
  setFlag([...d.givenNameChars].join(''), GIVEN);
  setFlag(cues.translit, TRANSLIT);
  setFlag(cues['ambiguous-surnames'], AMBIGUOUS);
  const compound = new Set(d.surnames.filter((x) => x.length === 2));
  const transliterated = createTransliteratedNames(d);
  // each cue list's bit in `flags` (see cueLists): the flags of a position are read anyway, and the
  // several lists probed there (rightScore asks four) are ruled out by that one read; bits 11 to 23
  // stay small integers: room for 13 lists, 13 are made below (bits 24 to 29 are the other flags)
  const cueOf = cueLists(flags, 1 << 11);
  const titles = cueOf(cues.titles, true);
  // the titles a bare given name or pen name follows (记者晓风, 网友艳妮): by-lines and authors
  const bylines = cueOf(BYLINE_TITLES, true);
  // (not 主持人: a host's line goes on with what the host says, 主持人：谢谢…)
  const bylineLabels = cueOf(
    BYLINE_TITLES.filter((t) => t !== '主持人'),
    true,
  );
  for (const t of BYLINE_TITLES)
    flags[t.charCodeAt(t.length - 1)] = (flags[t.charCodeAt(t.length - 1)] ?? 0) | BYLINE_END;
  const titlesAhead = cueOf(cues.titles, false);
  const addressForms = cueOf(cues['address-forms'], false);
  for (const w of [...cues['address-forms'], ...cues['org-suffix'].filter((x) => x.length >= 2)])
    flags[w.charCodeAt(0)] = (flags[w.charCodeAt(0)] ?? 0) | FORM_OR_ORG_HEAD;
  const labels = cueOf(cues.before.strong, true);
  const conj = cueOf(cues.before.weak, true);
  const speech = cueOf([...cues.speech, ...cues.after.strong, ...cues.after.weak], false);
  const orgSuffix = cueOf(cues['org-suffix'], false);
  // the titles after a name (先生, 女士, 经理…)
  const titlesAfter = cueOf(cues.after.strong, false);
  // adverbs between a name and its speech word (transliteration.yaml's list: 也, 同时, 再度…)
  const adverbs = cueOf(d.transliteration?.adverbs ?? [], false);
  const regions = cueOf(d.regions, false);
  const wordBefore = cueOf(cues['word-before'], true);
  // (with the longer places, clubs and firms of transliteration.yaml: 威廉希尔, 阿纳海姆)
  const translitStop = [
    ...cues['translit-stop'],
    ...(d.transliteration?.['not-names'] ?? []).filter((w) => w.length >= 3),
  ];
  const codes = codeSet;
  const ADDRESS_BEFORE = codes('省市县区镇乡村路街道巷号楼栋');
  setFlag('的在是和与及等也就曾将已为、都还又被把向对从到给让并却均再于了', PARTICLE_AFTER);
  // function words that are soft stops: never the middle (之 too) or the end of a relaxed reading
  const FUNCTION_WORD = codes('以为其于则即所且');
  setFlag('之以为其于则即所且', MIDDLE_FUNCTION);
  // words that commonly stand right before a name inside a sentence (曼联的罗西, 由姚仕宪, 请杨熙)
  setFlag('的由给以将拿请问被让对向把据是为跟找见叫令派邀和与及、同', PARTICLE_BEFORE);
  // words as numbers (UTF-16 codes packed), so the hot path compares without building strings
  const key2 = (a: number, b: number) => a * 0x10000 + b;
  const key3 = (a: number, b: number, c: number) => (a * 0x10000 + b) * 0x10000 + c;
  // (the two-character words of Han characters by packHan: small integers, a table of 32-bit
  // slots; any other pair, which no caller's Han candidate holds, in a table of its own)
  const common2Keys: number[] = [];
  const common2OtherKeys: number[] = [];
  const common3Keys: number[] = [];
  for (const w of d.commonWords) {
    if (w.length === 2) {
      const h = packHan(w.charCodeAt(0), w.charCodeAt(1));
      if (h >= 0) common2Keys.push(h);
      else common2OtherKeys.push(key2(w.charCodeAt(0), w.charCodeAt(1)));
    } else if (w.length === 3) common3Keys.push(key3(w.charCodeAt(0), w.charCodeAt(1), w.charCodeAt(2)));
  }
  const common2 = intSet(common2Keys);
  const common2Other = intSet(common2OtherKeys);
  const common3 = intSet(common3Keys);
  const isCommon = (text: string, i: number, e: number): boolean => {
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    const h = packHan(a, b);
    if (h >= 0 ? common2.has(h) : common2Other.size > 0 && common2Other.has(key2(a, b))) return true;
    return e - i >= 3 && common3.has(key3(a, b, text.charCodeAt(i + 2)));
  };
  const common3At = (text: string, i: number): boolean =>
    common3.has(key3(text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2)));
  const compound2 = intSet([...compound].map((w) => key2(w.charCodeAt(0), w.charCodeAt(1))));
  // the first characters of compound surnames: most surname characters start none (the flags of
  // the character, read anyway)
  for (const w of compound) flags[w.charCodeAt(0)] = (flags[w.charCodeAt(0)] ?? 0) | COMPOUND_HEAD;
  const isCompound = (text: string, i: number): boolean =>
    ((flags[codeAt(text, i)] ?? 0) & COMPOUND_HEAD) !== 0 &&
    compound2.has(key2(codeAt(text, i), codeAt(text, i + 1)));
  // (only words of 2 to 6 characters are looked for)
  const stopWords = new WordIndex(
    translitStop.filter((w) => w.length >= 2 && w.length <= 6),
    false,
  );
  /** a known place/team/brand inside a transliterated run (意大利, 巴塞罗那) */
  const hasTranslitStop = (v: string): boolean => {
    for (let a = 0; a < v.length; a++) if (stopWords.startsAt(v, a)) return true;
    return false;
  };

  // these run at every surname character of every line: the index compares only the words that
  // share the two characters at the edge (see WordIndex)
  const endsAt = (cue: Cue, text: string, end: number): boolean =>
    ((flags[codeAt(text, end - 1)] as number) & cue.bit) !== 0 && cue.index.longestEndingAt(text, end) > 0;
  const startsAt = (cue: Cue, text: string, at: number): boolean =>
    ((flags[codeAt(text, at)] as number) & cue.bit) !== 0 && cue.index.longestStartingAt(text, at) > 0;
  /** the length of the longest word of the list starting at `at` (0: none) */
  const longestAt = (cue: Cue, text: string, at: number): number =>
    ((flags[codeAt(text, at)] as number) & cue.bit) === 0 ? 0 : cue.index.longestStartingAt(text, at);
  // Scores are plain numbers (no objects on the hot path): LEFT_CUE / RIGHT_CUE mark a cue.
  /** Context before a candidate starting at i: 0.45 title/label, 0.15 boundary or conjunction, 0.1 particle, 0 inside text. */
  const leftScore = (text: string, i: number): number => {
    if (i === 0) return 0.15;
    if (prefilters && i > 0 && ((flags[codeAt(text, i - 1)] as number) & LEFT_ZERO) !== 0) return 0;
    if (endsAt(titles, text, i)) return LEFT_CUE;
    let j = i;
    while (j > 0 && j > i - 2 && isLabelGap(text.charCodeAt(j - 1))) j--;
    // (a by-line before a colon is a label too: 作者：…, 记者: …)
    if (endsAt(labels, text, j) || (j < i && endsAt(bylineLabels, text, j))) return LEFT_CUE;
    if (!isHanCode(text.charCodeAt(i - 1))) return 0.15;
    if (endsAt(conj, text, i)) return 0.15;
    if (((flags[text.charCodeAt(i - 1)] ?? 0) & PARTICLE_BEFORE) !== 0) return 0.1;
    return 0;
  };
  /** Context after a candidate ending at e: 0.35 speech verb or title after, 0.2 boundary, 0.15 particle, BLOCKED before a suffix. */
  const rightScore = (text: string, e: number): number => {
    if (prefilters && ((flags[codeAt(text, e)] as number) & RIGHT_ZERO) !== 0) return 0;
    if (e >= text.length) return 0.2;
    // (a longer organisation word wins over a title in it: 律师事务所 holds 律师)
    if (startsAt(speech, text, e))
      return longestAt(orgSuffix, text, e) > longestAt(speech, text, e) ? BLOCKED : RIGHT_CUE;
    // a speech word after an adverb or two (宋某某同时表示, 张某某也认为, …此前透露; not after a
    // Latin word: firms announce too, Stardock今天宣布)
    for (let at = e, k = 0; k < 2 && isHanCode(text.charCodeAt(e - 1)); k++) {
      const a = longestAt(adverbs, text, at);
      if (a === 0) break;
      at += a;
      if (startsAt(speech, text, at)) return RIGHT_CUE;
    }
    // a by-line's place before its speech word (记者王某某北京报道, …南宁、福州报道)
    for (let at = e, k = 0; k < 2; k++) {
      const r = longestAt(regions, text, at);
      if (r === 0) break;
      at += r;
      if (startsAt(speech, text, at)) return RIGHT_CUE;
      if (codeAt(text, at) === 0x3001) at++;
    }
    // (X版《…》 is X's version of a work: 徐克版《梁祝》, a cue after a name, not a suffix)
    if (codeAt(text, e) === 0x7248 && codeAt(text, e + 1) === 0x300a) return RIGHT_CUE;
    if (startsAt(orgSuffix, text, e)) return BLOCKED;
    if (!isHanCode(text.charCodeAt(e))) return 0.2;
    if (((flags[text.charCodeAt(e)] ?? 0) & PARTICLE_AFTER) !== 0) return 0.15;
    return 0;
  };

  // LEFT_ZERO, RIGHT_ZERO: the Han characters before a candidate at which leftScore is 0 (no title, label or conjunction
  // ends there, no particle: a label gap or any other character is no Han one), and those after a
  // candidate at which rightScore is 0 (no speech word, adverb, region or organisation word starts
  // there, no particle, not 版): a byte read answers most candidates, where the full tests read
  // four or five word lists. (After every cue list above is made: their bits are read; in `flags`,
  // which those questions read anyway, not a table of their own: one cache line fewer.)
  if (wordBefore.bit >= COMPOUND_HEAD) throw new Error('person-name: too many cue lists for the flag bits');
  const leftCues = titles.bit | labels.bit | bylineLabels.bit | conj.bit;
  const rightCues = speech.bit | adverbs.bit | regions.bit | orgSuffix.bit;
  for (let c = 0x4e00; c <= 0x9fff; c++) {
    const f = flags[c] as number;
    if ((f & (leftCues | PARTICLE_BEFORE)) === 0 && !isLabelGap(c))
      flags[c] = (flags[c] as number) | LEFT_ZERO;
    if ((f & (rightCues | PARTICLE_AFTER)) === 0 && c !== 0x7248)
      flags[c] = (flags[c] as number) | RIGHT_ZERO;
  }

  /** a full-width or ASCII colon, or 】： (an interview's speaker label) */
  const isSpeakerColon = (text: string, e: number): boolean => {
    const c = codeAt(text, e);
    return c === 0xff1a || (c === 0x3011 && text.charCodeAt(e + 1) === 0xff1a);
  };
  /** i starts the text or a line, past any indent of spaces or tabs */
  const lineStart = (text: string, i: number): boolean => {
    let j = i - 1;
    while (j >= 0 && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j--;
    return j < 0 || text.charCodeAt(j) === 10 || text.charCodeAt(j) === 13;
  };
  /**
   * a column's title and a colon right after a by-line at the start of a line (张三足彩推荐：,
   * 李四火线解盘：): two to six Han characters, then ： or :
   */
  const columnTitle = (text: string, e: number): boolean => {
    // (the title starts with a word: 詹俊|足彩推荐, not 詹俊足|彩推荐)
    if (words === undefined || !words.words2.has(packHan(text.charCodeAt(e), text.charCodeAt(e + 1))))
      return false;
    for (let k = e; k < text.length && k <= e + 6; k++) {
      const c = text.charCodeAt(k);
      if (c === 0xff1a || c === 58) return k >= e + 2;
      if (!isHanCode(c)) return false;
    }
    return false;
  };
  /** text[i, e) is a whole @handle: @ before it, and a colon, white space, @, comma or the end after */
  const wholeHandle = (text: string, i: number, e: number): boolean => {
    if (i === 0 || text.charCodeAt(i - 1) !== 64) return false;
    if (e >= text.length) return true;
    const c = text.charCodeAt(e);
    return c === 58 || c === 0xff1a || c === 64 || c === 32 || c === 0x3000 || c === 0xff0c || c === 44;
  };
  /** cheap: could a name ending at e have a context after it */
  const rightPossible = (text: string, e: number): boolean => {
    if (e >= text.length) return true;
    const c = text.charCodeAt(e);
    return !isHanCode(c) || ((flags[c] as number) & (PARTICLE_AFTER | speech.bit)) !== 0;
  };

  const words = d.words;
  /**
   * How name-like text[i, e) is by the word statistics: surname and given-character log odds, minus
   * what speaks for ordinary words (the candidate or its start is a word, the surname closes the word
   * before, the last character opens the word after).
   */
  const nameOdds = (text: string, i: number, sl: number, e: number): number => {
    if (words === undefined) return 0;
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    let m = sl === 2 ? 2 : Math.min(words.surname[a] ?? 0, SURNAME_CAP);
    for (let k = i + sl; k < e; k++) m += Math.min(words.given[text.charCodeAt(k)] ?? 0, GIVEN_CAP);
    const len = e - i;
    const key = len === 2 ? packHan(a, b) : pack3(a, b, text.charCodeAt(i + 2));
    // a three-character entry the list tags as a person (周星驰, 许鞍华) is no ordinary word, even
    // when used often, unless it reads as a transliteration (夏威夷, 吉隆坡) or doubles a character (金灿灿)
    if (
      len === 3 &&
      words.names.has(key) &&
      text.charCodeAt(i + 1) !== text.charCodeAt(i + 2) &&
      (translitAt(text, i) ? 1 : 0) + (translitAt(text, i + 1) ? 1 : 0) + (translitAt(text, i + 2) ? 1 : 0) <
        2
    )
      m += 0;
    else if (len === 2 ? words.words2.has(key) : words.words3.has(key)) m -= WORD_PENALTY;
    if (len === 3 && sl === 1 && words.words2.has(packHan(a, b))) m -= PREFIX_PENALTY;
    if (len === 2 && e < text.length && words.words3.has(pack3(a, b, text.charCodeAt(e)))) m -= GLUE_PENALTY;
    if (i > 0 && words.words2.has(packHan(text.charCodeAt(i - 1), a))) m -= GLUE_PENALTY;
    if (i > 1 && words.words3.has(pack3(text.charCodeAt(i - 2), text.charCodeAt(i - 1), a)))
      m -= GLUE_PENALTY;
    if (i > 0 && words.words3.has(pack3(text.charCodeAt(i - 1), a, b))) m -= GLUE_PENALTY;
    if (e < text.length && words.words2.has(packHan(text.charCodeAt(e - 1), text.charCodeAt(e))))
      m -= GLUE_PENALTY;
    // a four-character word (idiom) across the candidate: 星罗棋布 holds no 罗棋布 (strings are
    // built here only, for the few candidates still in the running)
    if (m >= NO_CUE_FLOOR)
      for (let k = Math.max(0, i - 3); k < e && k + 4 <= text.length; k++)
        if (
          words.words4Heads.has(packHan(text.charCodeAt(k), text.charCodeAt(k + 1))) &&
          words.words4.has(text.slice(k, k + 4))
        ) {
          m -= GLUE_PENALTY;
          break;
        }
    return m;
  };
  /**
   * The candidate is an ordinary word (银行解释, 法官表示) or starts with a frequent one (宣传中,
   * 宣布豪), whatever cue stands beside it; a title before keeps a name whose start is a word
   * (记者刘海亮) and an entry the list tags as a person (齐白石) is never ordinary.
   */
  const ordinaryWord = (text: string, i: number, sl: number, e: number, titled: boolean): boolean => {
    if (words === undefined) return false;
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    const len = e - i;
    const key = len === 2 ? packHan(a, b) : pack3(a, b, text.charCodeAt(i + 2));
    if (words.names.has(key)) return false;
    if (len === 3 && words.words3.has(key)) return true;
    if (titled) return false;
    if (len === 2) return words.frequent50.has(packHan(a, b));
    return sl === 1 && words.frequent300.has(packHan(a, b));
  };
  /** text[i, i+3) is an entry the list tags as a person, not a transliteration, neither half a word */
  const knownName = (text: string, i: number): boolean => {
    if (words === undefined || i + 3 > text.length) return false;
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    const c = text.charCodeAt(i + 2);
    // the cheap tests first: flags, then the hash sets
    // (not X之Y, a title's "Y of X" as often: 枪王之王, nor a function word: 莫知其)
    if (
      b === c ||
      FUNCTION_WORD.has(c) ||
      (flags[b] ?? 0) & (STOP | MIDDLE_FUNCTION) ||
      (flags[c] ?? 0) & (STOP | PLACE_END)
    )
      return false;
    if (
      (translitAt(text, i) ? 1 : 0) + (translitAt(text, i + 1) ? 1 : 0) + (translitAt(text, i + 2) ? 1 : 0) >=
      2
    )
      return false;
    if (!words.names.has(pack3(a, b, c))) return false;
    if (
      words.words2.has(packHan(a, b)) ||
      words.words2.has(packHan(b, c)) ||
      startsAt(orgSuffix, text, i + 2)
    )
      return false;
    // (the surname closes a word before it: 美韩军演)
    if (i > 0 && words.words2.has(packHan(text.charCodeAt(i - 1), a))) return false;
    // (inside an idiom: 何德何能)
    for (let k = Math.max(0, i - 1); k <= i && k + 4 <= text.length; k++)
      if (words.words4.has(text.slice(k, k + 4))) return false;
    return !startsAt(addressForms, text, i + 1) && !startsAt(titlesAhead, text, i + 1);
  };
  /** a word of three (双色球) or four of the list starts at k */
  const opensLongWord = (text: string, k: number): boolean => {
    if (words === undefined || k + 3 > text.length) return false;
    const a = text.charCodeAt(k);
    const b = text.charCodeAt(k + 1);
    if (words.words3.has(pack3(a, b, text.charCodeAt(k + 2)))) return true;
    return (
      k + 4 <= text.length && words.words4Heads.has(packHan(a, b)) && words.words4.has(text.slice(k, k + 4))
    );
  };
  /** a four-character word (an idiom mostly: 何德何能, 星罗棋布) holds the whole of text[i, e) */
  const insideIdiom = (text: string, i: number, e: number): boolean => {
    if (words === undefined) return false;
    for (let k = Math.max(0, e - 4); k <= i && k + 4 <= text.length; k++)
      if (
        words.words4Heads.has(packHan(text.charCodeAt(k), text.charCodeAt(k + 1))) &&
        words.words4.has(text.slice(k, k + 4))
      )
        return true;
    return false;
  };
  /** an upper bound of nameOdds for a candidate with no context: penalties only lower it */
  const mayLookLikeName = (text: string, i: number, sl: number): boolean => {
    if (words === undefined) return false;
    const s0 = sl === 2 ? 2 : Math.min(words.surname[text.charCodeAt(i)] ?? 0, SURNAME_CAP);
    const g1 = Math.min(words.given[text.charCodeAt(i + sl)] ?? 0, GIVEN_CAP);
    const g2 = Math.min(words.given[text.charCodeAt(i + sl + 1)] ?? 0, GIVEN_CAP);
    return s0 + g1 + Math.max(0, g2) >= BARE_FLOOR;
  };
  /** what rules a candidate with no cue out, whatever the statistics say */
  const plausibleWithoutCue = (text: string, i: number, e: number): boolean =>
    // inside a transliterated run (莫斯科, 俄罗斯), or every character a transliteration one
    // (米德尔, 桑普: a foreign club or place as often as a name)
    !translitAt(text, i - 1) &&
    !(translitAt(text, e - 1) && translitAt(text, e)) &&
    !allTranslit(text, i, e) &&
    // a door number after (…路闫栋686号) or an address word before: a street, not a person
    !isDigitCode(codeAt(text, e)) &&
    !(i > 0 && ADDRESS_BEFORE.has(text.charCodeAt(i - 1))) &&
    // 《…: the title of a work
    !(i > 0 && text.charCodeAt(i - 1) === 0x300a);
  /** where the last name found after a title ended (-1: none), for a by-line of several names */
  let titledNameEnd = -1;
  // the statistics come from modern simplified Chinese; classical or traditional text (於, 焉, 曰…)
  // reads as a list of names to them, so there a cue-less candidate is scored as without them
  let modernText = '';
  let modern = false;
  /** textFacts of the text being scanned (set by detect) */
  let facts = 0;
  /** the text reads as modern simplified Chinese: a modern word, or no classical/traditional one (once per text) */
  const isModern = (text: string): boolean => {
    if (text !== modernText) {
      modernText = text;
      modern = (textFacts(text) & READS_MODERN) !== 0;
    }
    return modern;
  };
  const translitAt = (text: string, k: number): boolean =>
    k >= 0 && k < text.length && ((flags[text.charCodeAt(k)] ?? 0) & TRANSLIT) !== 0;
  /** what the statistics add where no cue stands beside the candidate */
  const allTranslit = (text: string, i: number, e: number): boolean => {
    for (let k = i; k < e; k++) if (!translitAt(text, k)) return false;
    return true;
  };
  const oddsBonus = (m: number, bare: boolean): number =>
    bare
      ? NO_CUE_BASE + Math.min(0.2, (m - BARE_FLOOR) * 0.05)
      : m >= NO_CUE_FLOOR
        ? WEAK_BONUS + Math.min(0.1, (m - NO_CUE_FLOOR) * 0.03)
        : 0;

  /** what rules out every reading at a surname character i, before any is read (most end here) */
  function rejectedAt(text: string, i: number, sl: number): boolean {
    if (endsAt(wordBefore, text, i + 1)) return true;
    // the surname character closes a title or a frequent word (主任丁伟: 任 ends 主任)
    if (endsAt(titles, text, i + 1)) return true;
    // (a title just before wins: 主任何伟 holds 任何 but 主任 is read first)
    if (
      i > 0 &&
      words?.frequent300.has(packHan(text.charCodeAt(i - 1), text.charCodeAt(i))) &&
      !endsAt(titles, text, i)
    )
      return true;
    // a surname and 某 (张某, 李某某) is the usual way to withhold a name: already de-identified
    if (codeAt(text, i + sl) === 0x67d0) return true;
    // a surname and a title (李先生, 王局长) names nobody in particular
    if (startsAt(speech, text, i + sl) || startsAt(titlesAhead, text, i + sl)) return true;
    // a surname and a form of address (王姐, 樊总, 米大夫) names nobody in particular either, and
    // what follows the surname may start an organisation word (儿童基金会: 童 + 基金; 庞博国际)
    if (
      (flags[codeAt(text, i + sl)] ?? 0) & FORM_OR_ORG_HEAD &&
      (startsAt(addressForms, text, i + sl) || longestAt(orgSuffix, text, i + sl) >= 2)
    )
      return true;
    return false;
  }

  /**
   * One reading of a surname-led candidate: the surname at i (sl characters) and g given characters,
   * with `left` the context before it. Its score (≥ MIN_SCORE), NO_READING, or GIVE_UP when no
   * reading at i can be a name; `readingCue` tells whether a cue stands beside it. Its own function
   * (not the body of chinese's loop): TurboFan compiles smaller functions sooner and for less.
   */
  function reading(
    text: string,
    i: number,
    sl: number,
    g: number,
    left: number,
    ambiguous: boolean,
    statsOn: boolean,
  ): number {
    const gs = i + sl;
    let nameLike = 0;
    let soft = false;
    let ok = gs + g <= text.length;
    for (let k = gs; ok && k < gs + g; k++) {
      const f = flags[text.charCodeAt(k)] ?? 0;
      if (!(f & HAN) || f & STOP) ok = false;
      else if (f & SOFT_STOP) soft = true;
      // a name-like character: in data/pii's list, or frequent in the word list's names
      else if (f & GIVEN || (statsOn && (words?.given[text.charCodeAt(k)] ?? 0) >= GIVEN_LIKE)) nameLike++;
    }
    if (!ok) return NO_READING;
    // 小 alone as a given name opens the next word (王小贱, 吴小公民, 祝小编): only before a boundary
    if (g === 1 && text.charCodeAt(gs) === 0x5c0f && isHanCode(text.charCodeAt(gs + 1))) return NO_READING;
    // a surname and a place or clan ending (康村, 宋庄, 苏氏) is a place or a family, not a person
    // (and a reading that stops right before one: 兰桂 of 兰桂坊)
    if (
      left !== LEFT_CUE &&
      ((flags[text.charCodeAt(gs + g - 1)] ?? 0) & PLACE_END ||
        (flags[codeAt(text, gs + g)] ?? 0) & PLACE_END)
    )
      return NO_READING;
    const e = gs + g;
    // (asked before the context after, which it does not need: most readings that reach here end
    // here, and every test before the GIVE_UP below answers NO_READING, so their order is free)
    // (after a title, three characters whose start is a common word are read as a name: 局长刘海生)
    // (not when that word is a very frequent one: 持卡人连续刷)
    if (
      g === 2 &&
      left === LEFT_CUE &&
      !words?.frequent300.has(packHan(text.charCodeAt(i), text.charCodeAt(i + 1)))
        ? common3At(text, i)
        : isCommon(text, i, e)
    )
      return NO_READING;
    // the second given character starting a speech word or suffix belongs to what follows
    // (unless a cue or boundary follows: 总裁沈东军认为 — 军 is a suffix and a given character)
    // a speaker's label at the start of a line or clause (金石开：…, 于有斌：…) is a cue after
    // and so is a whole @handle shaped like a name (//@汪东城:, @白举纲): a person's account
    const handle =
      wholeHandle(text, i, e) ||
      (lineStart(text, i) && !((flags[text.charCodeAt(i)] ?? 0) & PARTICLE_BEFORE) && columnTitle(text, e));
    const speaker =
      (left >= 0.15 && left !== LEFT_CUE && isSpeakerColon(text, e) && isModern(text)) || handle;
    const right = speaker ? RIGHT_CUE : rightScore(text, e);
    // (a one-character suffix that is also a given character, 军 山 江, is read as one where the
    // statistics read the three clearly as a name: 沈力军基本上, 孙中山即命)
    if (
      g === 2 &&
      (startsAt(speech, text, gs + 1) ||
        (startsAt(orgSuffix, text, gs + 1) &&
          right !== RIGHT_CUE &&
          (right <= 0 || left !== LEFT_CUE) &&
          !(
            statsOn &&
            (flags[text.charCodeAt(gs + 1)] ?? 0) & GIVEN &&
            longestAt(orgSuffix, text, gs + 1) === 1 &&
            // (陆军, 大军: the given part is itself the word)
            !words?.words2.has(packHan(text.charCodeAt(gs), text.charCodeAt(gs + 1))) &&
            mayLookLikeName(text, i, sl) &&
            nameOdds(text, i, sl, e) >= SUFFIX_FLOOR
          )))
    )
      return NO_READING;
    if (right === BLOCKED) return NO_READING;
    // a preposition and the surname a title follows (向王女士, 和李先生) is no name of two: the
    // title is the second one's
    if (
      g === 1 &&
      sl === 1 &&
      (flags[text.charCodeAt(i)] ?? 0) & PARTICLE_BEFORE &&
      (flags[text.charCodeAt(gs)] ?? 0) & SINGLE &&
      right === RIGHT_CUE &&
      startsAt(titlesAfter, text, e)
    )
      return NO_READING;
    // the last of three opens a word of three or four with what follows (杨某双色球)
    if (g === 2 && words !== undefined && right !== RIGHT_CUE && opensLongWord(text, e - 1))
      return NO_READING;
    // in a by-line run of names (记者冯淼孙立新报道), a third character that is a surname starts
    // the next name when that one ends at a cue, a boundary or a further surname
    if (
      g === 2 &&
      right === 0 &&
      (left === LEFT_CUE || i === titledNameEnd) &&
      ((flags[text.charCodeAt(gs + 1)] ?? 0) & (SINGLE | AMBIGUOUS)) === SINGLE &&
      (rightScore(text, gs + 3) > 0 ||
        rightScore(text, gs + 4) > 0 ||
        ((flags[text.charCodeAt(gs + 3)] ?? 0) & (SINGLE | AMBIGUOUS)) === SINGLE)
    )
      return NO_READING;
    // (the next name of a by-line, 记者王某某李某某）, counts as one with a cue when a boundary follows)
    const cue = left === LEFT_CUE || right === RIGHT_CUE || (i === titledNameEnd && right > 0);
    // a surname that is a conjunction or preposition (和, 同, 向) takes a speech cue after it: a
    // title before is not enough (学者和教师, 民警向警方)
    if (ambiguous && (flags[text.charCodeAt(i)] ?? 0) & PARTICLE_BEFORE && right !== RIGHT_CUE)
      return NO_READING;
    // a surname that is also a speech word (曾) before an ordinary word is that word, with no
    // shorter reading (官员曾鼓励, 曾放出)
    if (
      g === 2 &&
      right !== RIGHT_CUE &&
      words?.words2.has(packHan(text.charCodeAt(gs), text.charCodeAt(gs + 1))) &&
      startsAt(speech, text, i)
    )
      return GIVE_UP;
    // the last given character opens a frequent word with the next one (男子张某侵占, 路某来自):
    // the shorter reading is the name (a one-character given name may run on: 鲁政委 is read as 鲁政)
    if (
      g === 2 &&
      right !== RIGHT_CUE &&
      words !== undefined &&
      e < text.length &&
      words.frequent300.has(packHan(text.charCodeAt(e - 1), text.charCodeAt(e)))
    )
      return NO_READING;
    // a soft stop character (有, 前, 月…) is a given-name character only beside a cue (副县长于有斌)
    // …or, as the middle character of three (温家宝, 张之洞), where the statistics read the whole
    // clearly as a name
    if (
      soft &&
      !cue &&
      !(
        g === 2 &&
        statsOn &&
        !((flags[text.charCodeAt(gs + 1)] ?? 0) & SOFT_STOP) &&
        // (not 之: X之Y is a title's "Y of X" as often: 巫妖王之怒; nor a pure function word: 侯以许)
        !((flags[text.charCodeAt(gs)] ?? 0) & MIDDLE_FUNCTION) &&
        mayLookLikeName(text, i, sl) &&
        nameOdds(text, i, sl, e) >= SOFT_FLOOR
      )
    )
      return NO_READING;
    // a function-word surname (和, 同, 金…) needs a cue too, unless its characters read clearly as
    // a name by the word statistics (金泰均, 江德力: AMBIGUOUS_FLOOR, above the bare floor)
    const doubtful = ambiguous && !cue;
    if (doubtful && words === undefined) return NO_READING;
    // 曾 (once) before a word is the adverb (央行曾明确表示), not a surname, but after a title
    if (
      g === 2 &&
      text.charCodeAt(i) === 0x66fe &&
      left !== LEFT_CUE &&
      words?.words2.has(packHan(text.charCodeAt(gs), text.charCodeAt(gs + 1)))
    )
      return NO_READING;
    // a function-word surname before an ordinary word (编辑和组织, 和首席) is that word
    // (not before a speaker's colon: 宋晶晶：…, 关小刀火线解盘：…)
    if (
      ambiguous &&
      g === 2 &&
      !speaker &&
      words?.words2.has(packHan(text.charCodeAt(gs), text.charCodeAt(gs + 1)))
    )
      return NO_READING;
    let score = 0.2 + left + right + 0.1 * nameLike - (g === 1 && nameLike === 0 ? 0.05 : 0);
    if (!cue && words !== undefined && !plausibleWithoutCue(text, i, e)) return NO_READING;
    if (!cue && words !== undefined && isModern(text)) {
      // without a cue, the characters themselves must look like a name and not like ordinary
      // words (more so with no boundary on either side); statistics alone never make a name
      // `high`: that takes a cue a reviewer can see
      const m = nameOdds(text, i, sl, e);
      const bare = left === 0 && right === 0;
      if (bare && m < BARE_FLOOR) return NO_READING;
      if (doubtful && m < AMBIGUOUS_FLOOR) return NO_READING;
      score = Math.min(NO_CUE_MAX, score + oddsBonus(m, bare));
    } else if ((left === 0 && right === 0) || doubtful) return NO_READING;
    // one cue and nothing else (黄胄的作品, inside running text): name-like characters, by the
    // statistics, carry it over the floor as they do a boundary (capped below `high`)
    else if (cue && score < MIN_SCORE && words !== undefined && isModern(text)) {
      const m = nameOdds(text, i, sl, e);
      if (m >= NO_CUE_FLOOR) score = Math.min(NO_CUE_MAX, score + oddsBonus(m, false));
    }
    // (a handle is `medium` at most: an account name need not be the person's own)
    if (handle) score = Math.min(score, NO_CUE_MAX);
    // below the floor it could not win anyway; the word test is the dearest, so it comes last
    if (score < MIN_SCORE) return NO_READING;
    // without a cue, wholly inside a four-character word (何德何能) it is that word
    if (!cue && insideIdiom(text, i, e)) return NO_READING;
    // a speaker's label (金石开：) is read as a title is: its start may be a word (金石)
    if (words !== undefined && ordinaryWord(text, i, sl, e, left === LEFT_CUE || speaker)) return NO_READING;
    readingCue = cue;
    return score;
  }

  /** whether the last reading scored had a cue beside it (set by reading) */
  let readingCue = false;
  /** the score of the reading chinese() / translit() last returned */
  let chineseScore = 0;
  let translitScore = 0;
  /** The best surname-led reading at i: its end (its score in chineseScore), or -1. */
  function chinese(text: string, i: number): number {
    const sl = isCompound(text, i) ? 2 : (flags[text.charCodeAt(i)] ?? 0) & SINGLE ? 1 : 0;
    if (sl === 0) return -1;
    // right after a name found with a title before it, a second name is read as after a boundary
    // (记者陈珂胡琼: the by-line of two reporters)
    const left = i === titledNameEnd ? Math.max(0.15, leftScore(text, i)) : leftScore(text, i);
    // inside running text (no cue, no boundary before): only a context after can make a name, so
    // give up at once when neither possible end has one (most surname characters end here)
    if (
      left === 0 &&
      !rightPossible(text, i + sl + 1) &&
      !rightPossible(text, i + sl + 2) &&
      !mayLookLikeName(text, i, sl)
    )
      return -1;
    if (rejectedAt(text, i, sl)) return -1;
    const ambiguous = sl === 1 && ((flags[text.charCodeAt(i)] ?? 0) & AMBIGUOUS) !== 0;
    let bestEnd = -1;
    let bestScore = 0;
    let bestCue = false;
    // the word statistics speak for modern simplified text only (see isModern)
    const statsOn = words !== undefined && isModern(text);
    for (let g = 2; g >= 1; g--) {
      const score = reading(text, i, sl, g, left, ambiguous, statsOn);
      if (score === GIVE_UP) return -1;
      if (score === NO_READING) continue;
      const cue = readingCue;
      // a reading with a cue beside it wins over one the statistics alone carry (邵振邦在接受, not 邵振)
      if (bestEnd < 0 || (cue && !bestCue) || (cue === bestCue && score > bestScore + 1e-9)) {
        bestEnd = i + sl + g;
        bestScore = score;
        bestCue = cue;
      }
    }
    // no reading: a three-character entry the word list tags as a person (齐白石, 王羲之, 李时珍:
    // well-known people), neither half an ordinary word (段时间, 申请人 are tagged so too), is a name
    // wherever it stands, bar a suffix after it (孙中山路)
    if (bestEnd < 0 && sl === 1 && !ambiguous && statsOn && knownName(text, i)) {
      const right = rightScore(text, i + 3);
      if (right !== BLOCKED && !stopWords.startsAt(text, i)) {
        chineseScore = KNOWN_SCORE;
        return i + 3;
      }
    }
    if (bestEnd < 0) return -1;
    // a known club, place or brand starting here (尤文, 蓝军, 马略卡) is no name, whatever the cue
    if (stopWords.startsAt(text, i)) return -1;
    chineseScore = bestScore;
    return bestEnd;
  }

  /** A run of transliteration characters from i read as a name: its end (its score in translitScore), or -1. */
  function translit(text: string, i: number): number {
    let e = i;
    let dotted = false;
    let letters = 0;
    for (;;) {
      while (e < text.length && (flags[text.charCodeAt(e)] ?? 0) & TRANSLIT) {
        e++;
        letters++;
      }
      if (
        e + 1 < text.length &&
        isNameDot(text.charCodeAt(e)) &&
        (flags[text.charCodeAt(e + 1)] ?? 0) & TRANSLIT &&
        e > i
      ) {
        dotted = true;
        e++;
        continue;
      }
      break;
    }
    if (letters < 2) return -1;
    const left = leftScore(text, i);
    const right = rightScore(text, e);
    const cue = left === LEFT_CUE || right === RIGHT_CUE;
    if (dotted) {
      translitScore = 0.75 + (cue ? 0.15 : 0);
      return e;
    }
    if (right === BLOCKED || (letters === 2 && left !== LEFT_CUE)) return -1;
    if (hasTranslitStop(text.slice(i, e))) return -1;
    if (!cue) return -1;
    translitScore = 0.2 + left + right + (letters >= 4 ? 0.1 : 0);
    return e;
  }

  /**
   * Latin-script names in Chinese text (记者John Smith表示, 选手Grubby说): a capitalised word or two,
   * not inside a longer Latin/digit run, with a title/label cue before or a speech cue after, or
   * led by a known English given name (制作人JoeGoyette, 由Mike Newell执导: `medium`).
   */
  function latinNames(text: string, out: Finding[]): void {
    lowerLatinNames(text, out);
    if ((facts & HAS_UPPER) === 0) return;
    LATIN_WORD.lastIndex = 0;
    for (let m = LATIN_WORD.exec(text); m !== null; m = LATIN_WORD.exec(text)) {
      const s = m.index;
      const e = s + m[0].length;
      if (overlapsAny(out, s, e)) continue;
      const left = leftScore(text, s);
      const right = rightScore(text, e);
      const cue = left === LEFT_CUE || right === RIGHT_CUE;
      let score = 0.2 + left + right;
      if (!cue) {
        // no cue: the first word must be a known given name (JohnCarpenter, Mike Newell); alone,
        // one that is no English word as well, and not a possessive (Garry'sMod)
        const first = /^[A-Z][a-z]+/.exec(m[0])?.[0] ?? '';
        const pair = first.length < m[0].length;
        if (pair ? !d.latinGivenNames.has(first) : !d.latinGivenAlone.has(first)) continue;
        if (!pair && e < text.length && (text[e] === "'" || text[e] === '’')) continue;
        score = pair ? LATIN_PAIR_SCORE : LATIN_ALONE_SCORE;
      }
      out.push(finding('person-name', text, s, e, score));
    }
    sortByStart(out);
  }

  /**
   * A name without a known surname right after a by-line title (记者晓风, 网友艳妮, 作家笛安描写):
   * two or three characters that make no ordinary word, none a stop character, with a boundary or
   * a speech word after (`medium`: the title is the only cue). Surname-led ones are read by
   * `chinese`. Called by the main loop at the last character of a by-line title; the end or -1.
   */
  function titledGivenAt(text: string, i: number): number {
    const w = words;
    if (w === undefined || i + 2 > text.length) return -1;
    const f = flags[text.charCodeAt(i)] ?? 0;
    // (a surname, single or compound, is read by chinese(); the head of a compound alone, 慕 of
    // 慕容, may start a given name: 记者慕某报道)
    // (nor a place word: 画家村)
    if (
      !(f & HAN) ||
      f & (SINGLE | STOP | SOFT_STOP | PLACE_END) ||
      isCompound(text, i) ||
      !endsAt(bylines, text, i)
    )
      return -1;
    // a boundary or speech word after either reading first, then a particle (记者某某把…)
    let particleEnd = -1;
    for (let e = Math.min(i + 3, text.length); e >= i + 2; e--) {
      let ok = true;
      for (let k = i + 1; k < e && ok; k++) {
        const g = flags[text.charCodeAt(k)] ?? 0;
        ok = (g & HAN) !== 0 && !(g & (STOP | SOFT_STOP));
      }
      if (!ok) continue;
      const a = text.charCodeAt(i);
      const b = text.charCodeAt(i + 1);
      const key = e - i === 2 ? packHan(a, b) : pack3(a, b, text.charCodeAt(i + 2));
      if (e - i === 2 ? w.words2.has(key) : w.words3.has(key) || w.words2.has(packHan(a, b))) continue;
      if (isCommon(text, i, e)) continue;
      const r = rightScore(text, e);
      if (r >= 0.2) return e;
      // (not where the last character and the particle make a word, 生于, nor the last two, 萌发了)
      if (
        r > 0 &&
        particleEnd < 0 &&
        !w.words2.has(packHan(text.charCodeAt(e - 1), text.charCodeAt(e))) &&
        !(e - i === 3 && w.words2.has(packHan(b, text.charCodeAt(i + 2))))
      )
        particleEnd = e;
    }
    return particleEnd;
  }

  /**
   * Latin names written in lower case (负责人julia女士, 主编annawintour): only right after a title,
   * with a boundary, a particle or a speech word after.
   */
  function lowerLatinNames(text: string, out: Finding[]): void {
    if ((facts & HAS_LOWER) === 0 || !/[a-z]{3}/.test(text)) return;
    LATIN_LOWER.lastIndex = 0;
    for (let m = LATIN_LOWER.exec(text); m !== null; m = LATIN_LOWER.exec(text)) {
      const s = m.index;
      const e = s + m[0].length;
      if (LATIN_NOT_NAME.has(m[0]) || overlapsAny(out, s, e)) continue;
      // (only after a title: the cue before is asked first, and the one after only then)
      const left = leftScore(text, s);
      if (left !== LEFT_CUE) continue;
      const right = rightScore(text, e);
      if (right <= 0) continue;
      out.push(finding('person-name', text, s, e, 0.2 + left + right));
    }
  }

  /**
   * A transliterated name glossed with its Latin spelling (威尔莱特（WillWright）, 阿特金森（martin
   * atkinson）): the run of three or more transliteration characters and the bracketed Latin are
   * both a name, the gloss being the cue.
   */
  const glossed = (text: string, out: Finding[]): void => {
    if ((facts & HAS_PAREN) === 0) return;
    GLOSS.lastIndex = 0;
    for (let m = GLOSS.exec(text); m !== null; m = GLOSS.exec(text)) {
      const open = m.index;
      let s = open;
      while (s > 0 && open - s < 8 && (translitAt(text, s - 1) || isNameDot(text.charCodeAt(s - 1)))) s--;
      while (s < open && isNameDot(text.charCodeAt(s))) s++;
      if (open - s < 3 || hasTranslitStop(text.slice(s, open))) continue;
      const ls = open + 1;
      const le = ls + (m[1]?.length ?? 0);
      // the whole run is the name: a shorter Chinese reading inside it (伍德沃 of 伍德沃特) gives way
      for (let k = out.length - 1; k >= 0; k--) {
        const f = out[k] as Finding;
        if (f.start >= s && f.end <= open && f.end - f.start < open - s) out.splice(k, 1);
      }
      if (!out.some((f) => s < f.end && f.start < open))
        out.push(finding('person-name', text, s, open, GLOSS_SCORE));
      if (!out.some((f) => ls < f.end && f.start < le))
        out.push(finding('person-name', text, ls, le, GLOSS_SCORE));
    }
    out.sort((a, b) => a.start - b.start);
  };

  /**
   * A list of people (侍卫副官马湘、黄惠龙; 潘德夫和罗基): beside a name already found, across 、 (or
   * 和/与/及), a short item shaped like a name (a surname and one or two characters that make no
   * ordinary word, or a run of transliteration characters) bounded by the next separator is a name
   * too (`medium`: the list is the only cue).
   */
  const listItem = (text: string, s: number): number => {
    let e = s;
    while (
      e < text.length &&
      e - s < 6 &&
      isHanCode(text.charCodeAt(e)) &&
      !LIST_END.has(text.charCodeAt(e)) &&
      sepAt(text, e) !== 2
    )
      e++;
    const len = e - s;
    if (len < 2 || len > 5) return -1;
    if (
      e < text.length &&
      isHanCode(text.charCodeAt(e)) &&
      !LIST_END.has(text.charCodeAt(e)) &&
      !startsAt(speech, text, e)
    )
      return -1;
    if (allTranslit(text, s, e) && len >= 3 && !hasTranslitStop(text.slice(s, e))) return e;
    // (two transliteration characters between two separators, 、某某、, that make no ordinary word)
    if (
      len === 2 &&
      allTranslit(text, s, e) &&
      (sepAt(text, e) > 0 || codeAt(text, e) === 0x7b49) &&
      // (a word the list tags as a foreign name is one here)
      (!words?.words2.has(packHan(text.charCodeAt(s), text.charCodeAt(s + 1))) ||
        words.taggedPersons.has(packHan(text.charCodeAt(s), text.charCodeAt(s + 1)))) &&
      !hasTranslitStop(text.slice(s, e))
    )
      return e;
    const f = flags[text.charCodeAt(s)] ?? 0;
    if (len > 3 || !(f & SINGLE) || f & PARTICLE_BEFORE) return -1;
    for (let k = s + 1; k < e; k++) if ((flags[text.charCodeAt(k)] ?? 0) & STOP) return -1;
    if (isCommon(text, s, e) || ordinaryWord(text, s, 1, e, false)) return -1;
    // (an entry the list tags as a person, 白居易, is one in a list whatever its statistics)
    if (
      len === 3 &&
      words?.names.has(pack3(text.charCodeAt(s), text.charCodeAt(s + 1), text.charCodeAt(s + 2)))
    )
      return e;
    // (a function-word surname, 关 金 石, takes the statistics' stronger floor: 关向应、贺龙)
    if (nameOdds(text, s, 1, e) < (f & AMBIGUOUS ? LIST_AMBIGUOUS_FLOOR : LIST_FLOOR)) return -1;
    return e;
  };
  /** the length of a list separator at `at`: 、 和 与 及 (1), 以及 (2), or 0 */
  const sepAt = (text: string, at: number): number =>
    at >= text.length
      ? 0
      : LIST_SEP.has(text.charCodeAt(at))
        ? 1
        : text.charCodeAt(at) === 0x4ee5 && text.charCodeAt(at + 1) === 0x53ca
          ? 2
          : 0;
  /** the start of a list item before the separator ending at `start` (added to out), or -1 */
  const itemBefore = (text: string, start: number, out: Finding[]): number => {
    const before = start - 1;
    const sep =
      before > 0 && text.charCodeAt(before) === 0x53ca && text.charCodeAt(before - 1) === 0x4ee5
        ? before - 1
        : before;
    if (sep <= 1 || !(sep < before || LIST_SEP.has(text.charCodeAt(sep)))) return -1;
    for (let s = Math.max(0, sep - 5); s <= sep - 2; s++) {
      if (listItem(text, s) !== sep) continue;
      if (out.some((g) => s < g.end && g.start < sep)) return -1;
      out.push(finding('person-name', text, s, sep, LIST_SCORE));
      return s;
    }
    return -1;
  };
  const listed = (text: string, out: Finding[]): void => {
    const n = out.length;
    for (let k = 0; k < n; k++) {
      const f = out[k] as Finding;
      if (f.score < MIN_SCORE) continue;
      // forward along the list
      let at = f.end;
      for (let w = sepAt(text, at); w > 0; w = sepAt(text, at)) {
        const from = at + w;
        const e = listItem(text, from);
        if (e < 0 || out.some((g) => from < g.end && g.start < e)) break;
        out.push(finding('person-name', text, from, e, LIST_SCORE));
        at = e;
      }
      // and back along the list, item by item (乙 found, 甲 before the 、; 张三以及李四; 甲、乙、丙)
      for (let start = f.start; start > 0; ) {
        const s = itemBefore(text, start, out);
        if (s < 0) break;
        start = s;
      }
    }
    if (out.length > n) out.sort((a, b) => a.start - b.start);
  };

  /**
   * The given name alone where a full name was found (徐悲鸿 … 悲鸿说): two given characters of a
   * surname-led name of three, not an ordinary word, not doubled (欣欣), standing apart from other
   * Han characters that would make a word with them (`medium`).
   */
  // (read only below the text's length: see ByteMask)
  const givenMask = new ByteMask();
  const givenAgain = (text: string, out: Finding[]): void => {
    const w = words;
    if (w === undefined) return;
    const n = out.length;
    // what is already found, as a mask over the text (no scan of every finding per occurrence: a
    // long line of names stays linear), built only when a name of three is there
    let taken: Uint8Array | undefined;
    let seen: Set<string> | undefined;
    for (let k = 0; k < n; k++) {
      const f = out[k] as Finding;
      if (
        f.score < RECUR_FLOOR ||
        f.end - f.start !== 3 ||
        !((flags[text.charCodeAt(f.start)] ?? 0) & SINGLE)
      )
        continue;
      const a = text.charCodeAt(f.start + 1);
      const b = text.charCodeAt(f.start + 2);
      if (a === b || !isHanCode(a) || !isHanCode(b) || w.words2.has(packHan(a, b))) continue;
      const given = text.slice(f.start + 1, f.end);
      if (seen?.has(given)) continue;
      seen ??= new Set();
      seen.add(given);
      if (taken === undefined) {
        taken = givenMask.zeroed(text.length);
        for (const g of out) taken.fill(1, g.start, g.end);
      }
      for (let at = text.indexOf(given); at >= 0; at = text.indexOf(given, at + 1)) {
        const end = at + 2;
        if (taken[at] === 1 || taken[at + 1] === 1 || codeAt(text, at - 1) === text.charCodeAt(f.start))
          continue;
        if (at > 0 && w.words2.has(packHan(text.charCodeAt(at - 1), a))) continue;
        if (end < text.length && w.words2.has(packHan(b, text.charCodeAt(end)))) continue;
        if (leftScore(text, at) <= 0 && rightScore(text, end) <= 0) continue;
        out.push(finding('person-name', text, at, end, GIVEN_AGAIN_SCORE));
        taken.fill(1, at, end);
      }
    }
    if (out.length > n) out.sort((x, y) => x.start - y.start);
  };

  // the characters the main loop stops at (a surname, a transliteration character, a by-line's
  // end), a byte each: the loop reads one at every character, most of them to step on
  // (with textFacts' table: one pass over the text answers both, see scanText)
  const scanTable = SCRIPT.slice();
  for (let c = 0; c < 0x10000; c++)
    if (((flags[c] as number) & (SURNAME | TRANSLIT | BYLINE_END)) !== 0)
      scanTable[c] = (scanTable[c] as number) | STOP_CHAR;
  const stops = { at: new Int32Array(1024), count: 0 };

  const detector: Detector = {
    type: 'person-name',
    applies: (p) => p.han >= 2,
    detect(text) {
      if (stops.at.length < text.length)
        stops.at = new Int32Array(Math.max(text.length, stops.at.length * 2));
      facts = scanText(text, scanTable, stops);
      modernText = text;
      modern = (facts & READS_MODERN) !== 0;
      const out: Finding[] = [];
      let i = 0;
      titledNameEnd = -1;
      // (the positions of the characters the loop stops at, in order: a surname, a transliteration
      // character, a by-line's end; i is where the text is still unread)
      const at = stops.at;
      for (let p = 0, count = stops.count; p < count; p++) {
        if ((at[p] as number) < i) continue;
        i = at[p] as number;
        const f = flags[text.charCodeAt(i)] ?? 0;
        if (f & BYLINE_END) {
          const e = titledGivenAt(text, i + 1);
          if (e > 0) {
            out.push(finding('person-name', text, i + 1, e, TITLED_GIVEN_SCORE));
            i = e;
            continue;
          }
          if (!(f & (SURNAME | TRANSLIT))) {
            i++;
            continue;
          }
        }
        const prevTranslit = i > 0 && (flags[text.charCodeAt(i - 1)] ?? 0) & TRANSLIT;
        // (ends and scores as plain numbers: no object per reading)
        const cEnd = f & SURNAME ? chinese(text, i) : -1;
        const cScore = chineseScore;
        const tEnd = f & TRANSLIT && !prevTranslit ? translit(text, i) : -1;
        const tScore = translitScore;
        let end = cEnd;
        let score = cScore;
        if (tEnd >= 0 && (cEnd < 0 || (tEnd - i > cEnd - i + 1 && tScore >= cScore - 0.1))) {
          end = tEnd;
          score = tScore;
        }
        if (end >= 0 && score >= MIN_SCORE) {
          out.push(finding('person-name', text, i, end, score));
          titledNameEnd = leftScore(text, i) === LEFT_CUE ? end : -1;
          // (the bracket first: a slice and a regex at every name cost more than the rest of the loop)
          const open = codeAt(text, end);
          const latin =
            open === 0xff08 || open === 0x28 ? LATIN_IN_PARENS.exec(text.slice(end, end + 44)) : null;
          if (latin?.[1] && !LATIN_NOT_NAME.has(latin[1].toLowerCase())) {
            const s = end + 1;
            out.push(finding('person-name', text, s, s + latin[1].length, Math.min(score, 0.8)));
            i = s + latin[1].length;
          } else i = end;
          continue;
        }
        i++;
      }
      glossed(text, out);
      latinNames(text, out);
      // foreign names in Han script that the rules above leave (transliterated-name.ts)
      mergeInto(
        out,
        transliterated(
          text,
          out,
          (facts & HAS_MIDDLE_DOT ? MAY_HAVE_DOT : 0) |
            (facts & (HAS_UPPER | HAS_LOWER) ? MAY_HAVE_LATIN : 0),
        ),
      );
      if (out.length > 0 && words !== undefined) listed(text, out);
      const all = recur(text, out, (e) => rightScore(text, e) === BLOCKED);
      if (all.length > 0 && words !== undefined) givenAgain(text, all);
      return all;
    },
  };
  // Branches that news text takes only now and then (a by-line's bare given name, a list joined by
  // 以及, a well-known name with no reading, a by-line of two names, 向 before a surname and a
  // title) are taken here, in the interpreter, before any text: optimised code compiled before one
  // of them is first taken has no type feedback for it and is thrown away there and compiled
  // again, per thread (detect, chinese and reading are among the largest compiles). Ten times: V8
  // gives a function its feedback vector only after a few calls (lazy feedback allocation), and a
  // branch taken before that leaves nothing. The detector keeps no state between texts, so no
  // finding changes.
  for (let k = 0; k < 10; k++) for (const t of WARM_UP) detector.detect(t);
  return detector;
}

/** sentences that take the rarely taken branches of detect (see createPersonName's end) */
const WARM_UP = [
  '记者晓风报道。',
  '记者晓风在现场。',
  '来宾有王小明以及李小红。',
  '狄更斯写过很多小说。',
  '狄更斯，一位作家。',
  '记者张伟王芳报道。',
  '记者张伟王芳明天报道。',
  '我们向王女士致谢。',
];

/** some finding overlaps [s, e) (a loop, not a closure per question) */
function overlapsAny(found: readonly Finding[], s: number, e: number): boolean {
  for (let k = 0; k < found.length; k++) {
    const f = found[k] as Finding;
    if (s < f.end && f.start < e) return true;
  }
  return false;
}

/** sorts by start, stably; an array already in order (the usual case) is only read */
function sortByStart(found: Finding[]): void {
  for (let k = 1; k < found.length; k++)
    if ((found[k - 1] as Finding).start > (found[k] as Finding).start) {
      found.sort((a, b) => a.start - b.start);
      return;
    }
}

/**
 * A name found with good context again wherever it recurs in the text (names repeat in an article),
 * but not where an organisation or place word follows it (创始人邹某 … 邹某信托).
 */
function recur(text: string, found: Finding[], blockedAt: (end: number) => boolean): Finding[] {
  if (found.length === 0) return found;
  // (the copy and the set only once a name recurs or repeats: most texts have neither)
  let all: Finding[] | undefined;
  let seen: Set<string> | undefined;
  for (let k = 0; k < found.length; k++) {
    const f = found[k] as Finding;
    if (f.score < RECUR_FLOOR || f.value.length < 2 || seen?.has(f.value) || /[A-Za-z]/.test(f.value))
      continue;
    seen ??= new Set();
    seen.add(f.value);
    for (let at = text.indexOf(f.value); at >= 0; at = text.indexOf(f.value, at + 1)) {
      const end = at + f.value.length;
      if (overlapsAny(all ?? found, at, end) || blockedAt(end)) continue;
      all ??= [...found];
      all.push(finding('person-name', text, at, end, Math.max(0.6, f.score - 0.15)));
    }
  }
  return all === undefined ? found : all.sort((a, b) => a.start - b.start);
}
