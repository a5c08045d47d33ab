/**
 * Text from outside (GitLab's paths, names, versions, variable values and messages; files; the
 * environment) made safe to print: the one definition of the characters that must not reach a
 * terminal, a job log or a Markdown summary raw.
 *
 * Unsafe: control characters (C0 with ESC, DEL, C1), line and paragraph separators, and format
 * characters (\p{Cf}: bidi embeddings, overrides and isolates U+202A–U+202E, U+2066–U+2069, the
 * marks U+200E, U+200F, U+061C, zero-width characters, the BOM). With them a terminal can be driven
 * (ESC sequences), a line rewritten (CR) or "\u202enekot-yolped-baltig" shown as gitlab-deploy-token.
 */

const UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/**
 * The exact SGR sequences this tool's own styles emit (src/plan/format.ts, validate's text format):
 * bold, dim, normal intensity, red, green, yellow, cyan, grey, default colour, reset. Only these
 * survive `cleanText`; none moves the cursor, clears, hides text or sets a title.
 */
const OWN_STYLE = /\u001b\[(?:0|1|2|22|31|32|33|36|39|90)m/y;

/**
 * Multi-line text, cleaned: new lines and tabs stay, every other unsafe character becomes `?`.
 * `style`: output to a terminal, where our own colour sequences (OWN_STYLE) stay too.
 */
export function cleanText(s: string, opts: { style?: boolean } = {}): string {
  return s.replace(UNSAFE, (c, offset: number) => {
    if (c === '\n' || c === '\t') return c;
    if (c === '\u001b' && opts.style === true) {
      OWN_STYLE.lastIndex = offset;
      if (OWN_STYLE.test(s)) return c;
    }
    return '?';
  });
}

/** One line, nothing unsafe: each unsafe character becomes `?`, white space (\n, \r, \t) a space. */
export function oneLine(s: string): string {
  return s.replace(UNSAFE, (c) => (c === '\n' || c === '\r' || c === '\t' ? ' ' : '?'));
}

/**
 * JSON text with every unsafe character written as a `\uXXXX` escape: the same JSON value (outside
 * the new lines of its indentation, those characters can only stand inside strings), but nothing raw
 * for a terminal or a log to act on.
 */
export function escapeJsonUnsafe(json: string): string {
  // JSON.stringify escapes C0 inside strings itself: a raw new line is its own indentation.
  return json.replace(UNSAFE, (c) =>
    c === '\n' ? c : `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * `JSON.stringify` (pretty with `indent`) whose output carries no unsafe character raw and no `##[`
 * (the runner's legacy command prefix, read anywhere in a line): `[` after `##` is written `\u005b`.
 * The JSON value is the same.
 */
export function safeJson(value: unknown, indent?: number): string {
  return escapeJsonUnsafe(JSON.stringify(value, null, indent)).replace(/##\[/g, '##\\u005b');
}

/**
 * The tool's own words in a Markdown table cell: one line, no column breaks, no HTML, no accidental
 * emphasis, code or links. (Values from GitLab go to mdCode.)
 */
export function mdText(s: string): string {
  return oneLine(s)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([`*_[\]])/g, '\\$1');
}

/**
 * A value from outside as an inline code span, inert on GitHub and GitLab: the fence is one backtick
 * longer than any run in the value and padded with a space (CommonMark strips one each side), so no
 * backtick in the value can close it. `|` stays escaped as `\|`: GFM splits table cells before it
 * parses code spans, and removes that backslash again in the cell (cmark-gfm `unescape_pipes`).
 */
export function mdCode(s: string): string {
  const v = oneLine(s);
  if (v === '') return '""';
  const longest = Math.max(0, ...(v.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence} ${v.replace(/\|/g, '\\|')} ${fence}`;
}
