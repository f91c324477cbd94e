import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, type Node, parseDocument, stringify } from 'yaml';
import type { Person } from '../../schemas/config.js';
import { parseConfig } from '../core/config.js';
import { CONFIG_FILE } from '../core/layout.js';
import { HandoffError } from '../errors.js';
import { writeRepoFile } from './files.js';
import { readText } from './read-text.js';

/**
 * Adds a person to handoff.config.yaml and writes it atomically. The new entry is spliced into the
 * text rather than re-serialising the whole document, which would re-align comments, re-space flow
 * collections and move comments: every other byte of the file stays as the person wrote it.
 */
export function addPersonToConfig(root: string, person: Person): string {
  const text = readText(join(root, CONFIG_FILE));
  const updated = addPersonToConfigText(text, person);
  writeRepoFile(root, CONFIG_FILE, updated, { force: true });
  return CONFIG_FILE;
}

/** The config text with the person appended to `people`, in the style of the entries already there. */
export function addPersonToConfigText(text: string, person: Person): string {
  const document = parseDocument(text);
  const contents = document.contents;
  if (document.errors.length > 0 || !isMap(contents)) {
    throw new HandoffError(
      'config-invalid',
      `${CONFIG_FILE} could not be read as YAML, so the person was not added`,
      {
        fix: 'Run "handoff lint" to see what is wrong with it, fix it, and run this again.',
      },
    );
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const pair = contents.items.find((item) => isScalar(item.key) && item.key.value === 'people');
  const value = pair?.value as Node | null | undefined;
  let updated: string;
  if (!pair) {
    const separator = text === '' || text.endsWith('\n') ? '' : eol;
    updated = `${text}${separator}people:${eol}  - ${flowEntry(person)}${eol}`;
  } else if (isSeq(value) && !value.flow) {
    updated = appendToBlockList(text, value, person, eol);
  } else if (isSeq(value) && value.items.length > 0) {
    // A flow list that already has entries, like `people: [{ ... }]`: add one before the closing bracket.
    const close = text.lastIndexOf(']', value.range![1]);
    updated = `${text.slice(0, close)}, ${flowEntry(person)}${text.slice(close)}`;
  } else if (
    value === null ||
    value === undefined ||
    isSeq(value) ||
    (isScalar(value) && value.value === null)
  ) {
    // `people:`, `people: ~` or `people: []`: becomes a block list with one entry.
    const [start, end] = value?.range ?? [text.length, text.length];
    const lineEnd = endOfLine(text, end);
    const rest = text.slice(end, lineEnd).replace(/\r?\n$/, '');
    const head = text.slice(0, start).replace(/[ \t]+$/, '');
    updated = `${head}${rest}${eol}  - ${flowEntry(person)}${eol}${text.slice(lineEnd)}`;
  } else {
    throw new HandoffError(
      'config-invalid',
      `"people" in ${CONFIG_FILE} is not a list, so the person was not added`,
      {
        fix: 'Make people a list of { id, name, email, roles } entries.',
      },
    );
  }
  checkAdded(text, updated, person);
  return updated;
}

function appendToBlockList(
  text: string,
  list: Node & { items: unknown[] },
  person: Person,
  eol: string,
): string {
  const last = list.items[list.items.length - 1] as Node;
  const [start, end] = last.range!;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  // The text before the entry on its line, like "  - ": its indentation is where the new dash goes.
  const indent = /^[ \t]*/.exec(text.slice(lineStart, start))![0];
  const insertAt = text[end - 1] === '\n' ? end : endOfLine(text, end);
  const needsBreak = insertAt === text.length && !text.endsWith('\n');
  const entry =
    isMap(last) && !last.flow
      ? blockEntry(person)
          .map((line, index) => `${indent}${index === 0 ? '- ' : '  '}${line}`)
          .join(eol)
      : `${indent}- ${flowEntry(person)}`;
  return `${text.slice(0, insertAt)}${needsBreak ? eol : ''}${entry}${eol}${text.slice(insertAt)}`;
}

/** The offset just past the line break that ends the line holding `offset` (or the end of the text). */
function endOfLine(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

const flowOptions = { collectionStyle: 'flow', flowCollectionPadding: false, lineWidth: 0 } as const;

function entries(person: Person): [string, unknown][] {
  const list: [string, unknown][] = [
    ['id', person.id],
    ['name', person.name],
    ['email', person.email],
    ['roles', person.roles],
  ];
  if (person.github !== undefined) list.push(['github', person.github]);
  return list;
}

/** A value written so that it reads back as itself inside a flow collection (and so anywhere else too). */
function flowValue(value: unknown): string {
  return Array.isArray(value)
    ? stringify(value, flowOptions).trim()
    : stringify([value], flowOptions).trim().slice(1, -1);
}

/** `{ id: alex.kim, name: Alex Kim, email: ..., roles: [recruiter] }`, quoted where YAML needs it. */
function flowEntry(person: Person): string {
  return `{ ${entries(person)
    .map(([key, value]) => `${key}: ${flowValue(value)}`)
    .join(', ')} }`;
}

/** The lines of a block mapping entry, for lists written in block style. */
function blockEntry(person: Person): string[] {
  return entries(person).map(([key, value]) => `${key}: ${flowValue(value)}`);
}

/** The edit must add exactly that person and keep the config valid; anything else is a bug, and nothing is written. */
function checkAdded(before: string, after: string, person: Person): void {
  const old = parseDocument(before).toJS() as Record<string, unknown>;
  const updated = parseDocument(after).toJS() as Record<string, unknown>;
  const oldPeople = Array.isArray(old.people) ? old.people : [];
  const expected = { ...old, people: [...oldPeople, { ...person }] };
  const parsed = parseConfig(after);
  if (!isDeepStrictEqual(updated, expected) || !parsed.config) {
    throw new HandoffError(
      'internal',
      `adding ${person.id} would have changed ${CONFIG_FILE} in an unexpected way, so it was left unchanged`,
      {
        details: parsed.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}  ${d.message}`),
        fix: 'Add the person to people in the file by hand, and report this.',
      },
    );
  }
}
