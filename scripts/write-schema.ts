// Regenerates schema/beian.schema.json from the zod schema, the field help and the KB: `npm run schema`.
import { writeFileSync } from 'node:fs';
import { committedProjectSchema } from '../src/app/project-schema.js';

writeFileSync(
  new URL('../schema/beian.schema.json', import.meta.url),
  `${JSON.stringify(committedProjectSchema(), null, 2)}\n`,
);
