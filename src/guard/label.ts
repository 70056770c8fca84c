import { createTextLabeler, isTextLabel, type TextPosition } from '../label/explicit-text.js';

/**
 * The explicit text label of GB 45438-2025 §5 on the guard's answers (STANDARD.md §5), through the
 * shared text-label functions of src/label/.
 */
export type LabelPosition = TextPosition;

export interface TextLabel {
  enabled: boolean;
  position: LabelPosition;
  /** the label's wording, e.g. 【本回答由人工智能生成】 */
  text: string;
}

/** True when the wording carries both elements the standard asks for (人工智能/AI and 生成/合成). */
export const validLabelText = (text: string): boolean => isTextLabel(text);

/** The answer with its label at the configured position (never a second label). */
export function applyLabel(text: string, label: TextLabel): string {
  if (!label.enabled || label.text === '') return text;
  return createTextLabeler({ label: label.text, position: label.position }).apply(text);
}

/** The piece a stream gets at the label's position (the label is its own chunk). */
export const labelPiece = (label: TextLabel): string =>
  label.position === 'start' ? `${label.text}\n` : `\n${label.text}`;
