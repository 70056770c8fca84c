import type { TextProfile } from './profile.js';

/**
 * Personal-information detection: the shared types. Offsets are UTF-16 code units of the scanned
 * text (JavaScript string indices), so `text.slice(start, end)` is the matched value.
 */
export const PII_TYPES = [
  'cn-id-card',
  'cn-mobile',
  'cn-landline',
  'bank-card',
  'cn-uscc',
  'passport',
  'cn-travel-permit',
  'cn-plate',
  'email',
  'ip',
  'mac',
  'url-credentials',
  'person-name',
  'address',
] as const;
export type PiiType = (typeof PII_TYPES)[number];

export const isPiiType = (value: string): value is PiiType =>
  (PII_TYPES as readonly string[]).includes(value);

/**
 * Coarse confidence: `high` = structurally verified (checksum, strict format, strong context);
 * `medium` = plausible format without verification; `possible` = a look-alike that failed its
 * checksum or lacks context. Redaction residual checks count `high` only.
 */
export type Confidence = 'high' | 'medium' | 'possible';
export const CONFIDENCE_ORDER: Record<Confidence, number> = { possible: 0, medium: 1, high: 2 };

export const confidenceOf = (score: number): Confidence =>
  score >= 0.85 ? 'high' : score >= 0.6 ? 'medium' : 'possible';

/** Facts a detector extracted that de-identification can generalise to (never raw identifiers). */
export interface FindingFacts {
  /** birth year from an ID card number */
  birthYear?: number;
  /** the province/city prefix of an address, e.g. 北京市 or 广东省深圳市 */
  region?: string;
}

export interface Finding {
  type: PiiType;
  start: number;
  end: number;
  /** the matched text: in memory only, never persisted or printed (use mask()) */
  value: string;
  /** 0..1 */
  score: number;
  confidence: Confidence;
  facts?: FindingFacts;
}

/** One detector per PII type; pure and synchronous. */
export interface Detector {
  readonly type: PiiType;
  detect(text: string): Finding[];
  /** false when the text cannot hold this type (read from one shared pass over the text) */
  applies?(p: TextProfile): boolean;
}

export const finding = (
  type: PiiType,
  text: string,
  start: number,
  end: number,
  score: number,
  facts?: FindingFacts,
): Finding => {
  const s = Math.max(0, Math.min(1, score));
  const f: Finding = {
    type,
    start,
    end,
    value: text.slice(start, end),
    score: s,
    confidence: confidenceOf(s),
  };
  if (facts) f.facts = facts;
  return f;
};
