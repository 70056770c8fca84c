/**
 * HTML building with escaping by default: every interpolated value is escaped unless it is already
 * SafeHtml (built by this tag). Untrusted text (service names, model answers) can only reach a page
 * through `h`, so it is always escaped. Hand-rolled (not JSX) because the overview of 5,000 filings
 * renders as plain string concatenation.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESC: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

export function esc(s: string): string {
  return s.replace(/[&<>"'`]/g, (c) => ESC[c] ?? c);
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(v: HtmlValue): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  return esc(String(v));
}

export function h(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}

/** Path segments are percent-encoded so an id can never break out of an href. */
export const seg = (s: string): string => encodeURIComponent(s);
