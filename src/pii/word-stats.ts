import { intSet, type NumberSet } from '../util/int-set.js';

/**
 * Facts from a general word-frequency dictionary (jieba's dict.txt shape: `word freq tag` per line),
 * used by the person-name detector where a sentence gives no cue around a candidate:
 * - which two- and three-character strings are ordinary words (王国, 高度, 文明 are not names);
 * - how much more often a character stands in a given name than in ordinary words (log odds), and the
 *   same for a character as a surname, from the dictionary's person-name (`nr`) entries.
 * Pure: the caller reads the file. The integer sets are typed-array hash tables (util/int-set.ts) so
 * the build's snapshot loads as views over its bytes (word-stats-file.ts).
 */
export interface WordStats {
  /** ordinary (not person-name) 2-char words, as packHan(a, b) */
  readonly words2: NumberSet;
  /**
   * the frequent ones (≥ 50 in the list: 法官, 公安) and the very frequent ones (≥ 300: 银行, 宣传, 主任),
   * keyed by packHan (a small integer, cheap to hash: read at many surname characters)
   */
  readonly frequent50: NumberSet;
  readonly frequent300: NumberSet;
  /** ordinary 3-char words, packed (a * 0x10000 + b) * 0x10000 + c */
  readonly words3: NumberSet;
  /**
   * 2- and 3-char entries the list tags as person names (nr/nrt/nrfg) and that start with a surname,
   * keyed as words2/words3 (packHan < 2^29, pack3 ≥ 2^46: the two never collide): well-known
   * people (齐白石, 王家卫) and the names of the list's source texts
   */
  readonly names: NumberSet;
  /**
   * entries the list tags as foreign names (nrt, 2 characters: 科尔, 里德) or as any person (nr, nrt,
   * nrfg, 3 characters: 托雷斯), whatever their frequency and first character, keyed as words2/words3:
   * a transliterated run that is one is no ordinary word (transliterated-name.ts)
   */
  readonly taggedPersons: NumberSet;
  /** ordinary 4-char words (idioms mostly: 星罗棋布, 何德何能) */
  readonly words4: ReadonlySet<string>;
  /** the first two characters of each 4-char word, as packHan: most positions are ruled out without a string */
  readonly words4Heads: NumberSet;
  /**
   * entries the list tags as place names (`ns`: 中关村, 长安街, 浦东), 2–8 Han characters: read by the
   * address detector to tell a named place from an ordinary word (农村, 下坡路) and to take a place
   * name before a street into the address
   */
  readonly places: ReadonlySet<string>;
  /** ln P(char | given name) − ln P(char | ordinary words), per UTF-16 code; 0 where unknown */
  readonly given: Float32Array;
  /** ln P(char | surname position) − ln P(char | ordinary words), per UTF-16 code */
  readonly surname: Float32Array;
}

const NAME_TAGS = new Set(['nr', 'nrt', 'nrfg']);
/** person-name entries this frequent are really ordinary words the tagger also saw as names (文明, 高明) */
const NAME_AS_WORD_FREQ = 20;
/** rarer ordinary entries are mostly noise for the "is it a word" test */
const MIN_WORD_FREQ = 3;
const FREQUENT = 50;
const VERY_FREQUENT = 300;

export const pack3 = (a: number, b: number, c: number): number => (a * 0x10000 + b) * 0x10000 + c;
const isHan = (c: number) => c >= 0x4e00 && c <= 0x9fff;
/** two CJK characters as one small integer (a V8 small integer, cheap to hash); -1 when either is not one */
export const packHan = (a: number, b: number): number =>
  isHan(a) && isHan(b) ? (a - 0x4e00) * 0x5200 + (b - 0x4e00) : -1;

