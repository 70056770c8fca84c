/**
 * Column widths for document tables that fit their content: every column is at least as wide as
 * its longest unbreakable run (a number such as "300,000.00", a percentage, an id, a Latin word),
 * so Word and LibreOffice never break one across lines; the width left over goes to the columns
 * with long text, in proportion to what they hold. Pure; widths in the caller's unit (twips).
 */

/** Display width in ems: CJK characters are one em, Latin ones about half (0.55). */
export function textEms(text: string): number {
  let ems = 0;
  for (const ch of text) ems += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.55;
  return ems;
}

/** The longest run a line breaker must keep whole: no spaces, and no CJK inside. */
export function longestUnbreakable(text: string): number {
  let best = 0;
  for (const run of text.split(/[\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+/u))
    best = Math.max(best, textEms(run));
  // A CJK character is a run of its own.
  if (/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u.test(text)) best = Math.max(best, 1);
  return best;
}

export interface WidthOptions {
  /** the width to share, in the caller's unit */
  total: number;
  /** one em of the cell text, in the same unit */
  em: number;
  /** cell padding left + right, in the same unit */
  padding: number;
  /** rows looked at (long tables are sampled from the top) */
  sample?: number;
}

export function fitColumnWidths(
  columns: readonly string[],
  rows: readonly (readonly string[])[],
  o: WidthOptions,
): number[] {
  const body = rows.slice(0, o.sample ?? 500);
  const lines = (c: number) =>
    [columns[c] ?? '', ...body.map((r) => r[c] ?? '')].flatMap((t) => t.split('\n'));
  // min: the longest unbreakable run; want: the longest line (a column never needs more).
  const min = columns.map((_, c) => Math.max(...lines(c).map(longestUnbreakable)) * o.em + o.padding);
  const want = columns.map((_, c) => Math.max(...lines(c).map(textEms)) * o.em + o.padding);
  const minSum = min.reduce((a, b) => a + b, 0);
  if (minSum >= o.total) return min.map((m) => Math.floor((m / minSum) * o.total));
  const wantSum = want.reduce((a, b) => a + b, 0);
  if (wantSum <= o.total) {
    // Everything fits on one line: spread the spare width evenly in proportion to the content.
    return want.map((w) => Math.floor((w / wantSum) * o.total));
  }
  // Share what is left over the minimums by how much more each column would like.
  const spare = o.total - minSum;
  const extra = want.map((w, c) => w - min[c]!);
  const extraSum = extra.reduce((a, b) => a + b, 0) || 1;
  return min.map((m, c) => Math.floor(m + (extra[c]! / extraSum) * spare));
}
