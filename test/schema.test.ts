import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allSchemas } from '../schemas/index.js';
import { jsonSchemaOf, type SchemaName } from '../src/commands/schema.js';
import { projectRoot, runCli, tempDir } from './helpers/repo.js';

const names = Object.keys(allSchemas) as SchemaName[];

describe('handoff schema', () => {
  it.each(names)(
    'the committed schemas/json/%s.schema.json matches the Zod schema (npm run schemas)',
    (name) => {
      const committed = JSON.parse(
        readFileSync(join(projectRoot, 'schemas/json', `${name}.schema.json`), 'utf8'),
      );
      expect(committed).toEqual(jsonSchemaOf(name));
    },
  );

  it('prints one kind as draft-07 JSON Schema with strict objects', async () => {
    const result = await runCli(['schema', 'candidate'], { cwd: tempDir() });
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(
      expect.arrayContaining(['kind', 'id', 'name', 'role', 'stage', 'status']),
    );
    expect(schema.properties.status.enum).toEqual(['active', 'on-hold', 'hired', 'rejected', 'withdrawn']);
  });

  it('prints every kind when none is named', async () => {
    const result = await runCli(['schema'], { cwd: tempDir() });
    expect(Object.keys(JSON.parse(result.stdout))).toEqual(names);
  });

  it('rejects an unknown kind with the valid ones (exit 2)', async () => {
    const result = await runCli(['schema', 'scorecard'], { cwd: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('role, candidate, memo, feedback, survey, config');
  });
});
