import { BeianError } from '../errors.js';

/**
 * The one place flag values become numbers. Each returns undefined when the flag was not given and
 * throws a USAGE error (exit 2) naming the flag when it does not parse.
 */
export function num(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n))
    throw BeianError.of('USAGE', 'flag.notNumber', { flag, value });
  return n;
}

/** A number > 0, optionally ≤ max. */
export function positive(
  value: string | undefined,
  flag: string,
  max = Number.POSITIVE_INFINITY,
): number | undefined {
  const n = num(value, flag);
  if (n === undefined) return undefined;
  if (n <= 0) throw BeianError.of('USAGE', 'flag.notPositive', { flag, value: String(value) });
  if (n > max) throw BeianError.of('USAGE', 'flag.outOfRange', { flag, value: String(value), min: 0, max });
  return n;
}

/** An integer ≥ 1. */
export function positiveInt(value: string | undefined, flag: string): number | undefined {
  const n = num(value, flag);
  if (n === undefined) return undefined;
  if (!Number.isInteger(n) || n < 1)
    throw BeianError.of('USAGE', 'flag.notPositiveInt', { flag, value: String(value) });
  return n;
}

/** An integer in [min, max]. */
export function intIn(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  const n = num(value, flag);
  if (n === undefined) return undefined;
  if (!Number.isInteger(n) || n < min || n > max)
    throw BeianError.of('USAGE', 'flag.outOfRange', { flag, value: String(value), min, max });
  return n;
}

/** Repeatable flag: `--x a --x b` → ['a', 'b']. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Repeatable, comma-separated flag: `--x a,b --x c` → ['a', 'b', 'c']. */
export const collectList = (value: string, previous: string[] = []): string[] => [
  ...previous,
  ...value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
];
