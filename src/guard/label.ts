/**
 * The explicit text label of GB 45438-2025 §5 for a text answer (STANDARD.md §5). A minimal
 * version for the guard: engineer "label" owns the full text-label functions in src/label/; the
 * guard will use those once they are in main.
 */
export type LabelPosition = 'start' | 'end';

export interface TextLabel {
  enabled: boolean;
  position: LabelPosition;
  /** the label's wording, e.g. 【本回答由人工智能生成】 */
  text: string;
}

/** The answer with its label at the configured position, on a line of its own. */
export function applyLabel(text: string, label: TextLabel): string {
  if (!label.enabled || label.text === '') return text;
  return label.position === 'start' ? `${label.text}\n${text}` : `${text}\n${label.text}`;
}

/** The piece a stream gets at the label's position (the label is its own chunk). */
export const labelPiece = (label: TextLabel): string =>
  label.position === 'start' ? `${label.text}\n` : `\n${label.text}`;
