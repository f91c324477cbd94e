// Regenerates schemas/json/*.schema.json from the Zod schemas (a test checks they match), through the
// built CLI: `handoff schema` prints every kind's JSON Schema.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const handoff = fileURLToPath(new URL('../bin/handoff.js', import.meta.url));
const schemas = JSON.parse(execFileSync(process.execPath, [handoff, 'schema'], { encoding: 'utf8' }));
for (const [name, schema] of Object.entries(schemas)) {
  const file = new URL(`../schemas/json/${name}.schema.json`, import.meta.url);
  writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
}
