/**
 * The front-matter and section splitters scan text with indexOf for speed. These properties hold them
 * to the plain reading they replace (split into lines, strip a line's trailing carriage return, look
 * at each line), on texts built from the lines that matter: fences, headings, code fences, blank and
 * white-space-only lines, CRLF endings and stray carriage returns.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SplitResult, splitFrontMatter } from '../src/core/frontmatter.js';
import { type Section, splitSections } from '../src/core/sections.js';
import { exampleRepo } from './helpers/repo.js';

function linesOf(text: string): string[] {
  return text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

function referenceFrontMatter(source: string): SplitResult {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  if (text.trim() === '') return { ok: false, problem: { kind: 'empty' } };
  if (text.includes('\0')) return { ok: false, problem: { kind: 'binary' } };
  const lines = linesOf(text);
  const opening = /^---([^\r\n]*)$/.exec(lines[0] ?? '');
  if (!opening) return { ok: false, problem: { kind: 'no-front-matter' } };
  const language = (opening[1] ?? '').trim();
  if (language !== '') return { ok: false, problem: { kind: 'language-fence', language } };
  const closing = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)[ \t]*$/.test(line));
  if (closing === -1) return { ok: false, problem: { kind: 'unclosed' } };
  return {
    ok: true,
    parts: {
      yaml: lines.slice(1, closing).join('\n'),
      yamlLine: 2,
      closingLine: closing + 1,
      body: lines.slice(closing + 1).join('\n'),
      bodyLine: closing + 2,
    },
  };
}

function referenceSections(body: string, bodyLine: number): Section[] {
  const sections: Section[] = [];
  let current: { heading: string; line: number; lines: string[] } | undefined;
  let inFence = false;
  const close = () => {
    if (!current) return;
    let start = 0;
    let end = current.lines.length;
    while (start < end && current.lines[start]!.trim() === '') start++;
    while (end > start && current.lines[end - 1]!.trim() === '') end--;
    sections.push({
      heading: current.heading,
      line: current.line,
      content: current.lines.slice(start, end).join('\n'),
      contentLine: current.line + 1 + start,
    });
  };
  linesOf(body).forEach((line, index) => {
    if (/^[ \t]{0,3}(```|~~~)/.test(line)) inFence = !inFence;
    const match = inFence ? null : /^##[ \t]+(.+?)[ \t#]*$/.exec(line);
    if (match) {
      close();
      current = { heading: match[1]!.trim(), line: bodyLine + index, lines: [] };
    } else current?.lines.push(line);
  });
  close();
  return sections;
}

const line = fc.constantFrom(
  '---',
  '--- ',
  '---yaml',
  '...',
  '... \t',
  '-- -',
  'name: Ana',
  '## Context',
  '##  Why now ##',
  '##',
  '## ',
  '#  Title',
  '```',
  '   ~~~ts',
  '    ```',
  '',
  ' ',
  '\t',
  '\u00a0',
  '\u2003x',
  'Some prose.',
  'a\rb',
  '\r',
);
const ending = fc.constantFrom('\n', '\r\n', '\r\r\n');
const text = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.tuple(line, ending), { maxLength: 14 }),
    fc.constantFrom('', 'tail', '\r', '---'),
  )
  .map(([bom, lines, tail]) => `${bom ? '\uFEFF' : ''}${lines.map(([l, e]) => l + e).join('')}${tail}`);

describe('splitFrontMatter', () => {
  it('reads every text as the line-by-line reading does', () => {
    fc.assert(
      fc.property(text, (source) => {
        expect(splitFrontMatter(source)).toEqual(referenceFrontMatter(source));
      }),
      { numRuns: 3000 },
    );
  });

  it('splits every example document as the line-by-line reading does', () => {
    for (const path of ['candidates/priya-raman/profile.md', 'roles/backend-engineer.md']) {
      const source = readFileSync(join(exampleRepo, path), 'utf8');
      expect(splitFrontMatter(source)).toEqual(referenceFrontMatter(source));
      const crlf = source.replaceAll('\n', '\r\n');
      expect(splitFrontMatter(crlf)).toEqual(referenceFrontMatter(source));
    }
  });
});

describe('splitSections', () => {
  it('finds the same sections, lines and contents as the line-by-line reading', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 40 }), (body, bodyLine) => {
        expect(splitSections(body, bodyLine)).toEqual(referenceSections(body, bodyLine));
      }),
      { numRuns: 3000 },
    );
  });
});
