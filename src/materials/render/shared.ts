import { translator } from '../../i18n/index.js';
import { type Cell, charCount, type FieldRow, type MaterialDocument } from '../model.js';

/** The value cell of a form row and its status: ok, missing (to complete) or too long. */
export function fieldStatus(row: FieldRow): 'ok' | 'missing' | 'too-long' {
  if (row.value === undefined || row.value.trim() === '') return 'missing';
  if (row.maxLength !== undefined && charCount(row.value) > row.maxLength) return 'too-long';
  return 'ok';
}

/** "123/500" or "123" when the field has no limit; empty when missing. */
export function lengthText(row: FieldRow): string {
  if (row.value === undefined) return row.maxLength === undefined ? '' : `0/${row.maxLength}`;
  const n = charCount(row.value);
  return row.maxLength === undefined ? String(n) : `${n}/${row.maxLength}`;
}

/** The label column of a form row, with the required mark. */
export function fieldLabel(doc: MaterialDocument, row: FieldRow): string {
  if (!row.required) return row.label;
  return translator(doc.lang)('materials.render.required', {
    label: row.label,
    mark: doc.labels.requiredMark,
  });
}

export const cellText = (c: Cell): string =>
  c === null ? '' : typeof c === 'number' ? c.toLocaleString('en-US') : c;

/** Text bar for formats without graphics: 20 cells wide. */
export function textBar(value: number, max: number): string {
  const n = max > 0 ? Math.round((Math.max(0, value) / max) * 20) : 0;
  return '█'.repeat(Math.min(20, n)) + '░'.repeat(20 - Math.min(20, n));
}

export const chartValue = (unit: 'ratio' | 'count', v: number): string =>
  unit === 'ratio' ? `${(v * 100).toFixed(1)}%` : v.toLocaleString('en-US');

// Built from code points so no control character appears literally in a regex.
const XML_INVALID = new RegExp(
  `[${String.fromCharCode(0)}-${String.fromCharCode(8)}${String.fromCharCode(11)}${String.fromCharCode(12)}${String.fromCharCode(14)}-${String.fromCharCode(31)}\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]`,
  'g',
);

/**
 * Removes what XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/U+FFFF), so an
 * untrusted model answer or corpus line can never make a DOCX/XLSX unreadable. Markup characters
 * need no handling here: the docx and exceljs writers escape them.
 */
export function xmlSafe(s: string): string {
  return s.replace(XML_INVALID, '');
}

/** Punctuation between a label and its value, and between list items, per language. */
export const colon = (doc: MaterialDocument): string => translator(doc.lang)('materials.render.colon');
export const listSep = (doc: MaterialDocument): string => translator(doc.lang)('materials.render.listSep');
