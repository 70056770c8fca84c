import {
  type AigcValue,
  type LabelClass,
  type LabelIssue,
  type ParsedAigc,
  parseAigc,
  validateAigc,
} from './aigc.js';
import type { FoundLabel } from './formats/codec.js';
import { checkIntegrity, INTEGRITY_HEX } from './integrity.js';

/** The verdict on a file's implicit label. */
export interface ImplicitVerdict {
  ok: boolean;
  present: boolean;
  value?: AigcValue;
  fields: ParsedAigc['fields'];
  where?: string;
  issues: LabelIssue[];
  /** the digest is worth computing: one well-formed label whose ReservedCode1 looks like ours */
  needsDigest: boolean;
}

const failed = (issues: LabelIssue[]) => issues.some((i) => i.severity === 'error');

/** Judges the labels a codec found: exactly one, well formed. Integrity comes next, with the digest. */
export function judgeImplicit(found: readonly FoundLabel[]): ImplicitVerdict {
  if (found.length === 0)
    return {
      ok: false,
      present: false,
      fields: {},
      issues: [{ severity: 'error', code: 'absent' }],
      needsDigest: false,
    };
  const first = found[0] as FoundLabel;
  const parsed = parseAigc(first.raw);
  const issues = [...parsed.issues];
  if (found.length > 1)
    issues.unshift({ severity: 'error', code: 'duplicate', detail: found.map((f) => f.where).join(' + ') });
  const code = parsed.value?.ReservedCode1?.toLowerCase();
  return {
    ok: !failed(issues),
    present: true,
    ...(parsed.value ? { value: parsed.value } : {}),
    fields: parsed.fields,
    where: first.where,
    issues,
    needsDigest: parsed.value !== undefined && code !== undefined && INTEGRITY_HEX.test(code),
  };
}

/** Adds the ReservedCode1 check (digest undefined: the format cannot separate content from label). */
export function withIntegrity(v: ImplicitVerdict, digest: string | undefined): ImplicitVerdict {
  if (!v.value) return v;
  const issues = [...v.issues, ...checkIntegrity(v.value, digest)];
  return { ...v, issues, ok: !failed(issues) };
}

export interface NewLabel {
  producer: string;
  produceId: string;
  label?: LabelClass;
  digest?: string;
  propagator?: string;
  propagateId?: string;
}

/** The value written by `label add`; validated before any byte is written. */
export function buildValue(n: NewLabel): { value: AigcValue; issues: LabelIssue[] } {
  const value: AigcValue = {
    Label: n.label ?? '1',
    ContentProducer: n.producer,
    ProduceID: n.produceId,
    ...(n.digest ? { ReservedCode1: n.digest } : {}),
    ...(n.propagator ? { ContentPropagator: n.propagator } : {}),
    ...(n.propagateId ? { PropagateID: n.propagateId } : {}),
  };
  return { value, issues: validateAigc(value) };
}

/**
 * Measures Art. 6, platform side: an implicit label verified in the metadata → "1" (AI-generated);
 * none, but the uploader declared it → "2" (possibly); neither, but traces (an explicit label, or a
 * label that fails validation) → "3" (suspected); nothing at all → not labelled.
 */
export function classifyForPlatform(input: {
  implicit: ImplicitVerdict;
  declared: boolean;
  explicitFound: boolean;
}): LabelClass | undefined {
  if (input.implicit.ok) return '1';
  if (input.declared) return '2';
  if (input.explicitFound || input.implicit.present) return '3';
  return undefined;
}

/**
 * The propagator's relabel: the producer's fields stay; the platform adds its code and number.
 * When no producer is known (class 2 or 3), the platform's code stands in for it, since the field is
 * mandatory (implementers' reading of Annex E: the propagator fields may equal the producer's).
 */
export function propagatedValue(
  existing: AigcValue | undefined,
  cls: LabelClass,
  propagator: string,
  propagateId: string,
): AigcValue {
  const base: AigcValue = existing ?? { Label: cls, ContentProducer: propagator, ProduceID: propagateId };
  return { ...base, Label: cls, ContentPropagator: propagator, PropagateID: propagateId };
}
