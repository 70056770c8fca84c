import { describe, expect, it } from 'vitest';
import { parseBool, parseDuration, parseNumber, parseTime } from './values.js';

describe('decision-log values', () => {
  it('parses numbers, booleans, times and durations, refusing what it cannot read', () => {
    expect(parseNumber(' 12.5 ')).toBe(12.5);
    expect(parseNumber('¥1,299.00')).toBe(1299);
    expect(parseNumber('12,5')).toBeUndefined();
    expect(parseNumber('abc')).toBeUndefined();
    expect(parseNumber('')).toBeUndefined();
    expect(parseBool('是')).toBe(true);
    expect(parseBool('FALSE')).toBe(false);
    expect(parseBool('maybe')).toBeUndefined();
    expect(parseTime('2026-10-01T00:00:00Z')).toBe(Date.UTC(2026, 9, 1));
    expect(parseTime('1790000000')).toBe(1790000000 * 1000);
    expect(parseTime('1790000000000')).toBe(1790000000000);
    expect(parseTime('yesterday')).toBeUndefined();
    expect(parseDuration('1d')).toBe(86_400_000);
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(parseDuration('0d')).toBeUndefined();
    expect(parseDuration('1 fortnight')).toBeUndefined();
  });
});
