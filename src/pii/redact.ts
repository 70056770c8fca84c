import { createHmac } from 'node:crypto';
import { PII_LABELS } from './labels.js';
import { CONFIDENCE_ORDER, type Confidence, type Finding, type PiiType } from './types.js';

/**
 * De-identification strategies (PIPL Art. 73(3) 去标识化):
 * - `mask`: keep a prefix/suffix, star the rest (138****5678); separators kept so formats survive
 * - `tag`: replace with the type's tag ([身份证])
 * - `pseudonym`: keyed HMAC-SHA256 token; the same value always maps to the same token, so joins
 *   across records survive, and without the key the mapping cannot be recomputed
 * - `generalise`: birth date → year for ID numbers, address → province/city; other types → tag
 * - `keep`: leave as is (e.g. organisation USCCs a corpus is allowed to keep)
 */
export type Strategy = 'mask' | 'tag' | 'pseudonym' | 'generalise' | 'keep';

export interface TypePolicy {
  strategy: Strategy;
  keepPrefix?: number;
  keepSuffix?: number;
}

export interface RedactionPolicy {
  /** findings below this level are left in place (default: redact everything found) */
  minConfidence: Confidence;
  default: TypePolicy;
  perType: Partial<Record<PiiType, TypePolicy>>;
}

/** Prefix/suffix kept by `mask` when the policy does not say. Chosen so a mask never re-identifies. */
export const DEFAULT_MASK_KEEP: Record<PiiType, [number, number]> = {
  'cn-id-card': [3, 4],
  'cn-mobile': [3, 4],
  'cn-landline': [4, 2],
  'bank-card': [4, 4],
  'cn-uscc': [2, 2],
  passport: [1, 2],
  'cn-travel-permit': [1, 2],
  'cn-plate': [2, 1],
  email: [1, 0],
  ip: [0, 0],
  mac: [0, 0],
  'url-credentials': [0, 0],
  'person-name': [1, 0],
  address: [3, 0],
};

export const DEFAULT_POLICY: RedactionPolicy = {
  minConfidence: 'possible',
  default: { strategy: 'mask' },
  perType: {},
};

/**
 * What stays as it is inside a masked value (/[\s\-·•.:@/]/ by code point: white space as `\s`
 * reads it, - · • . : @ /). A table: masking runs once per finding redacted.
 */
const SEPARATOR = new Uint8Array(0x10000);
for (const c of [9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff])
  SEPARATOR[c] = 1;
for (let c = 0x2000; c <= 0x200a; c++) SEPARATOR[c] = 1;
for (const c of '-·•.:@/') SEPARATOR[c.charCodeAt(0)] = 1;

/** Masks the middle of a value, keeping separators so the shape survives (138 **** 5678). */
export function maskValue(f: Pick<Finding, 'type' | 'value' | 'facts'>, policy?: TypePolicy): string {
  const [dp, ds] = DEFAULT_MASK_KEEP[f.type];
  let prefix = policy?.keepPrefix ?? dp;
  const suffix = policy?.keepSuffix ?? ds;
  const v = f.value;
  if (f.type === 'email') {
    const at = v.lastIndexOf('@');
    return `${v.slice(0, Math.min(prefix, at))}${'*'.repeat(Math.max(3, at - prefix))}${v.slice(at)}`;
  }
  if (f.type === 'url-credentials') {
    const m = /^([^:]+:\/\/)[^@]+(@.*)$/.exec(v);
    if (m) return `${m[1]}***${m[2]}`;
  }
  if (f.type === 'address' && policy?.keepPrefix === undefined && f.facts?.region)
    prefix = f.facts.region.length;
  // by code point, as `for…of` reads them (a surrogate pair is one character, never a separator),
  // with index loops: masking runs once per finding redacted
  let counted = 0;
  let plain = true;
  for (let i = 0; i < v.length; i++) {
    const w = pairAt(v, i);
    if (w === 2) i++;
    if (w === 2 || SEPARATOR[v.charCodeAt(i)] !== 1) counted++;
    if (w === 2 || SEPARATOR[v.charCodeAt(i)] === 1) plain = false;
  }
  if (prefix + suffix >= counted) prefix = Math.max(0, Math.min(prefix, counted - suffix - 1));
  // the usual value (a name, a run of digits) has one code unit per character and no separator:
  // its kept ends and the stars between them are three strings, not one per character
  // (whole, non-negative counts only, as every policy gives: the loop below takes any number)
  if (plain && prefix >= 0 && suffix >= 0 && Number.isInteger(prefix) && Number.isInteger(suffix)) {
    const head = Math.min(prefix, counted);
    const tail = Math.min(counted, Math.max(head, counted - suffix));
    return v.slice(0, head) + '*'.repeat(tail - head) + v.slice(tail);
  }
  let seen = 0;
  let out = '';
  for (let i = 0; i < v.length; i++) {
    const w = pairAt(v, i);
    if (w === 1 && SEPARATOR[v.charCodeAt(i)] === 1) {
      out += v[i];
      continue;
    }
    const k = seen++;
    out += k < prefix || k >= counted - suffix ? (w === 2 ? v.slice(i, i + 2) : v[i]) : '*';
    if (w === 2) i++;
  }
  return out;
}

