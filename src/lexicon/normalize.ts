import { T2S_PAIRS } from './t2s-pairs.js';

/**
 * Chinese-aware normalisation, applied identically to keywords and text, as ONE lookup table over
 * UTF-16 code units: table[c] is the normalised unit, or DROP for noise removed between characters.
 * A table (not String methods) keeps the matcher's inner loop to one array read per character and
 * lets every match be mapped back to its offsets in the ORIGINAL text.
 */
export interface NormalizeOptions {
  /** full-width → half-width (ＡＢＣ１２ → ABC12) */
  width: boolean;
  /** case folding (A → a) */
  case: boolean;
  /** traditional → simplified, character by character (opencc-js t→cn; phrase rules are not applied) */
  t2s: boolean;
  /** drop noise inserted between characters: spaces, zero-width, emoji, symbols such as * - _ | / · ☆ */
  noise: boolean;
}

export const DEFAULT_NORMALIZE: NormalizeOptions = { width: true, case: true, t2s: true, noise: true };
export const NORMALIZE_STEPS = ['width', 'case', 't2s', 'noise'] as const;
export type NormalizeStep = (typeof NORMALIZE_STEPS)[number];

/** Table value meaning "remove this code unit". U+0000 never occurs in keywords. */
export const DROP = 0;

/**
 * What a run of noise between two digits becomes: a separator that is kept, so noise never joins
 * numbers (6.5% must not read as 65, 4-0 not as 40) while a keyword written 6.4 still matches 6-4.
 * A control character: keywords cannot contain one (rejected at load), so it is unambiguous.
 */
export const SEP = 0x1f;

/** High surrogates of planes 2–3 (CJK Extension B and later: 𫘜 𨳒 𡳞): letters, kept as a pair. */
export const isCjkHighSurrogate = (c: number): boolean => c >= 0xd840 && c <= 0xd8bf;
export const isHighSurrogate = (c: number): boolean => (c & 0xfc00) === 0xd800;
export const isLowSurrogate = (c: number): boolean => (c & 0xfc00) === 0xdc00;
/** ASCII digit after normalisation (full-width digits fold to these). */
export const isDigitUnit = (m: number): boolean => m >= 0x30 && m <= 0x39;

/** Blocks without letter case (CJK, Yi, Hangul, surrogates, private use): toLowerCase is identity. */
const caseless = (c: number): boolean => (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xf8ff);

// Noise: what people insert to split a word (法*轮, 色-情, 法 轮, 法\u200b轮, 法🌸轮). Sentence punctuation
// (，。、《》 …), brackets and quotes are NOT noise: dropping them would join words across clause or
// bracket boundaries (颜色。情况, (微博)讯, 20天(图)). Between two digits, noise is a separator (SEP).
const NOISE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x00, 0x20], // controls, space
  [0x23, 0x26], // # $ % &
  [0x2a, 0x2b], // * +
  [0x2d, 0x2f], // - . /
  [0x3d, 0x3d], // =
  [0x40, 0x40], // @
  [0x5c, 0x5c], // \
  [0x5e, 0x60], // ^ _ `
  [0x7c, 0x7c], // |
  [0x7e, 0x7f], // ~ DEL
  [0x80, 0xa0], // C1 controls, NBSP
  [0xa1, 0xbf], // Latin-1 symbols (¡ ¦ § ¨ © ¬ ® ° ± · ¿ …)
  [0xd7, 0xd7], // ×
  [0xf7, 0xf7], // ÷
  [0x2000, 0x200f], // spaces, zero-width, directional marks
  [0x2028, 0x202f],
  [0x205f, 0x206f], // word joiner, invisible operators
  [0x2190, 0x2bff], // arrows, maths, technical, box drawing, shapes, misc symbols, dingbats (☆★♀)
  [0x3000, 0x3000], // ideographic space
  [0xd800, 0xdfff], // surrogates: emoji and other astral symbols (CJK high surrogates are re-kept below)
  [0xfe00, 0xfe0f], // variation selectors
  [0xfeff, 0xfeff], // BOM / zero-width no-break space
  [0xff03, 0xff06], // ＃＄％＆
  [0xff0a, 0xff0b], // ＊＋
  [0xff0d, 0xff0f], // －．／
  [0xff1d, 0xff1d], // ＝
  [0xff20, 0xff20], // ＠
  [0xff3c, 0xff3c], // ＼
  [0xff3e, 0xff40], // ＾＿｀
  [0xff5c, 0xff5c], // ｜
  [0xff5e, 0xff5e], // ～
  [0xfff0, 0xffff],
];

/**
 * The normalisation table for a set of options (a few milliseconds; a compiled matcher stores it).
 * Low surrogates are DROP in the table: they are kept only right after a kept (CJK) high surrogate,
 * which the scanners and normalizeString handle in context.
 */
export function buildNormTable(options: NormalizeOptions = DEFAULT_NORMALIZE): Uint16Array {
  // Made once per set of options and process (~20-80 ms: a lower-casing per code unit): loading a
  // library asks for it at least twice (merge, compile). Callers only read it.
  const key = `${+options.width}${+options.case}${+options.t2s}${+options.noise}`;
  let table = tables.get(key);
  if (!table) {
    table = makeNormTable(options);
    tables.set(key, table);
  }
  return table;
}

const tables = new Map<string, Uint16Array>();

