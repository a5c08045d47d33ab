/**
 * `audit --format csv`: the token table for a spreadsheet, one token a row (RFC 4180: every field in
 * double quotes, `"` doubled, CRLF between records). Values come from GitLab and may hold anything:
 * a field that would start with `=`, `+`, `-` or `@` (or tab or carriage return) is prefixed with `'`
 * so no spreadsheet runs it as a formula (OWASP, "CSV Injection"); control and invisible format
 * characters become `?` as in the text format (a line feed stays, inside its quotes; tab and carriage
 * return become a space).
 */
import type { AuditResult, TokenRow } from './types.js';

export const CSV_COLUMNS = [
  'level',
  'owner',
  'id',
  'name',
  'username',
  'scopes',
  'expires_at',
  'active',
  'state',
] as const;

/** Control (C0, DEL, C1), format (bidi, zero-width) and line/paragraph separators; the line feed excepted. */
const UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
/** What a spreadsheet reads as the start of a formula (OWASP). */
const FORMULA = /^[=+\-@\t\r]/;

/** One field, safe to open in a spreadsheet and to print on a terminal. */
export function csvField(value: string): string {
  const v = value.replace(UNSAFE, (c) => (c === '\n' ? c : c === '\t' || c === '\r' ? ' ' : '?'));
  const inert = FORMULA.test(v) ? `'${v}` : v;
  return `"${inert.replace(/"/g, '""')}"`;
}

function cells(t: TokenRow): string[] {
  return [
    t.level,
    t.owner,
    String(t.id),
    t.name,
    t.username,
    t.scopes.join(','),
    t.expiresAt ?? '',
    String(t.active),
    t.state,
  ];
}

/**
 * Rows end in LF, not RFC 4180's CRLF: every printed line passes the output boundary, which lets no
 * carriage return through (src/core/text.ts); CSV readers (RFC 4180 §2 note, Python's csv, spreadsheets)
 * take LF as well.
 */
export function formatCsv(r: AuditResult): string {
  const rows = [[...CSV_COLUMNS], ...r.tokens.map(cells)];
  return rows.map((row) => row.map(csvField).join(',')).join('\n') + '\n';
}
