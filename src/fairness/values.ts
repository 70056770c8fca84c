/** Parsing of the values of a decision log's cells. Pure; each returns undefined when it cannot. */

/** A plain decimal number; thousands separators and a leading currency sign are tolerated. */
export function parseNumber(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  // fast path: a plain number (the common case in a 10M-row log)
  const direct = Number(raw);
  if (raw !== '' && Number.isFinite(direct) && raw.trim() !== '') return direct;
  const text = raw
    .trim()
    .replace(/^[¥￥$€£]/, '')
    .replace(/,(?=\d{3}(\D|$))/g, '');
  if (text === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

const TRUE = new Set(['1', 'true', 'yes', 'y', 't', '是', '通过', 'approved', 'shown']);
const FALSE = new Set(['0', 'false', 'no', 'n', 'f', '否', '拒绝', 'rejected', 'hidden']);

/** 1/0, true/false, yes/no, 是/否. */
export function parseBool(raw: string | undefined): boolean | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim().toLowerCase();
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  return undefined;
}

/**
 * A timestamp in milliseconds: ISO 8601 / RFC 2822 text, or a Unix epoch number (seconds when it is
 * below 1e11, i.e. before the year 5138 in seconds; milliseconds otherwise).
 */
export function parseTime(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim();
  if (text === '') return undefined;
  if (/^-?\d+(\.\d+)?$/.test(text)) {
    const n = Number(text);
    return Math.abs(n) < 1e11 ? n * 1000 : n;
  }
  const t = Date.parse(text);
  return Number.isNaN(t) ? undefined : t;
}

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** "30m", "1h", "1d", "7d", "2w" → milliseconds. */
export function parseDuration(raw: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([smhdw])$/.exec(raw.trim());
  if (!m) return undefined;
  const ms = Number(m[1]) * UNITS[m[2]!]!;
  return ms > 0 ? ms : undefined;
}
