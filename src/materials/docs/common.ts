import { formatCitation, type Kb, meets, threshold } from '../../kb/index.js';
import { type Block, type Cell, type FieldRow, paragraph, todo } from '../model.js';
import type { Template } from '../template.js';
import type { BuildContext } from './context.js';

/** 0.9612 → "96.1%" */
export const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** A paragraph with the filer's text, or a to-complete box naming the beian.yaml field. */
export function textOr(
  tpl: Template,
  value: string | undefined,
  label: string,
  field: string,
  required = true,
): Block {
  if (value !== undefined && value.trim() !== '') return paragraph(value);
  return todo(tpl.l('todo.field', { label, field }), field, required);
}

/** The to-complete box for an Evidence part that was not supplied. */
export function evidenceTodo(tpl: Template, part: string, required = true): Block {
  return todo(tpl.l(`todo.evidence.${part}`), `evidence.${part}`, required);
}

/** A form row whose limit comes from portal-fields.yaml (key with [] for list items). */
export function row(
  ctx: BuildContext,
  label: string,
  value: string | undefined,
  field: string,
  required = true,
  note?: string,
): FieldRow {
  const key = field.replace(/services\[\d+\]\./, '').replace(/\[\d+\]/g, '[]');
  const maxLength = ctx.templates.portal.maxLength[key];
  return {
    label,
    value: value?.trim() === '' ? undefined : value,
    field,
    required,
    ...(maxLength === undefined ? {} : { maxLength }),
    ...(note === undefined ? {} : { note }),
  };
}

export const fields = (rows: FieldRow[]): Block => ({ kind: 'fields', rows });

export function table(columns: string[], rows: Cell[][], caption?: string, sheet?: string): Block {
  return { kind: 'table', columns, rows, ...(caption ? { caption } : {}), ...(sheet ? { sheet } : {}) };
}

export function riskTitle(kb: Kb, id: string, lang: 'zh' | 'en'): string {
  const r = kb.risks.find((x) => x.id === id) ?? kb.riskCategories.find((x) => x.id === id);
  return r ? `${id} ${r.title[lang]}` : id;
}

/** The result of comparing a measured value with a KB threshold. */
export interface Check {
  thresholdId: string;
  title: string;
  requirement: string;
  measured: string;
  /** undefined: no measurement yet */
  pass: boolean | undefined;
  source: string;
}

function formatValue(v: number, unit: string): string {
  return unit === 'ratio' ? pct(v) : v.toLocaleString('en-US');
}

/** Compares a measurement with a threshold read from the KB (never a literal). */
export function check(ctx: BuildContext, id: string, measured: number | undefined): Check {
  const t = threshold(ctx.kb, id);
  const cmp = t.comparator === '>=' ? '≥' : t.comparator === '<=' ? '≤' : '';
  const cite = t.citations[0];
  return {
    thresholdId: id,
    title: t.title[ctx.lang],
    requirement: `${cmp} ${formatValue(t.value, t.unit)}`.trim(),
    measured: measured === undefined ? '—' : formatValue(measured, t.unit),
    pass: measured === undefined ? undefined : meets(t, measured),
    source: cite ? formatCitation(ctx.kb, cite, ctx.lang) : t.standard,
  };
}

export const verdict = (tpl: Template, pass: boolean | undefined): string =>
  pass === undefined ? tpl.l('result.pending') : pass ? tpl.l('result.pass') : tpl.l('result.fail');

/** A table of threshold checks: requirement, measurement, result, source. */
export function checksTable(tpl: Template, checks: Check[], caption?: string): Block {
  return table(
    [
      tpl.l('col.item'),
      tpl.l('col.requirement'),
      tpl.l('col.measured'),
      tpl.l('col.result'),
      tpl.l('col.source'),
    ],
    checks.map((c) => [c.title, c.requirement, c.measured, verdict(tpl, c.pass), c.source]),
    caption,
  );
}

export const yesNo = (tpl: Template, v: boolean | undefined): string | undefined =>
  v === undefined ? undefined : v ? tpl.l('yes') : tpl.l('no');

/** The document's organisation name, or the to-complete marker text. */
export const orgName = (ctx: BuildContext, tpl: Template): string =>
  ctx.project.organisation?.name ?? tpl.l('todo.inline');
