import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadFairnessData } from '../fairness/data.js';
import { loadKb } from '../kb/index.js';
import { projectJsonSchema, type SchemaExtras } from '../project/json-schema.js';

/** The example projects whose values become the schema's `examples`. */
const EXAMPLES = ['../../examples/demo/beian.yaml', '../../examples/redteam/beian.yaml'];

/** Reads what the JSON Schema shows beyond the zod schema: KB titles, checklist ids, examples. */
export function loadSchemaExtras(): SchemaExtras {
  const kb = loadKb();
  return {
    algorithmTypes: kb.algorithmTypes,
    checklistItems: loadFairnessData(kb).checklist,
    examples: EXAMPLES.map((f) => parse(readFileSync(new URL(f, import.meta.url), 'utf8')) as unknown),
  };
}

/** The JSON Schema of beian.yaml as committed in schema/beian.schema.json. */
export const committedProjectSchema = (): Record<string, unknown> => projectJsonSchema(loadSchemaExtras());
