// Regenerates schemas/json/*.schema.json from the Zod schemas (a test checks they match).
import { writeFileSync } from 'node:fs';
import { allSchemas } from '../dist/schemas/index.js';
import { jsonSchemaOf } from '../dist/src/commands/schema.js';

for (const name of Object.keys(allSchemas)) {
  const file = new URL(`../schemas/json/${name}.schema.json`, import.meta.url);
  writeFileSync(file, `${JSON.stringify(jsonSchemaOf(name), null, 2)}\n`);
}
