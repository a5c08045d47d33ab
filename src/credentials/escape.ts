/**
 * Escaping for each file format, as nunjucks filters: a value with quotes, `<`, `&`, newlines or `%`
 * cannot break out of the place it is written. Where a format has no safe way to carry a value
 * (a newline in an INI or git-config value), the filter refuses it.
 */
export class UnsafeValueError extends Error {}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** XML attribute or text (NuGet.Config, settings.xml). XML 1.0 cannot carry most control characters. */
export function xml(v: unknown): string {
  const s = String(v);
  if (CONTROL.test(s)) throw new UnsafeValueError('a value with control characters cannot be written to XML');
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/** A JSON string literal (config.json). */
export function json(v: unknown): string {
  return JSON.stringify(String(v));
}

/** An INI value (pip.conf, .pypirc, .npmrc): one line, no surrounding white space (parsers strip it). */
export function ini(v: unknown): string {
  const s = String(v);
  if (/[\r\n]/.test(s) || CONTROL.test(s))
    throw new UnsafeValueError('a value with a line break cannot be written to an INI file');
  if (s !== s.trim())
    throw new UnsafeValueError(
      'a value with leading or trailing white space cannot be written to an INI file',
    );
  return s;
}

/**
 * An .npmrc value: npm's ini parser cuts an unquoted value at `;` or `#` and trims it, but reads a
 * double-quoted value as JSON; so values that need it are written as JSON strings.
 */
export function npmrc(v: unknown): string {
  const s = String(v);
  return /[;#"'\\\u0000-\u001f]/.test(s) || s !== s.trim() || s.startsWith('[') ? JSON.stringify(s) : s;
}

/** A git-config quoted string (git-config(1) "Syntax"): backslash and double quote escaped. */
export function gitq(v: unknown): string {
  const s = String(v);
  if (/[\r\n]/.test(s) || CONTROL.test(s))
    throw new UnsafeValueError('a value with a line break cannot be written to git config');
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * A netrc token: curl reads quoted strings, Go and Python's netrc module do not agree on quoting or on
 * `#`, so a value that would need quoting, or starts a comment, is refused.
 */
export function netrc(v: unknown): string {
  const s = String(v);
  if (s === '' || /[\s"'\\]/.test(s) || CONTROL.test(s) || s.startsWith('#'))
    throw new UnsafeValueError(
      'a value with white space, quotes, a backslash or a leading # cannot be written to a netrc',
    );
  return s;
}

/** A POSIX shell word. */
export function sh(v: unknown): string {
  return `'${String(v).replace(/'/g, `'\\''`)}'`;
}

export const FORMAT_FILTERS = { xml, json, ini, npmrc, gitq, netrc, sh } as const;
