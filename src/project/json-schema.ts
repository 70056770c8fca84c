import { z } from 'zod';
import type { Bilingual } from '../i18n/index.js';
import { enumLabel, fieldHelp } from './field-docs.js';
import { ProjectFile } from './schema.js';

/** What the schema shows beyond the zod schema: KB titles and example values (read by the caller). */
export interface SchemaExtras {
  /** algorithm types (data/kb/algorithm-types.yaml) */
  algorithmTypes?: readonly { id: string; title: Bilingual }[];
  /** self-assessment items (data/kb/checklist.yaml): their ids become the keys of checklist[].answers */
  checklistItems?: readonly { id: string; question: Bilingual }[];
  /** parsed example projects; the first value found at a field's path becomes its `examples` */
  examples?: readonly unknown[];
}

type Node = Record<string, unknown> & {
  properties?: Record<string, Node>;
  items?: Node;
  additionalProperties?: Node | boolean;
  anyOf?: Node[];
  oneOf?: Node[];
  allOf?: Node[];
  enum?: unknown[];
  propertyNames?: Node;
};

const both = (zh: string | undefined, en: string | undefined) =>
  zh === undefined || en === undefined ? undefined : zh === en ? zh : `${zh}\n\n${en}`;

/** The value at a shape path in an example (`[]` = the first element that has the rest). */
function exampleAt(value: unknown, segments: readonly string[]): unknown {
  if (segments.length === 0) return value;
  const [head, ...rest] = segments;
  if (head === '[]') {
    if (!Array.isArray(value)) return undefined;
    for (const v of value) {
      const found = exampleAt(v, rest);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (head === '*' || value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return exampleAt((value as Record<string, unknown>)[head!], rest);
}

const isPlain = (v: unknown): boolean =>
  ['string', 'number', 'boolean'].includes(typeof v) ||
  (Array.isArray(v) && v.length > 0 && v.every((x) => ['string', 'number', 'boolean'].includes(typeof x)));

function segmentsOf(path: string): string[] {
  return path
    .split(/\.|(?=\[\])/)
    .flatMap((s) => (s.startsWith('[]') ? ['[]', ...(s.slice(2) ? [s.slice(2)] : [])] : s ? [s] : []));
}

function annotate(node: Node, path: string, extras: SchemaExtras): void {
  const enumValues = node.enum ?? node.items?.enum;
  if (path === 'services[].algorithms[].types' && node.items?.enum && extras.algorithmTypes) {
    const titles = new Map(extras.algorithmTypes.map((t) => [t.id, t.title]));
    node.items.enumDescriptions = node.items.enum.map((v) => {
      const t = titles.get(String(v));
      return t ? both(t.zh, t.en) : String(v);
    });
  } else if (enumValues) {
    const labels = enumValues.map((v) =>
      both(enumLabel(path, String(v), 'zh'), enumLabel(path, String(v), 'en')),
    );
    if (labels.every((l) => l !== undefined))
      (node.items?.enum ? node.items : node).enumDescriptions = labels;
  }
  if (node.propertyNames?.enum) {
    const labels = node.propertyNames.enum.map((v) =>
      both(enumLabel(path, String(v), 'zh'), enumLabel(path, String(v), 'en')),
    );
    if (labels.every((l) => l !== undefined)) node.propertyNames.enumDescriptions = labels;
  }
  if (
    path === 'checklist[].answers' &&
    extras.checklistItems &&
    typeof node.additionalProperties === 'object'
  ) {
    const answer = node.additionalProperties;
    node.propertyNames = { enum: extras.checklistItems.map((i) => i.id) };
    node.properties = Object.fromEntries(
      extras.checklistItems.map((i) => [
        i.id,
        { ...structuredClone(answer), description: both(i.question.zh, i.question.en) },
      ]),
    );
  }
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const childPath = path ? `${path}.${key}` : key;
    if (path === 'checklist[].answers') {
      annotate(child, `${path}.*`, extras);
      continue;
    }
    const help = both(fieldHelp(childPath, 'zh'), fieldHelp(childPath, 'en'));
    if (help !== undefined && child.description === undefined) child.description = help;
    for (const example of extras.examples ?? []) {
      const v = exampleAt(example, segmentsOf(childPath));
      if (isPlain(v) && child.examples === undefined) child.examples = [v];
    }
    annotate(child, childPath, extras);
  }
  if (node.items) annotate(node.items, `${path}[]`, extras);
  if (typeof node.additionalProperties === 'object') annotate(node.additionalProperties, `${path}.*`, extras);
  for (const alt of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])])
    annotate(alt, path, extras);
}

/**
 * The JSON Schema of beian.yaml, committed as schema/beian.schema.json so editors autocomplete it
 * and show each field's help (zh, then en), its enum labels and an example on hover.
 */
export function projectJsonSchema(extras: SchemaExtras = {}): Record<string, unknown> {
  const schema = z.toJSONSchema(ProjectFile, { io: 'input', unrepresentable: 'any' }) as Node;
  annotate(schema, '', extras);
  return { ...schema, title: 'beian.yaml' };
}

/** Every field path of the schema (`services[].answers.functions`), for completeness checks. */
export function schemaFieldPaths(schema: Record<string, unknown>): string[] {
  const out = new Set<string>();
  const walk = (node: Node, path: string) => {
    for (const [k, child] of Object.entries(node.properties ?? {})) {
      const p = path === 'checklist[].answers' ? `${path}.*` : path ? `${path}.${k}` : k;
      if (path !== 'checklist[].answers') out.add(p);
      walk(child, p);
    }
    if (node.items) walk(node.items, `${path}[]`);
    if (typeof node.additionalProperties === 'object') walk(node.additionalProperties, `${path}.*`);
    for (const alt of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])]) walk(alt, path);
  };
  walk(schema as Node, '');
  return [...out];
}
