import MarkdownIt from 'markdown-it';

/**
 * Nothing in a packet may load or run anything: no scripts, no fonts, no remote images. Inline styles
 * are the only thing the page needs; data: images are allowed for a logo an override might embed.
 */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE = `
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --rule: #d9dde5; --accent: #2f5ea8; --note: #fff8e1; }
* { box-sizing: border-box; }
html { font-size: 16px; }
body { margin: 0; color: var(--ink); background: #fff; font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 2.5rem 1.5rem 4rem; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0 0 0.75rem; }
h2 { font-size: 1.25rem; margin: 2.25rem 0 0.75rem; padding-bottom: 0.3rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.05rem; margin: 1.5rem 0 0.5rem; }
h4 { font-size: 1rem; margin: 1.25rem 0 0.4rem; }
p, ul, ol, blockquote, pre, table { margin: 0 0 0.9rem; }
ul, ol { padding-left: 1.4rem; }
li { margin: 0.2rem 0; }
blockquote { margin-left: 0; padding: 0.6rem 1rem; background: var(--note); border-left: 4px solid #e0b400; }
blockquote p, blockquote ul { margin: 0.2rem 0; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9rem; }
pre { padding: 0.75rem 1rem; background: #f4f6f9; border: 1px solid var(--rule); border-radius: 4px; overflow-x: auto; white-space: pre; }
a { color: var(--accent); }
em { color: var(--muted); }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--rule); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
hr { border: 0; border-top: 1px solid var(--rule); margin: 2rem 0; }
@media print {
  @page { margin: 16mm 14mm; }
  html { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  li, blockquote, pre, tr { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; color: var(--muted); }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; }
  pre, blockquote { background: none; }
}
`;

let renderer: MarkdownIt | undefined;

function markdownRenderer(): MarkdownIt {
  if (renderer) return renderer;
  // Raw HTML off, so every piece of document text is escaped; no linkify, no typographer.
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  // Images would be requests; a packet makes none.
  md.disable('image');
  md.validateLink = (url: string) => /^(https?:\/\/|mailto:)/i.test(url.trim());
  const defaultLinkOpen =
    md.renderer.rules.link_open ??
    ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
  md.renderer.rules.link_open = (tokens, index, options, env, self) => {
    tokens[index]!.attrSet('rel', 'noopener noreferrer');
    return defaultLinkOpen(tokens, index, options, env, self);
  };
  renderer = md;
  return md;
}

export interface HtmlOptions {
  title: string;
  lang?: string;
}

/** Renders Markdown into one self-contained HTML file: inline CSS with a print stylesheet, no scripts, no requests. */
export function markdownToHtmlDocument(markdown: string, options: HtmlOptions): string {
  const md = markdownRenderer();
  const body = md.render(markdown);
  const title = md.utils.escapeHtml(options.title);
  return `<!doctype html>
<html lang="${md.utils.escapeHtml(options.lang ?? 'en')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}</main>
</body>
</html>
`;
}
