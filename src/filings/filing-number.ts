import type { Bilingual, FilingKind } from '../kb/schema.js';

export type NumberCheck =
  | { ok: true; normalised: string; reminder: Bilingual | undefined }
  | { ok: false; message: string };

/** Full-width digits and letters, as pasted from Chinese documents, become ASCII before checking. */
function normalise(raw: string): string {
  return raw
    .trim()
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    )
    .replace(/[\uFF0D\u2010-\u2015]/g, '-')
    .replace(/\s+/g, '');
}

/**
 * Validates a filing or launch number against the kind's format in the KB and returns the
 * display reminder (where the number must be shown) from the same KB entry.
 */
export function validateFilingNumber(kind: FilingKind, raw: string): NumberCheck {
  const format = kind.numberFormat;
  const normalised = normalise(raw);
  if (!format) return { ok: true, normalised, reminder: kind.display?.text };
  if (!new RegExp(format.pattern, 'u').test(normalised)) {
    return {
      ok: false,
      message: `"${raw}" is not a ${kind.id} number: expected the form ${format.example} (${format.description.en})`,
    };
  }
  return { ok: true, normalised, reminder: kind.display?.text };
}