/** 2 when a surrogate pair starts at `i` (one code point of two UTF-16 units), else 1. */
function pairAt(v: string, i: number): 1 | 2 {
  const c = v.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= v.length) return 1;
  const d = v.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
}

export const tagOf = (type: PiiType): string => `[${PII_LABELS[type].zh}]`;

/** Canonical form for pseudonyms: formatting differences must not change the token. */
export function normaliseValue(type: PiiType, value: string): string {
  switch (type) {
    case 'cn-mobile':
      return value.replace(/\D/g, '').replace(/^(?:0086|86)(?=1\d{10}$)/, '');
    case 'cn-id-card':
    case 'bank-card':
    case 'cn-landline':
      return value.replace(/[^0-9Xx]/g, '').toUpperCase();
    case 'email':
    case 'mac':
      return value.toLowerCase().replace(/[-.]/g, (c) => (type === 'mac' ? ':' : c));
    default:
      return value.replace(/\s+/g, '');
  }
}

export function pseudonymOf(type: PiiType, value: string, key: Uint8Array): string {
  const h = createHmac('sha256', key)
    .update(`${type}\u0000${normaliseValue(type, value)}`)
    .digest('hex');
  return `[${PII_LABELS[type].zh}#${h.slice(0, 12)}]`;
}

export function generaliseOf(f: Pick<Finding, 'type' | 'facts'>): string {
  if (f.type === 'cn-id-card' && f.facts?.birthYear)
    return `[${PII_LABELS[f.type].zh}·${f.facts.birthYear}年生]`;
  if (f.type === 'address' && f.facts?.region) return f.facts.region;
  return tagOf(f.type);
}

export interface RedactOptions {
  policy: RedactionPolicy;
  /** the pseudonym key; required when any applied policy is `pseudonym` */
  key?: Uint8Array;
}

export function replacementFor(f: Finding, options: RedactOptions): string {
  const p = options.policy.perType[f.type] ?? options.policy.default;
  switch (p.strategy) {
    case 'keep':
      return f.value;
    case 'tag':
      return tagOf(f.type);
    case 'generalise':
      return generaliseOf(f);
    case 'pseudonym':
      if (!options.key) throw new Error('pseudonym strategy needs a key');
      return pseudonymOf(f.type, f.value, options.key);
    default:
      return maskValue(f, p);
  }
}

/** Applies the policy to non-overlapping findings (scanText output). Pure. */
export function redactText(text: string, findings: readonly Finding[], options: RedactOptions): string {
  const min = CONFIDENCE_ORDER[options.policy.minConfidence];
  let out = '';
  let at = 0;
  for (const f of findings) {
    if (CONFIDENCE_ORDER[f.confidence] < min || f.start < at) continue;
    out += text.slice(at, f.start) + replacementFor(f, options);
    at = f.end;
  }
  return out + text.slice(at);
}

/** True when a policy would need a pseudonym key. */
export const needsKey = (policy: RedactionPolicy): boolean =>
  policy.default.strategy === 'pseudonym' ||
  Object.values(policy.perType).some((p) => p?.strategy === 'pseudonym');

/**
 * Digit runs long enough to be part of an identifier (7+ digits, spaces or dashes allowed inside),
 * and e-mail-like tokens: starred even when no detector verifies them, because an excerpt may cut
 * an ID number or phone in half, which no checksum can then confirm.
 */
const LOOSE_IDENTIFIER = /\d[\d -]{5,}\d[\dXx]?|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/**
 * Stars every character of the personal information in a text, keeping its length so offsets
 * into it (keyword matches in report excerpts) stay valid. For texts shown in reports, not for
 * de-identified corpora (use redactText there). Pure.
 */
export function starPersonalInfo(text: string, findings: readonly Pick<Finding, 'start' | 'end'>[]): string {
  const chars = text.split('');
  const star = (s: number, e: number) => {
    for (let i = s; i < e; i++) if (!/\s/.test(chars[i] ?? '')) chars[i] = '*';
  };
  for (const f of findings) star(f.start, f.end);
  for (const m of text.matchAll(LOOSE_IDENTIFIER)) {
    const digits = m[0].replace(/\D/g, '').length;
    if (m[0].includes('@') || digits >= 7) star(m.index, m.index + m[0].length);
  }
  return chars.join('');
}
