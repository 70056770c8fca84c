import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectJsonSchema } from './json-schema.js';

describe('committed JSON Schema of beian.yaml', () => {
  it('is in sync with the zod schema (run `npm run schema` after changing it)', () => {
    const committed = JSON.parse(
      readFileSync(new URL('../../schema/beian.schema.json', import.meta.url), 'utf8'),
    ) as unknown;
    expect(committed).toEqual(projectJsonSchema());
  });
});
