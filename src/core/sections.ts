import { withoutCarriageReturns } from './frontmatter.js';

/** A `##` section of a document body. */
export interface Section {
  heading: string;
  /** 1-based line of the heading in the original file. */
  line: number;
  /** The text under the heading, up to the next `##` heading (or the end), without surrounding blank lines. */
  content: string;
  /** 1-based line in the original file of the first line of `content` (the line after the heading when empty). */
  contentLine: number;
}

const HEADING = /^##[ \t]+(.+?)[ \t#]*$/;
const FENCE = /^[ \t]{0,3}(```|~~~)/;

/** A section being read: its heading, and where its first and last lines that are not blank are. */
interface OpenSection {
  heading: string;
  line: number;
  /** Lines read under the heading so far. */
  lines: number;
  /** Offset in the body where the first line that is not blank starts, and which line under the heading it is. */
  contentStart: number;
  contentIndex: number;
  /** Offset in the body where the last line that is not blank so far ends. */
  contentEnd: number;
}

/**
 * Splits a body into its `##` sections. Headings inside fenced code blocks are not headings. The body
 * is scanned with indexOf rather than split into lines: lint reads tens of thousands of bodies.
 */
export function splitSections(source: string, bodyLine: number): Section[] {
  const body = source.includes('\r') ? withoutCarriageReturns(source) : source;
  const sections: Section[] = [];
  let current: OpenSection | undefined;
  let inFence = false;

  const close = () => {
    if (!current) return;
    const empty = current.contentStart === -1;
    sections.push({
      heading: current.heading,
      line: current.line,
      content: empty ? '' : body.slice(current.contentStart, current.contentEnd),
      contentLine: current.line + 1 + (empty ? current.lines : current.contentIndex),
    });
  };

  let index = 0;
  for (let start = 0; start <= body.length; index++) {
    const lineBreak = body.indexOf('\n', start);
    const end = lineBreak === -1 ? body.length : lineBreak;
    if (mayBeFence(body, start) && FENCE.test(body.slice(start, end))) inFence = !inFence;
    const match = inFence || !isHeadingStart(body, start) ? null : HEADING.exec(body.slice(start, end));
    if (match) {
      close();
      current = {
        heading: match[1]!.trim(),
        line: bodyLine + index,
        lines: 0,
        contentStart: -1,
        contentIndex: 0,
        contentEnd: -1,
      };
    } else if (current) {
      if (!isBlank(body, start, end)) {
        if (current.contentStart === -1) {
          current.contentStart = start;
          current.contentIndex = current.lines;
        }
        current.contentEnd = end;
      }
      current.lines++;
    }
    if (lineBreak === -1) break;
    start = lineBreak + 1;
  }
  close();
  return sections;
}

// The scans below never read past the end of the text: V8 drops the optimised code of a function that
// does, and compiles it again.

function isHeadingStart(text: string, start: number): boolean {
  return start + 1 < text.length && text.charCodeAt(start) === 35 && text.charCodeAt(start + 1) === 35; // ##
}

/** False when a line cannot open or close a fence: after up to three blanks comes neither ` nor ~. */
function mayBeFence(text: string, start: number): boolean {
  const end = Math.min(start + 4, text.length);
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code === 96 || code === 126) return true; // ` ~
    if (code !== 32 && code !== 9) return false;
  }
  return false;
}

/** True when a line holds only white space (what `trim` removes). */
function isBlank(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code === 32 || (code >= 9 && code <= 13)) continue;
    if (code < 128) return false;
    return !/\S/.test(text.slice(at, end));
  }
  return true;
}

export function findSection(sections: readonly Section[], heading: string): Section | undefined {
  const wanted = heading.toLowerCase();
  return sections.find((section) => section.heading.toLowerCase() === wanted);
}
