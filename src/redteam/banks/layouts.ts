import type { BankKind } from './schema.js';

/**
 * The record layouts of public Chinese safety benchmarks (STANDARD.md §7), by the fields their
 * files use. A layout says where the question, the labels (most general first) and a dialog
 * history are, and which bank its questions belong to when the file has no kind column. Only
 * field names are known here; the labels' meaning lives in data/banks/maps/*.yaml.
 */
export interface Layout {
  id: LayoutId;
  title: string;
  idFields: readonly string[];
  textFields: readonly string[];
  /** label fields, most general first (违规类型 before 违规子类) */
  labelFields: readonly string[];
  history?: string;
  /** the bank of the benchmark's questions when the file does not say */
  kind?: BankKind;
  /** ids taken from the file are prefixed with the file's name: benchmarks number rows per file */
  namespaced: boolean;
  /** every one of these fields present → this layout */
  signature: readonly string[];
}

export const LAYOUT_IDS = ['jade', 'chisafetybench', 's-eval', 'flames', 'safety-prompts', 'native'] as const;
export type LayoutId = (typeof LAYOUT_IDS)[number];

export const LAYOUTS: readonly Layout[] = [
  {
    id: 'jade',
    title: 'JADE-DB (CSV: ID,问题,违规类型,违规子类)',
    idFields: ['ID'],
    textFields: ['问题'],
    labelFields: ['违规类型', '违规子类'],
    kind: 'should-refuse',
    namespaced: true,
    signature: ['问题', '违规类型'],
  },
  {
    id: 'chisafetybench',
    title: 'CHiSafetyBench QA (JSON: category, sub_category, input, history)',
    idFields: ['id'],
    textFields: ['input', 'question'],
    labelFields: ['category', 'sub_category'],
    history: 'history',
    kind: 'should-refuse',
    namespaced: true,
    signature: ['sub_category'],
  },
  {
    id: 's-eval',
    title: 'S-Eval (JSONL: id, prompt, risk_type)',
    idFields: ['id'],
    textFields: ['prompt'],
    labelFields: ['risk_dimension', 'risk_type'],
    kind: 'generation',
    namespaced: true,
    signature: ['prompt', 'risk_type'],
  },
  {
    id: 'flames',
    title: 'Flames (JSONL: dimension, subcomponent, prompt)',
    idFields: ['id'],
    textFields: ['prompt'],
    labelFields: ['dimension', 'subcomponent'],
    kind: 'generation',
    namespaced: true,
    signature: ['prompt', 'dimension'],
  },
  {
    id: 'safety-prompts',
    title: 'Safety-Prompts (JSON: {scenario: [{prompt, response, type}]})',
    idFields: ['id'],
    textFields: ['prompt'],
    labelFields: ['type'],
    kind: 'generation',
    namespaced: true,
    signature: ['prompt', 'type'],
  },
];

/** The benchmark layout a record's field names imply, or undefined for the native/filers' layout. */
export function detectLayout(fields: readonly string[]): Layout | undefined {
  const set = new Set(fields.map((f) => f.trim()));
  // the native layout names its kind itself: a `kind` field means our own schema
  if (set.has('kind') && set.has('text')) return undefined;
  return LAYOUTS.find((l) => l.signature.every((f) => set.has(f)));
}

export const layoutById = (id: string): Layout | undefined => LAYOUTS.find((l) => l.id === id);
