/**
 * The default output, actionlint's: `path:line:col: message [rule-id]`, then the source line and a
 * caret under the span. No colour unless asked (NO_COLOR and non-TTY output turn it off upstream).
 * What comes from the files (the echoed line, names quoted in messages, paths) is printed with its
 * control and invisible characters made visible (visible.ts): a file cannot move the cursor, recolour
 * the terminal or reorder what the reader sees.
 */
import type { Finding } from '../finding.js';
import { visible } from './visible.js';

const COLORS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m' } as const;
const BOLD = '\x1b[1m';
const DIM = '\x1b[90m';
const RESET = '\x1b[0m';
const MAX_LINE = 160;

export function formatText(
  findings: readonly Finding[],
  sources: ReadonlyMap<string, string>,
  color = false,
): string {
  const linesOf = new Map<string, string[]>();
  const out: string[] = [];
  for (const f of findings) {
    const head = `${visible(f.file)}:${f.line}:${f.col}:`;
    const message = visible(f.message);
    out.push(
      color
        ? `${BOLD}${head}${RESET} ${message} ${DIM}[${f.ruleId}]${RESET}`
        : `${head} ${message} [${f.ruleId}]`,
    );
    const text = sources.get(f.file);
    // A whole-file finding (no span) has no line to show.
    if (text === undefined || f.endLine === undefined) continue;
    let lines = linesOf.get(f.file);
    if (!lines) {
      lines = text.split('\n');
      linesOf.set(f.file, lines);
    }
    let src = visible((lines[f.line - 1] ?? '').replace(/\r$/, ''));
    let col = f.col;
    let width =
      f.endLine === f.line && f.endCol !== undefined && f.endCol > f.col
        ? f.endCol - f.col
        : Math.max(1, src.length - f.col + 1);
    // A very long line (minified JSON in a variable) is shown around the span only.
    if (src.length > MAX_LINE) {
      const from = Math.max(0, col - 1 - 40);
      const cut = src.slice(from, from + MAX_LINE);
      src = `${from > 0 ? '…' : ''}${cut}${from + MAX_LINE < src.length ? '…' : ''}`;
      col = col - from + (from > 0 ? 1 : 0);
      width = Math.min(width, MAX_LINE - (col - 1));
    }
    const num = String(f.line);
    const gutter = ' '.repeat(num.length);
    // Keep tabs so the caret lines up under tab-indented text.
    const pad = src.slice(0, col - 1).replace(/[^\t]/g, ' ');
    const caret = `^${'~'.repeat(Math.max(0, Math.min(width, Math.max(1, src.length - col + 1)) - 1))}`;
    out.push(`${num} | ${src}`);
    out.push(`${gutter} | ${pad}${color ? `${COLORS[f.severity]}${caret}${RESET}` : caret}`);
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}
