import { BeianError } from '../errors.js';

/**
 * Explicit text labels (GB 45438 §5): the label must carry an AI element (人工智能 / AI) and a
 * generation element (生成 / 合成). Pure functions, shared with the guard gateway.
 */
const AI = /人工智能|\bAI\b|ＡＩ|AIGC/i;
const MADE = /生成|合成/;

export type TextPosition = 'start' | 'end';

export interface TextLabelCheck {
  ok: boolean;
  ai: boolean;
  generated: boolean;
  /** where both elements were found together */
  at?: TextPosition;
}

/** Does this one sentence carry both elements? */
export function isTextLabel(text: string): boolean {
  return AI.test(text) && MADE.test(text);
}

const sentences = (s: string) => s.split(/(?<=[。！？!?\n])/);

/**
 * Looks for a sentence with both elements within the first or last `window` characters: a label
 * buried in the middle of a long text is not "at the start or end".
 */
export function checkTextLabel(text: string, window = 200): TextLabelCheck {
  const head = text.slice(0, window);
  const tail = text.slice(-window);
  if (sentences(head).some(isTextLabel)) return { ok: true, ai: true, generated: true, at: 'start' };
  if (sentences(tail).some(isTextLabel)) return { ok: true, ai: true, generated: true, at: 'end' };
  const zone = `${head}\n${tail}`;
  return { ok: false, ai: AI.test(zone), generated: MADE.test(zone) };
}

export interface TextLabeler {
  apply(text: string): string;
  check(text: string): TextLabelCheck;
}

/** A labeller for one label text and position; `apply` is idempotent (no second label). */
export function createTextLabeler(options: {
  label: string;
  position?: TextPosition;
  window?: number;
}): TextLabeler {
  const { label, position = 'start', window = Math.max(200, label.length * 2) } = options;
  if (!isTextLabel(label)) throw BeianError.of('USAGE', 'label.badText');
  return {
    apply(text) {
      if (text.includes(label)) return text;
      if (position === 'start') return `${label}\n${text}`;
      return text.endsWith('\n') ? `${text}${label}\n` : `${text}\n${label}`;
    },
    check: (text) => checkTextLabel(text, window),
  };
}
