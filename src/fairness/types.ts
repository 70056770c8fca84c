import type { MessageKey, MessageParams } from '../i18n/index.js';

/** The shared result vocabulary of the audits: the `--json` contract of issue #7 §4. */

/** One raised flag. `value` is the metric's value for `group` against `reference`. */
export interface Flag {
  metric: 'price-difference' | 'disparate-impact' | 'equal-opportunity' | 'exposure';
  /** the column (protected attribute) the groups come from */
  attribute: string;
  group: string;
  reference: string;
  value: number;
  ci: [number, number];
  pValue: number;
}

/** A row the audit could not use, located by its 1-based line in the input file. */
export interface Malformed {
  line: number;
  column?: string;
  value?: string;
  /** English text, for `--json` readers; the CLI shows `key` translated (`messageOf`) */
  message: string;
  key?: MessageKey;
  params?: MessageParams;
}
