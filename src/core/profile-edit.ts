/**
 * Edits top-level values of a document's front matter in place: everything else in the file (comments,
 * key order, flow collections, quoting, blank lines, line endings, the whole body) stays byte for
 * byte. The yaml Document API finds each value's exact span; the new value is spliced into the text
 * there, and a key that is missing is added as a new last line of the front matter. Re-serialising the
 * document (doc.toString) would re-wrap long text and re-space flow collections, so it is only the
 * fallback for values that are not one-line scalars.
 */
import { isMap, isScalar, parseDocument, Scalar } from 'yaml';

export type EditResult = { ok: true; text: string } | { ok: false; problem: string };

interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Sets each top-level key to a text value (ids and dates: written plain where YAML keeps them as text). */
export function editFrontMatter(text: string, values: Readonly<Record<string, string>>): EditResult {
  const fences = locateFrontMatter(text);
  if (!fences)
    return { ok: false, problem: 'the file does not start with front matter between two --- lines' };
  const yaml = text.slice(fences.start, fences.end);
  const newline = text.includes('\r\n') ? '\r\n' : '\n';

  let document: ReturnType<typeof parseDocument>;
  try {
    document = parseDocument(yaml, { uniqueKeys: true, strict: true, keepSourceTokens: true });
  } catch {
    return { ok: false, problem: 'the front matter could not be read' };
  }
  if (document.errors.length > 0 || !isMap(document.contents)) {
    return {
      ok: false,
      problem: 'the front matter is not valid YAML; fix it first ("handoff lint" shows where)',
    };
  }

  const splices: Splice[] = [];
  const added: string[] = [];
  let needsReserialising = false;
  for (const [key, value] of Object.entries(values)) {
    const node = document.get(key, true);
    if (node === undefined && !document.has(key)) {
      added.push(`${key}: ${scalarText(value)}${newline}`);
      continue;
    }
    if (isScalar(node) && node.range && isOneLine(node)) {
      splices.push({ start: node.range[0], end: node.range[1], text: scalarText(value) });
      continue;
    }
    document.set(key, value);
    needsReserialising = true;
  }

  let edited: string;
  if (needsReserialising) {
    for (const line of added) {
      const [key] = line.split(':');
      document.set(key!, values[key!]!);
    }
    edited = document.toString({ lineWidth: 0 });
  } else {
    edited = yaml;
    for (const splice of [...splices].sort((a, b) => b.start - a.start)) {
      edited = edited.slice(0, splice.start) + splice.text + edited.slice(splice.end);
    }
    if (added.length > 0) {
      const separator = edited === '' || edited.endsWith('\n') ? '' : newline;
      edited = `${edited}${separator}${added.join('')}`;
    }
  }
  const result = `${text.slice(0, fences.start)}${edited}${text.slice(fences.end)}`;
  return verify(result, values)
    ? { ok: true, text: result }
    : { ok: false, problem: 'the edited front matter did not read back as intended' };
}

/** Where the YAML between the fences starts and ends (the end is the start of the closing fence line). */
function locateFrontMatter(text: string): { start: number; end: number } | undefined {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const firstBreak = text.indexOf('\n', bom);
  if (firstBreak === -1 || text.slice(bom, firstBreak).replace(/\r$/, '').trimEnd() !== '---')
    return undefined;
  let position = firstBreak + 1;
  while (position < text.length) {
    const lineEnd = text.indexOf('\n', position);
    const line = text.slice(position, lineEnd === -1 ? text.length : lineEnd).replace(/\r$/, '');
    if (/^(---|\.\.\.)[ \t]*$/.test(line)) return { start: firstBreak + 1, end: position };
    if (lineEnd === -1) return undefined;
    position = lineEnd + 1;
  }
  return undefined;
}

function isOneLine(node: Scalar): boolean {
  return node.type === Scalar.PLAIN || node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
}

/** A YAML scalar that reads back as this text: plain for ids and dates, double-quoted otherwise. */
export function scalarText(value: string): string {
  if (
    /^[a-z0-9][a-z0-9._-]*$/i.test(value) &&
    !/^([-+]?[0-9._]+([eE][-+]?[0-9]+)?|0[ox][0-9a-fA-F]+|true|false|null|yes|no|on|off|~)$/i.test(value)
  ) {
    return value;
  }
  return JSON.stringify(value);
}

function verify(text: string, values: Readonly<Record<string, string>>): boolean {
  const fences = locateFrontMatter(text);
  if (!fences) return false;
  try {
    const document = parseDocument(text.slice(fences.start, fences.end), { uniqueKeys: true, strict: true });
    if (document.errors.length > 0) return false;
    const data = document.toJS() as Record<string, unknown>;
    return Object.entries(values).every(([key, value]) => data[key] === value);
  } catch {
    return false;
  }
}
