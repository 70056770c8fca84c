import { idCardCheckChar, luhnCheckDigit, USCC_CHARS, usccCheckChar } from './checksums.js';

/**
 * Builders of valid identifiers for tests and the evaluation set. They take their random parts as
 * arguments, so fast-check (or a seeded generator) controls them. Pure.
 */
export function makeIdCard(
  division6: string,
  year: number,
  month: number,
  day: number,
  seq3: number,
): string {
  const body = `${division6}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(seq3).padStart(3, '0')}`;
  return body + idCardCheckChar(body);
}

/** A card number of `length` digits on a BIN, with a valid Luhn digit. */
export function makeBankCard(bin: string, bodyDigits: string, length: 16 | 19): string {
  const body = (bin + bodyDigits).slice(0, length - 1).padEnd(length - 1, '0');
  return body + luhnCheckDigit(body);
}

/**
 * A unified social credit code: authority+type (e.g. 91), 6-digit division, 9-character
 * organisation code drawn from `orgIndexes` (indexes into the GB 32100 character set), check char.
 */
export function makeUscc(authorityType: string, division6: string, orgIndexes: readonly number[]): string {
  const org = orgIndexes
    .slice(0, 9)
    .map((i) => USCC_CHARS[Math.abs(i) % USCC_CHARS.length])
    .join('')
    .padEnd(9, '0');
  const body = authorityType + division6 + org;
  return body + (usccCheckChar(body) ?? '0');
}

/** Replaces the last character with a different one of the same class (a corrupted check digit). */
export function mutateLast(value: string, alphabet: string, shift: number): string {
  const last = value.at(-1) ?? '0';
  const i = alphabet.indexOf(last.toUpperCase());
  const next = alphabet[(i + 1 + (Math.abs(shift) % (alphabet.length - 1))) % alphabet.length] ?? '0';
  return value.slice(0, -1) + next;
}

/** Real division codes used by the generators (capital districts of several provinces). */
export const SAMPLE_DIVISIONS = [
  '110101',
  '110108',
  '310104',
  '440305',
  '330106',
  '510107',
  '420102',
  '610113',
  '320102',
  '370102',
];
