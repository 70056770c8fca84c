/**
 * The UTF-16 code at `i` in `text`, or U+FFFF outside it (before its start, at or past its end),
 * read without reading outside: optimised code that reads past a text's end (charCodeAt's NaN) is
 * thrown away and compiled again, once per such site and per thread, and a NaN flowing on into code
 * that has only seen small integers is thrown away again. In the name and address detectors that
 * was about half of TurboFan's work, which every worker thread pays again. U+FFFF is a
 * noncharacter: it is in none of the detectors' tables, sets or ranges of codes, so it answers
 * every comparison and lookup as charCodeAt's NaN did, and it stays a valid index of a 0x10000
 * table. For comparisons and lookups only.
 */
export const OUTSIDE = 0xffff;
export const codeAt = (text: string, i: number): number =>
  i >= 0 && i < text.length ? text.charCodeAt(i) : OUTSIDE;
