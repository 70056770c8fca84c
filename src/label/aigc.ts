import { checkProviderCode } from './provider-code.js';

/**
 * The implicit label of GB 45438-2025 Annex E: one JSON object under the key `AIGC`.
 * Field order follows the annex; every value is a string.
 */
export const AIGC_FIELDS = [
  'Label',
  'ContentProducer',
  'ProduceID',
  'ReservedCode1',
  'ContentPropagator',
  'PropagateID',
  'ReservedCode2',
] as const;
export type AigcField = (typeof AIGC_FIELDS)[number];

/** "1" AI-generated, "2" possibly generated, "3" suspected (Measures Art. 6). */
export type LabelClass = '1' | '2' | '3';

export interface AigcValue {
  Label: LabelClass;
  ContentProducer: string;
  ProduceID: string;
  ReservedCode1?: string;
  ContentPropagator?: string;
  PropagateID?: string;
  ReservedCode2?: string;
}

export type IssueCode =
  | 'json'
  | 'not-object'
  | 'missing'
  | 'not-string'
  | 'label-value'
  | 'charset'
  | 'unknown-field'
  | 'provider-code'
  | 'propagator-code'
  | 'integrity-missing'
  | 'integrity-mismatch'
  | 'integrity-format'
  | 'duplicate'
  | 'absent'
  | 'unsupported'
  | 'damaged'
  | 'explicit-missing';

export interface LabelIssue {
  readonly severity: 'error' | 'warning';
  readonly code: IssueCode;
  readonly field?: string;
  /** machine detail (a character, a sub-problem), never user content beyond a short excerpt */
  readonly detail?: string;
}

const REQUIRED: readonly AigcField[] = ['Label', 'ContentProducer', 'ProduceID'];

/**
 * Annex E character set: 0x21, 0x23–0x5B, 0x5D–0x7E, plus the quote written as `\"` in the JSON.
 * Space, backslash and anything non-ASCII are outside it, so Chinese names must be codes.
 */
export function firstBadChar(value: string): string | undefined {
  for (const ch of value) {
    const c = ch.codePointAt(0) ?? 0;
    const ok = c === 0x21 || c === 0x22 || (c >= 0x23 && c <= 0x5b) || (c >= 0x5d && c <= 0x7e);
    if (!ok) return ch;
  }
  return undefined;
}

export interface ParsedAigc {
  value?: AigcValue;
  /** the raw strings found, including fields that failed validation */
  fields: Partial<Record<AigcField, string>>;
  issues: LabelIssue[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parses and validates one stored label. Accepts the inner object (how XMP, ID3 and the other
 * keyed placements store it) and the wrapped `{"AIGC":{…}}` form of the annex.
 */
export function parseAigc(raw: string): ParsedAigc {
  let json: unknown;
  try {
    json = JSON.parse(raw.trim());
  } catch {
    return { fields: {}, issues: [{ severity: 'error', code: 'json' }] };
  }
  if (isRecord(json) && Object.keys(json).length === 1 && isRecord(json.AIGC)) json = json.AIGC;
  if (!isRecord(json)) return { fields: {}, issues: [{ severity: 'error', code: 'not-object' }] };
  const issues: LabelIssue[] = [];
  const fields: Partial<Record<AigcField, string>> = {};
  for (const [key, v] of Object.entries(json)) {
    if (!(AIGC_FIELDS as readonly string[]).includes(key)) {
      issues.push({ severity: 'warning', code: 'unknown-field', field: key.slice(0, 40) });
      continue;
    }
    const field = key as AigcField;
    if (typeof v !== 'string') {
      issues.push({ severity: 'error', code: 'not-string', field });
      continue;
    }
    fields[field] = v;
    const bad = firstBadChar(v);
    if (bad !== undefined)
      issues.push({
        severity: 'error',
        code: 'charset',
        field,
        detail: `U+${(bad.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
      });
  }
  for (const field of REQUIRED)
    if (fields[field] === undefined || fields[field] === '')
      if (!issues.some((i) => i.field === field)) issues.push({ severity: 'error', code: 'missing', field });
  const label = fields.Label;
  if (label !== undefined && label !== '' && label !== '1' && label !== '2' && label !== '3')
    issues.push({ severity: 'error', code: 'label-value', field: 'Label', detail: label.slice(0, 10) });
  for (const [field, code] of [
    ['ContentProducer', 'provider-code'],
    ['ContentPropagator', 'propagator-code'],
  ] as const) {
    const v = fields[field];
    if (!v) continue;
    const { problems } = checkProviderCode(v);
    // A malformed attempt at a TC260 code is an error; another identifier is only a warning,
    // since the code format comes from a practice guide (◐), not from the standard itself.
    const looksLikeCode = v.length === 27 && v.startsWith('00');
    if (problems.length > 0)
      issues.push({ severity: looksLikeCode ? 'error' : 'warning', code, field, detail: problems.join(',') });
  }
  const ok = !issues.some((i) => i.severity === 'error');
  if (!ok) return { fields, issues };
  const value: AigcValue = {
    Label: fields.Label as LabelClass,
    ContentProducer: fields.ContentProducer ?? '',
    ProduceID: fields.ProduceID ?? '',
  };
  for (const f of ['ReservedCode1', 'ContentPropagator', 'PropagateID', 'ReservedCode2'] as const)
    if (fields[f] !== undefined) value[f] = fields[f];
  return { value, fields, issues };
}

/** The stored form: the inner object, fields in annex order, empty optional fields kept out. */
export function serializeAigc(value: AigcValue): string {
  const out: Record<string, string> = {};
  for (const f of AIGC_FIELDS) {
    const v = value[f];
    if (v !== undefined) out[f] = v;
  }
  return JSON.stringify(out);
}

/** Validates a value before writing it: the same rules as reading. */
export function validateAigc(value: AigcValue): LabelIssue[] {
  return parseAigc(serializeAigc(value)).issues;
}
