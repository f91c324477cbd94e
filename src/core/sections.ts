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

/** Splits a body into its `##` sections. Headings inside fenced code blocks are not headings. */
export function splitSections(body: string, bodyLine: number): Section[] {
  const lines = body.split('\n');
  const sections: Section[] = [];
  let current: { heading: string; line: number; lines: string[]; firstLine: number } | undefined;
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
      contentLine: current.firstLine + start,
    });
  };

  lines.forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (FENCE.test(line)) inFence = !inFence;
    const match = inFence ? null : HEADING.exec(line);
    if (match) {
      close();
      const fileLine = bodyLine + index;
      current = { heading: match[1]!.trim(), line: fileLine, lines: [], firstLine: fileLine + 1 };
    } else {
      current?.lines.push(line);
    }
  });
  close();
  return sections;
}

export function findSection(sections: readonly Section[], heading: string): Section | undefined {
  const wanted = heading.toLowerCase();
  return sections.find((section) => section.heading.toLowerCase() === wanted);
}
