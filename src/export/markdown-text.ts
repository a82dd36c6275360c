/**
 * Text the export did not write (issue keys, labels, an admin's reasons, finding sentences that
 * quote them) made inert for Markdown and HTML: pasted into an audit file, it renders as itself,
 * never as a link, an image, a tag or emphasis.
 */

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Backslash-escapes only the punctuation that can start markup where a value sits (inside a line,
 * never at its start: line breaks become spaces), so dates and sentences stay readable as text.
 * - `\` `` ` `` `*` `_` `[` `]` `~` `|`: escapes, code, emphasis, links and images, strikethrough, table cells.
 * - `:` before `//`, `@`, and `.` between word characters: the bare URLs, e-mail addresses and
 *   domains that GFM and linkify renderers turn into links without any markup.
 * `<`, `>` and `&` become entities, so no tag, autolink or entity survives.
 */
export function inert(text: string): string {
  return text
    .replace(/\r\n|[\r\n]/g, ' ')
    .replace(/[&<>]/g, (c) => HTML[c] ?? c)
    .replace(/[\\`*_[\]~|]/g, '\\$&')
    .replace(/:(?=\/\/)|@|(?<=\w)\.(?=\w)/g, '\\$&');
}
