import * as z from 'zod';
import { allSchemas } from '../../schemas/index.js';
import { HandoffError } from '../errors.js';
import type { CommandContext } from './context.js';

export type SchemaName = keyof typeof allSchemas;

/** The JSON Schema of one kind, draft-07 and input-shaped (what a person writes, defaults optional). */
export function jsonSchemaOf(name: SchemaName): Record<string, unknown> {
  const schema = z.toJSONSchema(allSchemas[name], {
    target: 'draft-07',
    io: 'input',
    unrepresentable: 'any',
  });
  return { ...schema, $id: `https://handoff.dev/schemas/${name}.json`, title: `handoff ${name}` };
}

export async function schemaCommand(context: CommandContext, kind: string | undefined): Promise<number> {
  const names = Object.keys(allSchemas) as SchemaName[];
  if (kind !== undefined && !names.includes(kind as SchemaName)) {
    throw new HandoffError('usage', `there is no document kind "${kind}"`, {
      fix: `Choose one of: ${names.join(', ')}.`,
    });
  }
  const output =
    kind === undefined
      ? Object.fromEntries(names.map((name) => [name, jsonSchemaOf(name)]))
      : jsonSchemaOf(kind as SchemaName);
  context.io.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  return 0;
}
