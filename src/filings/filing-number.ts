import type { Issue } from '../errors.js';
import type { Bilingual, FilingKind } from '../kb/schema.js';

export type NumberCheck =
  | { ok: true; normalised: string; reminder: Bilingual | undefined }
  | { ok: false; message: string };

/** Labels that precede a number when it is copied from a web page or a certificate. */
const LABEL = /^(?:算法备案编号|算法备案号|备案编号|备案号|登记编号|上线编号|编号)[:：]?/u;

/**
 * The canonical form of a filing, registration or launch number as pasted from a page or a
 * document: full-width digits, letters, colons and dashes become ASCII, spaces go, a leading label
 * ("备案号：") goes, and an algorithm number's display forms ("网信算备：…", without the final 号)
 * become 网信算备<digits>号. Pure; it does not judge the number (validateFilingNumber does).
 */
export function canonicalFilingNumber(raw: string): string {
  let s = raw
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, '')
    .replace(LABEL, '');
  const alg = /^网信算备[:：]?([0-9]+)号?$/u.exec(s);
  if (alg) s = `网信算备${alg[1]}号`;
  return s;
}

/**
 * Validates a number against the format of the filing kind it is recorded for (the kind comes
 * from the record: filing and registration numbers share a shape) and returns the canonical form
 * and the display reminder from the same KB entry.
 */
export function validateFilingNumber(kind: FilingKind, raw: string): NumberCheck {
  const format = kind.numberFormat;
  const normalised = canonicalFilingNumber(raw);
  if (!format) return { ok: true, normalised, reminder: kind.display?.text };
  if (!new RegExp(format.pattern, 'u').test(normalised)) {
    return {
      ok: false,
      message: `"${raw}" is not a ${kind.id} number: expected the form ${format.example} (${format.description.en})`,
    };
  }
  return { ok: true, normalised, reminder: kind.display?.text };
}

/** A filing number recorded in beian.yaml, with the kind its place in the file gives it. */
export interface RecordedNumber {
  /** beian.yaml path, e.g. services[0].algorithms[1].filingNumber */
  field: string;
  kind: FilingKind['id'];
  value: string;
}

interface ServiceNumbers {
  answers: { model?: { source?: string; filingNumber?: string | undefined } | undefined };
  algorithms?: readonly { filingNumber?: string | undefined }[] | undefined;
  models?: readonly { filingNumber?: string | undefined }[] | undefined;
  registration?: { number?: string | undefined } | undefined;
}

/**
 * Every number in the file and the kind it belongs to, from where it is recorded (never from its
 * shape: filing and registration numbers look alike).
 */
export function recordedNumbers(services: readonly ServiceNumbers[]): RecordedNumber[] {
  const out: RecordedNumber[] = [];
  services.forEach((s, i) => {
    const p = `services[${i}]`;
    s.algorithms?.forEach((a, j) => {
      if (a.filingNumber)
        out.push({
          field: `${p}.algorithms[${j}].filingNumber`,
          kind: 'algorithm-filing',
          value: a.filingNumber,
        });
    });
    const registers = s.answers.model?.source === 'third-party-api';
    s.models?.forEach((m, j) => {
      if (m.filingNumber)
        out.push({
          field: `${p}.models[${j}].filingNumber`,
          kind: registers ? 'genai-registration' : 'genai-filing',
          value: m.filingNumber,
        });
    });
    const called = s.answers.model?.filingNumber;
    if (called) out.push({ field: `${p}.answers.model.filingNumber`, kind: 'genai-filing', value: called });
    if (s.registration?.number)
      out.push({
        field: `${p}.registration.number`,
        kind: 'genai-registration',
        value: s.registration.number,
      });
  });
  return out;
}

/** The recorded numbers that do not fit their kind's format in the KB. Pure. */
export function numberIssues(
  services: readonly ServiceNumbers[],
  kinds: readonly FilingKind[],
  file: string,
): Issue[] {
  return recordedNumbers(services).flatMap((n) => {
    const kind = kinds.find((k) => k.id === n.kind);
    if (!kind) return [];
    const r = validateFilingNumber(kind, n.value);
    if (r.ok) return [];
    const params = { value: n.value, kind: kind.id, example: kind.numberFormat?.example ?? '' };
    return [{ file, path: n.field, message: r.message, key: 'filings.numberWrongForm' as const, params }];
  });
}