export function buildWordStats(dictText: string, surnames: readonly string[]): WordStats {
  const single = new Set(surnames.filter((s) => s.length === 1).map((s) => s.charCodeAt(0)));
  const words2 = new Set<number>();
  const frequent50 = new Set<number>();
  const frequent300 = new Set<number>();
  const words3 = new Set<number>();
  const words4 = new Set<string>();
  const names = new Set<number>();
  const taggedPersons = new Set<number>();
  const words4Heads = new Set<number>();
  const places = new Set<string>();
  const givenCount = new Float64Array(0x10000);
  const surnameCount = new Float64Array(0x10000);
  const textCount = new Float64Array(0x10000);
  let givenTotal = 0;
  let surnameTotal = 0;
  let textTotal = 0;
  let from = 0;
  while (from < dictText.length) {
    let to = dictText.indexOf('\n', from);
    if (to < 0) to = dictText.length;
    const line = dictText.slice(from, to);
    from = to + 1;
    const a = line.indexOf(' ');
    const b = line.indexOf(' ', a + 1);
    if (a <= 0 || b < 0) continue;
    const w = line.slice(0, a);
    const freq = Number(line.slice(a + 1, b));
    const tag = line.slice(b + 1).trim();
    if (!Number.isFinite(freq)) continue;
    let han = true;
    for (let k = 0; k < w.length && han; k++) han = isHan(w.charCodeAt(k));
    if (!han) continue;
    if (tag === 'ns' && w.length >= 2 && w.length <= 8) places.add(w);
    if (w.length === 2 && tag === 'nrt') taggedPersons.add(packHan(w.charCodeAt(0), w.charCodeAt(1)));
    else if (w.length === 3 && NAME_TAGS.has(tag))
      taggedPersons.add(pack3(w.charCodeAt(0), w.charCodeAt(1), w.charCodeAt(2)));
    if (NAME_TAGS.has(tag) && single.has(w.charCodeAt(0))) {
      if (w.length === 2) names.add(packHan(w.charCodeAt(0), w.charCodeAt(1)));
      else if (w.length === 3) names.add(pack3(w.charCodeAt(0), w.charCodeAt(1), w.charCodeAt(2)));
    }
    const isName = NAME_TAGS.has(tag) && freq < NAME_AS_WORD_FREQ;
    if (isName) {
      // surname + one or two given characters, the shape the detector scores
      if ((w.length === 2 || w.length === 3) && single.has(w.charCodeAt(0))) {
        surnameCount[w.charCodeAt(0)] = (surnameCount[w.charCodeAt(0)] ?? 0) + 1;
        surnameTotal++;
        for (let k = 1; k < w.length; k++) {
          givenCount[w.charCodeAt(k)] = (givenCount[w.charCodeAt(k)] ?? 0) + 1;
          givenTotal++;
        }
      }
      continue;
    }
    if (freq < MIN_WORD_FREQ) continue;
    if (w.length === 2) {
      const k = packHan(w.charCodeAt(0), w.charCodeAt(1));
      words2.add(k);
      const h = packHan(w.charCodeAt(0), w.charCodeAt(1));
      if (freq >= FREQUENT) frequent50.add(h);
      if (freq >= VERY_FREQUENT) frequent300.add(h);
    } else if (w.length === 3) words3.add(pack3(w.charCodeAt(0), w.charCodeAt(1), w.charCodeAt(2)));
    // only a four-character word holding a surname can hide a false name
    else if (w.length === 4 && [...w].some((c) => single.has(c.charCodeAt(0)))) {
      words4.add(w);
      words4Heads.add(packHan(w.charCodeAt(0), w.charCodeAt(1)));
    }
    // character frequency in ordinary text, damped so a few huge entries do not dominate
    const weight = Math.log1p(freq);
    for (let k = 0; k < w.length; k++) {
      textCount[w.charCodeAt(k)] = (textCount[w.charCodeAt(k)] ?? 0) + weight;
      textTotal += weight;
    }
  }
  const odds = (count: Float64Array, total: number): Float32Array => {
    const out = new Float32Array(0x10000);
    if (total === 0 || textTotal === 0) return out;
    for (let c = 0x4e00; c <= 0x9fff; c++) {
      const n = count[c] ?? 0;
      const t = textCount[c] ?? 0;
      if (n === 0 && t === 0) continue;
      // add-half smoothing on both sides
      out[c] = Math.log((n + 0.5) / total) - Math.log((t + 0.5) / textTotal);
    }
    return out;
  };
  return {
    words2: intSet(words2),
    frequent50: intSet(frequent50),
    frequent300: intSet(frequent300),
    words3: intSet(words3),
    names: intSet(names),
    taggedPersons: intSet(taggedPersons),
    words4,
    words4Heads: intSet(words4Heads),
    places,
    given: odds(givenCount, givenTotal),
    surname: odds(surnameCount, surnameTotal),
  };
}
