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
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  if (text.trim() === '') return { ok: false, problem: { kind: 'empty' } };
  if (text.includes('\0')) return { ok: false, problem: { kind: 'binary' } };

  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  const opening = OPENING_FENCE.exec(lines[0] ?? '');
  if (!opening) return { ok: false, problem: { kind: 'no-front-matter' } };
  const language = (opening[1] ?? '').trim();
  if (language !== '') return { ok: false, problem: { kind: 'language-fence', language } };

  const closingIndex = lines.findIndex((line, index) => index > 0 && CLOSING_FENCE.test(line));
  if (closingIndex === -1) return { ok: false, problem: { kind: 'unclosed' } };

  return {
    ok: true,
    parts: {
      yaml: lines.slice(1, closingIndex).join('\n'),
      yamlLine: 2,
      closingLine: closingIndex + 1,
      body: lines.slice(closingIndex + 1).join('\n'),
      bodyLine: closingIndex + 2,
    },
  };
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
