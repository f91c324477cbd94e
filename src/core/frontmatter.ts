/**
 * Splits a document into its YAML front matter and Markdown body, keeping where each starts so that
 * every later position points into the original file. Written by hand rather than with gray-matter:
 * gray-matter evaluates `---js` fences, caches results globally and does not report offsets.
 */
export type SplitProblem =
  | { kind: 'empty' }
  | { kind: 'binary' }
  | { kind: 'no-front-matter' }
  | { kind: 'language-fence'; language: string }
  | { kind: 'unclosed' };

export interface FrontMatterParts {
  /** The YAML between the fences. */
  yaml: string;
  /** 1-based line of the first YAML line. */
  yamlLine: number;
  /** 1-based line of the closing fence. */
  closingLine: number;
  body: string;
  /** 1-based line of the first body line. */
  bodyLine: number;
}

export type SplitResult = { ok: true; parts: FrontMatterParts } | { ok: false; problem: SplitProblem };

const OPENING_FENCE = /^---([^\r\n]*)$/;
const CLOSING_FENCE = /^(---|\.\.\.)[ \t]*$/;

export function splitFrontMatter(source: string): SplitResult {
  const withoutBom = source.startsWith('\uFEFF') ? source.slice(1) : source;
  if (!/\S/.test(withoutBom)) return { ok: false, problem: { kind: 'empty' } };
  if (withoutBom.includes('\0')) return { ok: false, problem: { kind: 'binary' } };
  // Lines are read without the carriage return of a CRLF ending; line numbers do not change.
  const text = withoutBom.includes('\r') ? withoutCarriageReturns(withoutBom) : withoutBom;

  const firstBreak = text.indexOf('\n');
  const opening = OPENING_FENCE.exec(firstBreak === -1 ? text : text.slice(0, firstBreak));
  if (!opening) return { ok: false, problem: { kind: 'no-front-matter' } };
  const language = (opening[1] ?? '').trim();
  if (language !== '') return { ok: false, problem: { kind: 'language-fence', language } };
  if (firstBreak === -1) return { ok: false, problem: { kind: 'unclosed' } };

  // Scans line by line with indexOf: splitting every document into lines costs a lint of
  // thousands of documents more than all the rest of this function.
  let lineIndex = 1;
  for (let start = firstBreak + 1; start <= text.length; lineIndex++) {
    const lineBreak = text.indexOf('\n', start);
    const end = lineBreak === -1 ? text.length : lineBreak;
    if (isClosingFence(text, start, end)) {
      return {
        ok: true,
        parts: {
          yaml: start === firstBreak + 1 ? '' : text.slice(firstBreak + 1, start - 1),
          yamlLine: 2,
          closingLine: lineIndex + 1,
          body: lineBreak === -1 ? '' : text.slice(lineBreak + 1),
          bodyLine: lineIndex + 2,
        },
      };
    }
    if (lineBreak === -1) break;
    start = lineBreak + 1;
  }
  return { ok: false, problem: { kind: 'unclosed' } };
}

function isClosingFence(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  // Only a line starting with - or . can close: the expression runs on those alone.
  return (first === 45 || first === 46) && CLOSING_FENCE.test(text.slice(start, end));
}

/** The text without the carriage return that ends a line (as `line.endsWith('\r')` would strip it). */
export function withoutCarriageReturns(text: string): string {
  return text.replace(/\r(?=\n|$)/g, '');
}

export function describeSplitProblem(problem: SplitProblem): string {
  switch (problem.kind) {
    case 'empty':
      return 'the file is empty; a handoff document starts with YAML front matter between two --- lines';
    case 'binary':
      return 'the file is not text (it contains NUL bytes); only Markdown documents belong here';
    case 'no-front-matter':
      return 'the file has no front matter; start it with a line of --- followed by YAML and another ---';
    case 'language-fence':
      return `front matter fenced as "---${problem.language}" is refused; only YAML front matter (a plain --- line) is read`;
    case 'unclosed':
      return 'the front matter is never closed; add a line of --- after the last YAML line';
  }
}
