import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Node } from 'yaml';
import type { Position } from './diagnostics.js';
import { parseSimpleYaml } from './yaml-fast.js';

// The yaml package (about 35 ms to load) is loaded on first use: front matter that the small reader
// takes never needs it, so most lint runs and commands start without it.
const require = createRequire(import.meta.url);
let yamlPackage: typeof Yaml | undefined;
function yaml(): typeof Yaml {
  yamlPackage ??= require('yaml') as typeof Yaml;
  return yamlPackage;
}

/** Where each key (or list item) sits, by its dotted path: `source.detail`, `loop.0.questions.1.text`. */
export type KeyPositions = Map<string, { key: Position; value: Position }>;

export interface YamlProblem extends Position {
  message: string;
}

export interface ParsedYaml {
  /** The data when the YAML is a mapping and parsed without errors, else undefined. */
  data: Record<string, unknown> | undefined;
  positions: KeyPositions;
  problems: YamlProblem[];
}

/** Bounds alias expansion so that a "billion laughs" document fails fast instead of exhausting memory. */
const MAX_ALIAS_COUNT = 100;

/**
 * Parses front matter YAML. Every error is collected with its position, shifted by `firstLine` so it
 * points into the original file. Messages never quote the source: it may hold personal data. With
 * `deferPositions`, the key positions of front matter the small reader takes are worked out only
 * when first asked for.
 */
export function parseFrontMatterYaml(
  text: string,
  firstLine: number,
  options: { deferPositions?: boolean } = {},
): ParsedYaml {
  // Most front matter is plain block YAML, which a small reader (yaml-fast.ts) handles ten times faster.
  return parseSimpleYaml(text, firstLine, options) ?? parseWithYamlPackage(text, firstLine);
}

/** The full parser behind parseFrontMatterYaml, for everything the small reader leaves to it. */
export function parseWithYamlPackage(text: string, firstLine: number): ParsedYaml {
  const { LineCounter, parseDocument, isMap, isSeq } = yaml();
  const lineCounter = new LineCounter();
  const positions: KeyPositions = new Map();
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  const span = (range: readonly [number, number, number] | null | undefined): Position => {
    if (!range) return { line: firstLine, column: 1 };
    const start = at(range[0]);
    const end = at(range[1]);
    return { ...start, endLine: end.line, endColumn: end.column };
  };

  let document: ReturnType<typeof Yaml.parseDocument>;
  try {
    document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  } catch (error) {
    return {
      data: undefined,
      positions,
      problems: [{ line: firstLine, column: 1, message: unexpected(error) }],
    };
  }

  const problems: YamlProblem[] = document.errors.map((error) => ({
    ...at(error.pos[0]),
    message: describeYamlError(error.code, error.message),
  }));
  if (problems.length > 0) return { data: undefined, positions, problems };

  const contents = document.contents;
  if (!isMap(contents)) {
    const where = contents ? span(contents.range) : { line: firstLine, column: 1 };
    const what = contents === null ? 'empty' : isSeq(contents) ? 'a list' : 'a single value';
    return {
      data: undefined,
      positions,
      problems: [
        { ...where, message: `the front matter is ${what}; it must be a mapping of keys to values` },
      ],
    };
  }

  collectPositions(contents, '', positions, span);

  try {
    const data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown>;
    return { data, positions, problems };
  } catch (error) {
    const message =
      error instanceof ReferenceError && /alias/i.test(error.message)
        ? `the front matter expands too many aliases (more than ${MAX_ALIAS_COUNT}); write the values out instead of repeating *aliases`
        : unexpected(error);
    return { data: undefined, positions, problems: [{ line: firstLine, column: 1, message }] };
  }
}

function collectPositions(
  node: Node | null | undefined,
  prefix: string,
  positions: KeyPositions,
  span: (range: readonly [number, number, number] | null | undefined) => Position,
  depth = 0,
): void {
  if (!node || depth > 64) return;
  const { isMap, isPair, isScalar, isSeq } = yaml();
  if (isMap(node)) {
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const keyNode = item.key as Node | null;
      const key = isScalar(keyNode) ? String(keyNode.value) : '';
      const path = prefix === '' ? key : `${prefix}.${key}`;
      const valueNode = item.value as Node | null;
      const keyPosition = span(keyNode?.range);
      positions.set(path, {
        key: keyPosition,
        value: valueNode?.range ? span(valueNode.range) : keyPosition,
      });
      collectPositions(valueNode, path, positions, span, depth + 1);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const path = `${prefix}.${index}`;
      const itemNode = item as Node | null;
      const position = span(itemNode?.range);
      positions.set(path, { key: position, value: position });
      collectPositions(itemNode, path, positions, span, depth + 1);
    });
  }
}

function describeYamlError(code: string, message: string): string {
  if (code === 'DUPLICATE_KEY') return 'this key appears twice in the same mapping; keep one of them';
  // The yaml package's message names the problem without quoting the document; drop its position suffix.
  const firstLine = message.split('\n')[0] ?? message;
  return `invalid YAML: ${firstLine.replace(/ at line \d+, column \d+:?$/, '')}`;
}

function unexpected(error: unknown): string {
  const name = error instanceof Error ? error.constructor.name : 'error';
  return `the front matter could not be read (${name}); simplify it to plain keys, lists and values`;
}
