import { z } from 'zod';
import { ProjectFile } from './schema.js';

/** The JSON Schema of beian.yaml, committed as schema/beian.schema.json so editors autocomplete it. */
export function projectJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ProjectFile, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return { ...schema, title: 'beian.yaml' };
}
