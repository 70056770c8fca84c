import type { PiiDictionaries } from '../dictionaries.js';

/** Character class: Han, Latin letter, digit, the name separator ·, punctuation/space, other. */
export function charClass(ch: string | undefined): string {
  if (ch === undefined) return '_';
  const c = ch.charCodeAt(0);
  if (c >= 0x4e00 && c <= 0x9fff) return 'H';
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return 'L';
  if (c >= 48 && c <= 57) return 'D';
  if (ch === '·' || ch === '•' || ch === '-') return 'M';
  if (/\s|\p{P}/u.test(ch)) return 'P';
  return 'O';
}

/**
 * The features of position i (without the previous tag, added by the decoder): characters and
 * character pairs in a ±2 window, classes, and dictionary facts (surname here or just before,
 * given-name character). Strings, so a model file stays readable and independent of any hashing.
 */
export function positionFeatures(
  text: string,
  i: number,
  d: PiiDictionaries,
  surnames: ReadonlySet<string>,
): string[] {
  const c = (k: number) => text[i + k] ?? (i + k < 0 ? '^' : '$');
  const sur = (k: number) => surnames.has(c(k)) || surnames.has(c(k) + c(k + 1));
  return [
    'b',
    `u0${c(0)}`,
    `u-1${c(-1)}`,
    `u1${c(1)}`,
    `u-2${c(-2)}`,
    `u2${c(2)}`,
    `p-1${c(-1)}${c(0)}`,
    `p1${c(0)}${c(1)}`,
    `p-2${c(-2)}${c(-1)}`,
    `p2${c(1)}${c(2)}`,
    `k${charClass(text[i - 1])}${charClass(text[i])}${charClass(text[i + 1])}`,
    `s${sur(0) ? 1 : 0}${sur(-1) ? 1 : 0}${sur(-2) ? 1 : 0}`,
    `g${d.givenNameChars.has(c(0)) ? 1 : 0}${d.givenNameChars.has(c(1)) ? 1 : 0}`,
  ];
}
