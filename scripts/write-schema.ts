// Regenerates schema/beian.schema.json from the zod schema: `npm run schema`.
import { writeFileSync } from 'node:fs';
import { projectJsonSchema } from '../src/project/json-schema.js';

writeFileSync(
  new URL('../schema/beian.schema.json', import.meta.url),
  `${JSON.stringify(projectJsonSchema(), null, 2)}\n`,
);
