import { HOMOPHONES, LOOKALIKES, MIX_SYMBOLS, SPLIT_CHARS, ZERO_WIDTH } from './tables.js';

/**
 * Evasion-variant generators: small pure functions, shared by the keyword library (to match the
 * disguised forms of high-severity keywords) and the red team (to obfuscate prompts).
 */
export const VARIANT_FAMILIES = ['homophone', 'split', 'lookalike', 'zero-width', 'symbol'] as const;
export type VariantFamily = (typeof VARIANT_FAMILIES)[number];

/** Every form of `word` with exactly one character replaced by a homophone (谐音). */
export function homophoneVariants(word: string): string[] {
  return singleSubstitutions(word, (ch) => HOMOPHONES[ch] ?? []);
}

/** Every form of `word` with exactly one character replaced by a look-alike (火星文, homoglyphs). */
export function lookalikeVariants(word: string): string[] {
  return singleSubstitutions(word, (ch) => LOOKALIKES[ch.toLowerCase()] ?? []);
}

/** `word` with every splittable character written as its components (法轮 → 氵去车仑); undefined if none. */
export function splitCharVariant(word: string): string | undefined {
  // one pass, no array of characters (run for every high-severity keyword of a library)
  let out = '';
  let split = false;
  for (let at = 0; at < word.length; ) {
    const end = charEnd(word, at);
    const c = word.slice(at, end);
    const parts = SPLIT_CHARS[c];
    if (parts) split = true;
    out += parts ?? c;
    at = end;
  }
  return split ? out : undefined;
}

/** Forms of `word` with one character split (法轮 → 氵去轮, 法车仑), plus the all-split form. */
export function splitCharVariants(word: string): string[] {
  const out = new Set<string>();
  eachChar(word, (c, at, end) => {
    const parts = SPLIT_CHARS[c];
    if (parts) out.add(word.slice(0, at) + parts + word.slice(end));
  });
  const all = splitCharVariant(word);
  if (all) out.add(all);
  return [...out];
}

/** Calls f with each character (code point) of `word` and its [at, end) units: no array per word. */
function eachChar(word: string, f: (c: string, at: number, end: number) => void): void {
  for (let at = 0; at < word.length; ) {
    const end = charEnd(word, at);
    f(word.slice(at, end), at, end);
    at = end;
  }
}

/** Where the character (code point) at `at` ends: a surrogate pair is one, a lone surrogate too. */
function charEnd(word: string, at: number): number {
  return (word.charCodeAt(at) & 0xfc00) === 0xd800 &&
    at + 1 < word.length &&
    (word.charCodeAt(at + 1) & 0xfc00) === 0xdc00
    ? at + 2
    : at + 1;
}

/** `word` with a zero-width character between every two characters (the n-th of ZERO_WIDTH). */
export function zeroWidthVariant(word: string, n = 0): string {
  return [...word].join(ZERO_WIDTH[n % ZERO_WIDTH.length] as string);
}

/** `word` with symbols between its characters, picked by a seed (deterministic). */
export function symbolMixVariant(word: string, seed = 0): string {
  const chars = [...word];
  return chars
    .map((c, i) =>
      i < chars.length - 1 ? c + (MIX_SYMBOLS[(seed + i * 7) % MIX_SYMBOLS.length] as string) : c,
    )
    .join('');
}

/** One disguised form of `word` by a family (the first substitution), or undefined when none applies. */
export function disguiseWith(family: VariantFamily, word: string): string | undefined {
  switch (family) {
    case 'homophone':
      return homophoneVariants(word)[0];
    case 'lookalike':
      return lookalikeVariants(word)[0];
    case 'split':
      return splitCharVariant(word);
    case 'zero-width':
      return [...word].length > 1 ? zeroWidthVariant(word) : undefined;
    case 'symbol':
      return [...word].length > 1 ? symbolMixVariant(word) : undefined;
  }
}

function singleSubstitutions(word: string, subs: (ch: string) => readonly string[]): string[] {
  const out: string[] = [];
  eachChar(word, (c, at, end) => {
    for (const s of subs(c)) out.push(word.slice(0, at) + s + word.slice(end));
  });
  return out;
}