function makeNormTable(options: NormalizeOptions): Uint16Array {
  const table = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) table[c] = c;
  if (options.width) {
    for (let c = 0xff01; c <= 0xff5e; c++) table[c] = c - 0xfee0;
    table[0x3000] = 0x20;
  }
  if (options.case) {
    const lower = lowerCaseUnits();
    for (let c = 0; c < 65536; c++) table[c] = lower[table[c] as number] as number;
  }
  if (options.noise) for (const [lo, hi] of NOISE_RANGES) table.fill(DROP, lo, hi + 1);
  // Controls and lone surrogates are never characters of a keyword, noise removal on or off.
  for (let c = 0; c < 0x20; c++) table[c] = DROP;
  for (let c = 0xd800; c <= 0xdfff; c++) table[c] = isCjkHighSurrogate(c) ? c : DROP;
  // traditional → simplified pairs (generated from opencc-js into t2s-pairs.ts)
  if (options.t2s)
    for (let i = 0; i + 1 < T2S_PAIRS.length; i += 2) {
      const to = T2S_PAIRS.charCodeAt(i + 1);
      table[T2S_PAIRS.charCodeAt(i)] = table[to] === DROP ? to : (table[to] as number);
    }
  return table;
}

/**
 * By code unit, its lower case when that is one unit (else itself): String.prototype.toLowerCase of
 * each unit alone. Asked of blocks of 256 units joined by spaces (one call a block instead of one a
 * unit: the per-unit calls were most of the table's ~40 ms at start-up): a space is neither cased
 * nor case-ignorable, so each unit is lowered as if alone (final sigma included), and a block whose
 * lower case is as long as itself mapped every unit to one unit (lowering never shortens); the
 * other blocks are asked unit by unit.
 */
function lowerCaseUnits(): Uint16Array {
  const lower = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) lower[c] = c;
  for (let c = 0x41; c <= 0x5a; c++) lower[c] = c + 0x20;
  const units: number[] = [];
  for (let block = 0xc0; block < 0x10000; block += 256) {
    units.length = 0;
    const end = Math.min(block + 256, 0x10000);
    for (let c = block; c < end; c++) if (!caseless(c)) units.push(c, 0x20);
    if (units.length === 0) continue;
    const asked = String.fromCharCode(...units);
    const got = asked.toLowerCase();
    if (got.length === asked.length)
      for (let k = 0; k < units.length; k += 2) lower[units[k] as number] = got.charCodeAt(k);
    else
      for (let k = 0; k < units.length; k += 2) {
        const one = String.fromCharCode(units[k] as number).toLowerCase();
        if (one.length === 1) lower[units[k] as number] = one.charCodeAt(0);
      }
  }
  return lower;
}

/** Which steps changed a span: used by `lexicon check` to say why something matched. */
export function stepsApplied(
  original: string,
  options: NormalizeOptions,
  table: Uint16Array,
): NormalizeStep[] {
  const steps = new Set<NormalizeStep>();
  for (let i = 0; i < original.length; i++) {
    const c = original.charCodeAt(i);
    const m = table[c] as number;
    if (m === DROP) {
      // the low half of a kept CJK surrogate pair is a letter, not noise
      if ((c & 0xfc00) === 0xdc00 && i > 0 && table[original.charCodeAt(i - 1)] !== DROP) continue;
      steps.add('noise');
      continue;
    }
    if (m === c) continue;
    if (options.width && c >= 0xff01 && c <= 0xff5e) steps.add('width');
    else if (options.case && String.fromCharCode(c).toLowerCase() === String.fromCharCode(m))
      steps.add('case');
    else if (options.t2s) steps.add('t2s');
  }
  return NORMALIZE_STEPS.filter((s) => steps.has(s));
}

/**
 * Normalises a string with a table, with the context rules every scanner applies identically:
 * a CJK high surrogate keeps the low surrogate after it; a run of dropped units between two digits
 * becomes one SEP. For keywords and tests; the scanners inline this.
 */
export function normalizeString(text: string, table: Uint16Array): string {
  // Most keywords are already normal (simplified, lower case, no noise): then the text is its own
  // normal form, with no unit arrays made (loading a 50k list normalises every keyword 3 times).
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === DROP || table[c] !== c || (c & 0xf800) === 0xd800)
      return normalizeWithOffsets(text, table).text;
  }
  return text;
}

/** normalizeString plus, for each normalised unit, the offset of the original unit it came from. */
export function normalizeWithOffsets(text: string, table: Uint16Array): { text: string; offsets: number[] } {
  const units: number[] = [];
  const offsets: number[] = [];
  let gapAt = -1;
  let lastDigit = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let m = table[c] as number;
    // A CJK high surrogate is a letter only with its low surrogate; alone it is noise.
    if (m !== DROP && isHighSurrogate(m) && !isLowSurrogate(text.charCodeAt(i + 1))) m = DROP;
    if (m === DROP) {
      if (gapAt < 0) gapAt = i;
      continue;
    }
    const digit = isDigitUnit(m);
    if (gapAt >= 0 && lastDigit && digit) {
      units.push(SEP);
      offsets.push(gapAt);
    }
    gapAt = -1;
    lastDigit = digit;
    units.push(m);
    offsets.push(i);
    if (isHighSurrogate(m)) {
      i++;
      units.push(text.charCodeAt(i));
      offsets.push(i);
    }
  }
  return { text: unitsToString(units), offsets };
}

function unitsToString(units: number[]): string {
  let out = '';
  for (let i = 0; i < units.length; i += 4096) out += String.fromCharCode(...units.slice(i, i + 4096));
  return out;
}
