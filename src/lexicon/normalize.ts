import * as OpenCC from 'opencc-js';

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

function inRanges(c: number, ranges: ReadonlyArray<readonly [number, number]>): boolean {
  for (const [lo, hi] of ranges) if (c >= lo && c <= hi) return true;
  return false;
}

// Noise: what people insert to split a word (法*轮, 色-情, 法 轮, 法\u200b轮, 法🌸轮). Sentence punctuation
// (，。、《》 …) is NOT noise: dropping it would join words across clause boundaries (颜色。情况).
const NOISE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x00, 0x2f], // controls, space, !"#$%&'()*+,-./
  [0x3a, 0x40], // :;<=>?@
  [0x5b, 0x60], // [\]^_`
  [0x7b, 0x7f], // {|}~ DEL
  [0x80, 0xa0], // C1 controls, NBSP
  [0xa1, 0xbf], // Latin-1 symbols (¡ ¦ § ¨ © « ¬ ® ° ± · » ¿ …)
  [0xd7, 0xd7], // ×
  [0xf7, 0xf7], // ÷
  [0x2000, 0x200f], // spaces, zero-width, directional marks
  [0x2028, 0x202f],
  [0x205f, 0x206f], // word joiner, invisible operators
  [0x2190, 0x2bff], // arrows, maths, technical, box drawing, shapes, misc symbols, dingbats (☆★♀)
  [0x3000, 0x3000], // ideographic space
  [0xd800, 0xdfff], // surrogates: emoji (and astral ideographs, which keywords rarely use)
  [0xfe00, 0xfe0f], // variation selectors
  [0xfeff, 0xfeff], // BOM / zero-width no-break space
  [0xff03, 0xff06], // ＃＄％＆
  [0xff0a, 0xff0b], // ＊＋
  [0xff0d, 0xff0d], // －
  [0xff0f, 0xff0f], // ／
  [0xff1c, 0xff1e], // ＜＝＞
  [0xff20, 0xff20], // ＠
  [0xff3c, 0xff40], // ＼］＾＿｀ (［ kept with brackets below is fine either way)
  [0xff5c, 0xff5e], // ｜｝～
  [0xfff0, 0xffff],
];

/** Builds the traditional → simplified character map from opencc-js (one call over all CJK). */
function t2sPairs(): Array<[number, number]> {
  const convert = OpenCC.Converter({ from: 't', to: 'cn' });
  const ranges: Array<[number, number]> = [
    [0x3400, 0x4dbf],
    [0x4e00, 0x9fff],
    [0xf900, 0xfaff],
  ];
  const chars: string[] = [];
  for (const [lo, hi] of ranges) for (let c = lo; c <= hi; c++) chars.push(String.fromCharCode(c));
  const out = convert(chars.join('\n')).split('\n');
  const pairs: Array<[number, number]> = [];
  if (out.length !== chars.length) return pairs;
  for (let i = 0; i < chars.length; i++) {
    const to = out[i] as string;
    if (to.length === 1 && to !== chars[i])
      pairs.push([(chars[i] as string).charCodeAt(0), to.charCodeAt(0)]);
  }
  return pairs;
}

/**
 * The normalisation table for a set of options. Building with t2s costs ~0.3 s (opencc-js), so a
 * compiled matcher stores its table and never rebuilds it when loaded from a file.
 */
export function buildNormTable(options: NormalizeOptions = DEFAULT_NORMALIZE): Uint16Array {
  const table = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) {
    let m = c;
    if (options.width) {
      if (m >= 0xff01 && m <= 0xff5e) m -= 0xfee0;
      else if (m === 0x3000) m = 0x20;
    }
    if (options.case) {
      if (m >= 0x41 && m <= 0x5a) m += 0x20;
      else if (m >= 0xc0 && !(m >= 0xd800 && m <= 0xdfff)) {
        const lower = String.fromCharCode(m).toLowerCase();
        if (lower.length === 1) m = lower.charCodeAt(0);
      }
    }
    table[c] = m;
    if (options.noise && inRanges(c, NOISE_RANGES)) table[c] = DROP;
  }
  // Digits and letters stay even in the noise ranges' neighbourhood; NUL is always dropped.
  table[0] = DROP;
  if (options.t2s)
    for (const [from, to] of t2sPairs()) table[from] = table[to] === DROP ? to : (table[to] as number);
  return table;
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

/** Normalises a string with a table (for keywords and for tests; the matcher inlines this). */
export function normalizeString(text: string, table: Uint16Array): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const m = table[text.charCodeAt(i)] as number;
    if (m !== DROP) out += String.fromCharCode(m);
  }
  return out;
}
