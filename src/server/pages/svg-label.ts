/** Width of a label in px at 12px: CJK characters are about 12px, others about 7px. */
export const labelPx = (s: string): number =>
  [...s].reduce((a, ch) => a + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 12 : 7), 0);

/**
 * `s` when it fits in `maxPx`, else as many whole characters as fit followed by "…" (never cut
 * mid-character; the chart shows the full text as the tooltip).
 */
export function clipLabel(s: string, maxPx: number): string {
  if (labelPx(s) <= maxPx) return s;
  let out = '';
  for (const ch of s) {
    if (labelPx(`${out}${ch}…`) > maxPx) break;
    out += ch;
  }
  return `${out}…`;
}
